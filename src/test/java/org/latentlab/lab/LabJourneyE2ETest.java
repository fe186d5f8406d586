package org.latentlab.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Lab in real Chromium: a student starts a short denoising run on a few digits and watches the loss chart
 * fill and the reconstructions appear by server push, starts and cancels a second run, and finds both in My runs,
 * where the two curves can be compared.
 */
class LabJourneyE2ETest extends BrowserJourney {

    private static final double PATIENCE_MS = 180_000;

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    TrainingQueue queue;

    @BeforeEach
    void aStudent() {
        fixture.admin();
        fixture.student("amina");
    }

    @AfterEach
    void emptyQueue() throws InterruptedException {
        LabRunsTest.stopAll(queue);
    }

    @Test
    void studentWatchesADenoisingRunLearnCancelsAnotherAndFindsBothInMyRuns() {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            Chromium.signIn(page, url("/login"), "amina", ClassroomFixture.PASSWORD);

            // As the lesson links to it.
            page.navigate(url("/lab?experiment=denoising-ae"));
            assertThat(page.locator("#lab-experiment-title")).hasText("Denoising autoencoder");
            page.locator("#field-epochs input").fill("0");
            page.locator("#field-epochs input").press("Tab");
            assertThat(page.locator("#field-epochs")).containsText("Epochs must be between 1 and 200.");
            page.locator("#field-epochs input").fill("3");
            page.locator("#field-digits input").fill("512");
            page.locator("#field-digits input").press("Tab");
            page.click("#lab-start");

            page.waitForURL("**/lab/runs/**");
            String denoisingUrl = page.url();
            // Live: points arrive on the chart and the reconstruction grid appears, without reloading.
            page.waitForSelector("loss-chart[has-data]", new Page.WaitForSelectorOptions().setTimeout(PATIENCE_MS));
            assertThat(page.locator("#run-chart canvas")).isVisible();
            page.waitForSelector("#run-samples .ll-sample-digit",
                    new Page.WaitForSelectorOptions().setTimeout(PATIENCE_MS));
            // Denoising shows three rows: original, noisy input, network output.
            assertThat(page.locator("#run-samples .ll-sample-label")).hasCount(3);
            assertThat(page.locator("#run-samples .ll-sample-digit")).hasCount(24);
            assertThat(page.locator(".ll-state-finished")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
            assertThat(page.locator("#run-test-metric")).containsText("mean squared error");
            Chromium.screenshot(page, "lab-denoising-finished");

            // A second, long run: started and cancelled.
            page.navigate(url("/lab?experiment=conv-ae"));
            page.locator("#field-epochs input").fill("100");
            page.locator("#field-epochs input").press("Tab");
            // No run may take the machine for hours: the form says how far it can go.
            page.click("#lab-start");
            assertThat(page.locator("#field-epochs")).containsText("at most 25 epochs");
            page.locator("#field-epochs input").fill("25");
            page.locator("#field-epochs input").press("Tab");
            page.click("#lab-start");
            page.waitForURL(url -> url.contains("/lab/runs/") && !url.equals(denoisingUrl));
            page.click("#run-cancel");
            assertThat(page.locator(".ll-state-cancelled")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));

            page.navigate(url("/lab/runs"));
            Locator grid = page.locator("#my-runs-grid");
            assertThat(grid).containsText("Denoising autoencoder");
            assertThat(grid).containsText("Convolutional autoencoder");
            assertThat(grid).containsText("Finished");
            assertThat(grid).containsText("Cancelled");

            // Compare the two curves on one chart.
            // The first checkbox selects all rows; tick the two runs one by one, as a student would.
            Locator checkboxes = page.locator("#my-runs-grid vaadin-checkbox");
            checkboxes.nth(1).click();
            checkboxes.nth(2).click();
            page.click("#runs-compare");
            page.waitForSelector("#runs-compare-chart canvas");
            assertThat(page.locator("#runs-compare-chart .u-legend")).containsText("Validation: Denoising");
            Chromium.screenshot(page, "lab-my-runs");
        }
    }

}
