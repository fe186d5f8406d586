package org.latentlab.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The assignment in real Chromium, in Hebrew (right to left): a student designs a convolutional VAE, sees the shapes
 * and the PyTorch listing, trains it on a few digits, hands it in, and the teacher sees its architecture beside the
 * curve. Screenshots under target/e2e.
 */
class DesignJourneyE2ETest extends BrowserJourney {

    private static final double PATIENCE_MS = 180_000;

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    SignIn signIn;
    @Autowired
    TrainingQueue queue;

    @BeforeEach
    void aStudentInRivkasClass() {
        fixture.admin();
        signIn.as(fixture.teacher("rivka"));
        ClassSummary year11 = classrooms.createClass("Year 11");
        signIn.as(fixture.student("noa"));
        classrooms.join(year11.joinCode());
        signIn.out();
    }

    @AfterEach
    void emptyQueue() throws InterruptedException {
        LabRunsTest.stopAll(queue);
    }

    @Test
    void aStudentDesignsAConvolutionalVaeInHebrewTrainsItHandsItInAndTheTeacherSeesItsArchitecture() {
        try (BrowserContext context = chromium.browser().newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            Chromium.signIn(page, url("/login"), "noa", ClassroomFixture.PASSWORD);

            page.navigate(url("/lab?experiment=conv-vae&lang=he"));
            page.click("#lab-design-link");
            page.waitForURL("**/lab/design**");
            assertThat(page.locator("html")).hasAttribute("dir", "rtl");
            assertThat(page.locator("h1")).hasText("מעצב הרשתות");
            // The lesson's recipe: three stages to 8 x 4 x 4, and a valid convolution that takes 16 back to 14.
            assertThat(page.locator("#design-summary")).containsText("5,285");
            assertThat(page.locator("#design-encoder-2-layers")).containsText("8 × 4 × 4");
            assertThat(page.locator("#design-decoder-2-layers")).containsText("16 × 14 × 14");
            // Shapes read left to right even on a right-to-left page.
            assertThat(page.locator("#design-encoder-0-layers .ll-design-shape").first()).hasAttribute("dir", "ltr");

            // Mirrored, the decoder follows the encoder; the third pooling rounding down (7 -> 3), chosen with the
            // keyboard by the checkbox's name, cannot come back to 28 x 28: the error stands at the decoder's last
            // stage.
            page.click("#design-mirror");
            assertThat(page.locator("#design-decoder-3")).hasCount(0);
            Locator roundUp = page.locator("#design-encoder-2").getByRole(AriaRole.CHECKBOX,
                    new Locator.GetByRoleOptions().setName("עיגול גדלים אי-זוגיים כלפי מעלה"));
            assertThat(roundUp).isChecked();
            roundUp.focus();
            page.keyboard().press("Space");
            assertThat(roundUp).not().isChecked();
            assertThat(page.locator("#design-decoder-2-problems")).containsText("24×24");
            assertThat(page.locator("#design-pytorch")).isHidden();
            Chromium.settle(page);
            Chromium.screenshotWhole(page, "design-he-error");
            // The checkbox keeps the focus while the decoder follows: the space bar sets it back.
            page.keyboard().press("Space");
            assertThat(roundUp).isChecked();
            assertThat(page.locator("#design-decoder-2-problems .ll-design-error")).hasCount(0);
            assertThat(page.locator("#design-pytorch")).containsText("ceil_mode=True");

            // A code of 4 numbers and a stronger KL term.
            page.locator("#design-latentSize input").fill("4");
            page.locator("#design-latentSize input").press("Tab");
            page.locator("#design-beta input").fill("2");
            page.locator("#design-beta input").press("Tab");
            assertThat(page.locator("#design-pytorch")).containsText("nn.Linear(128, 4)");
            assertThat(page.locator("#design-pytorch")).containsText("beta=2.0");
            String listingAlign = (String) page.evaluate(
                    "() => getComputedStyle(document.getElementById('design-pytorch')).direction");
            assertThat(listingAlign).isEqualTo("ltr");
            Chromium.settle(page);
            Chromium.screenshotWhole(page, "design-he");

            page.locator("#design-epochs input").fill("1");
            page.locator("#design-digits input").fill("256");
            page.locator("#design-digits input").press("Tab");
            page.click("#design-start");
            page.waitForURL("**/lab/runs/**");
            assertThat(page.locator(".ll-state-finished")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
            page.locator("#assignment-text textarea").fill("הקוד שלי: 4 מספרים, β = 2.");
            page.click("#assignment-submit");
            assertThat(page.locator("#assignment-state")).isVisible();
            Chromium.settle(page);
            Chromium.screenshotWhole(page, "design-he-run");
        }
        try (BrowserContext context = chromium.browser().newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            Chromium.signIn(page, url("/login"), "rivka", ClassroomFixture.PASSWORD);
            page.navigate(url("/lab/assignments?lang=he"));
            page.locator("#assignments-grid vaadin-grid-cell-content").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("noa")).first().click();
            assertThat(page.locator("#assignment-run-beside loss-chart")).isVisible();
            assertThat(page.locator("#run-architecture")).containsText("קוד וריאציוני בגודל 4");
            assertThat(page.locator("#run-architecture")).containsText("1 × 28 × 28");
            Chromium.settle(page);
            Chromium.screenshotWhole(page, "design-he-teacher");
        }
    }
}
