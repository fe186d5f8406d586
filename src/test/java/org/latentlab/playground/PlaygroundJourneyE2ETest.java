package org.latentlab.playground;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.latentlab.e2e.LatentMapInspection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Playground in real Chromium: a student drags across the latent map and sees the decoded digit change, clicks
 * a test digit to compare it with its reconstruction, then draws a seven with the mouse and gets its
 * reconstruction and the classifier's reading.
 */
class PlaygroundJourneyE2ETest extends BrowserJourney {

    @Autowired
    ClassroomFixture fixture;

    @BeforeEach
    void aStudent() {
        fixture.admin();
        fixture.student("amina");
    }

    /** A fingerprint of the decoded digit's pixels as painted on the map's side canvas. */
    private static String decodedPixels(Page page) {
        return (String) page.evaluate("() => { const c = document.querySelector('latent-map#playground-map')"
                + ".shadowRoot.querySelector('canvas.digit'); const d = c.getContext('2d').getImageData(0, 0, 28, 28)"
                + ".data; let h = 0; for (let i = 0; i < d.length; i += 4) { h = (h * 31 + d[i]) | 0; } return String(h); }");
    }

    @Test
    void studentDragsAcrossTheMapClicksADigitAndDrawsASeven() {
        try (BrowserContext context = chromium.browser().newContext(new com.microsoft.playwright.Browser
                .NewContextOptions().setViewportSize(1280, 1400))) {
            Page page = context.newPage();
            Chromium.signIn(page, url("/login"), "amina", ClassroomFixture.PASSWORD);
            page.navigate(url("/playground"));
            Locator map = page.locator("latent-map#playground-map canvas.map");
            assertThat(map).isVisible();
            LatentMapInspection.waitForDecoded(page, "playground-map");
            String before = decodedPixels(page);
            int decodedBefore = LatentMapInspection.decodedCount(page, "playground-map");

            map.scrollIntoViewIfNeeded();
            BoundingBox box = map.boundingBox();
            page.mouse().move(box.x + box.width * 0.2, box.y + box.height * 0.2);
            page.mouse().down();
            page.mouse().move(box.x + box.width * 0.8, box.y + box.height * 0.75, new com.microsoft.playwright.Mouse
                    .MoveOptions().setSteps(25));
            page.mouse().up();
            LatentMapInspection.waitForMoreDecoded(page, "playground-map", decodedBefore);
            LatentMapInspection.waitForLatency(page, "playground-map");
            assertThat(decodedPixels(page)).isNotEqualTo(before);
            assertThat(page.locator("latent-map#playground-map").locator(".status")).hasText("");
            Chromium.screenshot(page, "playground-map");

            // Click exactly on the first test digit's dot.
            List<Double> dot = LatentMapInspection.dotOnPage(page, "playground-map", 0);
            page.mouse().click(dot.get(0), dot.get(1));
            assertThat(page.locator("#map-selected-text")).containsText("from the test digits");
            assertThat(page.locator("#map-original img")).hasAttribute("src",
                    java.util.regex.Pattern.compile("^data:image/png"));
            assertThat(page.locator("#map-reconstruction img")).hasAttribute("src",
                    java.util.regex.Pattern.compile("^data:image/png"));

            page.locator("#tab-draw").click();
            Locator pad = page.locator("draw-pad#draw-pad canvas");
            assertThat(pad).isVisible();
            assertThat(page.locator("#draw-verdict")).hasText("Draw a digit to begin.");
            pad.scrollIntoViewIfNeeded();
            BoundingBox area = pad.boundingBox();
            // A seven: the bar, then the stem.
            page.mouse().move(area.x + area.width * 0.25, area.y + area.height * 0.2);
            page.mouse().down();
            page.mouse().move(area.x + area.width * 0.75, area.y + area.height * 0.2,
                    new com.microsoft.playwright.Mouse.MoveOptions().setSteps(10));
            page.mouse().move(area.x + area.width * 0.42, area.y + area.height * 0.85,
                    new com.microsoft.playwright.Mouse.MoveOptions().setSteps(15));
            page.mouse().up();
            assertThat(page.locator("#draw-verdict")).containsText("The classifier reads a");
            assertThat(page.locator("#draw-reconstruction img")).hasAttribute("src",
                    java.util.regex.Pattern.compile("^data:image/png"));
            assertThat(page.locator("#draw-probabilities .ll-probability-row")).hasCount(10);
            Chromium.screenshot(page, "playground-draw");
        }
    }
}
