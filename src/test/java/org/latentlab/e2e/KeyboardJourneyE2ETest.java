package org.latentlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The keyboard alone, no mouse: a visitor tabs to the Playground's map, moves its crosshair with the arrow keys,
 * picks a test digit with Enter, changes a latent slider, draws a seven with the keyboard pen and plays a melody at
 * another tempo; a student puts the steps of an "order the steps" question in the right order with the move
 * buttons and submits. Every step asserts where the focus is, and that it is visible.
 */
class KeyboardJourneyE2ETest extends BrowserJourney {

    /** The element that has the focus, looking into shadow roots: "id|tag|aria-label|class|slot". */
    private static final String FOCUSED = "() => { let a = document.activeElement; while (a && a.shadowRoot"
            + " && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; } return a ? [a.id, a.tagName"
            + ".toLowerCase(), a.getAttribute('aria-label') || '', typeof a.className === 'string' ? a.className : '',"
            + " a.getAttribute('slot') || ''].join('|') : ''; }";
    /** Whether the focused element shows that it has the focus (the browser's :focus-visible). */
    private static final String FOCUS_VISIBLE = "() => { let a = document.activeElement; while (a && a.shadowRoot"
            + " && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; } return !!a && (a.matches("
            + "':focus-visible') || a.hasAttribute('focus-ring') || (a.getRootNode().host || a)"
            + ".hasAttribute('focus-ring')); }";

    @Autowired
    ClassroomFixture fixture;

    @BeforeEach
    void aStudent() {
        fixture.admin();
        fixture.student("amina");
    }

    private static String focused(Page page) {
        return (String) page.evaluate(FOCUSED);
    }

    /** Presses Tab (or Shift+Tab) until the focused element's description matches, as a keyboard user would. */
    private static void tabTo(Page page, Pattern wanted, boolean backwards) {
        for (int i = 0; i < 120; i++) {
            page.keyboard().press(backwards ? "Shift+Tab" : "Tab");
            if (wanted.matcher(focused(page)).find()) {
                assertThat((Boolean) page.evaluate(FOCUS_VISIBLE)).as("focus visible on " + focused(page)).isTrue();
                return;
            }
        }
        throw new AssertionError("Never reached " + wanted + " with the Tab key; last: " + focused(page));
    }

    private static void press(Page page, String key, int times) {
        for (int i = 0; i < times; i++) {
            page.keyboard().press(key);
        }
    }

    @Test
    void aVisitorExploresTheMapDrawsASevenAndPlaysAMelodyWithTheKeyboardOnly() {
        try (BrowserContext context = chromium.browser().newContext(new com.microsoft.playwright.Browser
                .NewContextOptions().setViewportSize(1280, 1000))) {
            Page page = context.newPage();
            page.navigate(url("/playground?lang=en"));
            LatentMapInspection.waitForDecoded(page, "playground-map");

            // The map is one tab stop; the arrow keys move the crosshair and decode where it is.
            tabTo(page, Pattern.compile("^\\|canvas\\|Map of the latent space"), false);
            int before = LatentMapInspection.decodedCount(page, "playground-map");
            press(page, "ArrowRight", 3);
            press(page, "Shift+ArrowUp", 1);
            LatentMapInspection.waitForMoreDecoded(page, "playground-map", before);
            assertThat(page.locator("#playground-map .spoken")).containsText("The digit decoded from the point");

            // Steer the crosshair onto the nearest test digit, then pick it with Enter.
            List<Integer> steps = LatentMapInspection.keyStepsToNearestDot(page, "playground-map", 12);
            int right = steps.get(0);
            int down = steps.get(1);
            press(page, right >= 0 ? "ArrowRight" : "ArrowLeft", Math.abs(right));
            press(page, down >= 0 ? "ArrowDown" : "ArrowUp", Math.abs(down));
            page.keyboard().press("Enter");
            assertThat(page.locator("#map-selected-text")).containsText("from the test digits");
            assertThat(page.locator("#map-reconstruction img")).hasAttribute("src", Pattern.compile("^data:image/png"));
            Chromium.screenshot(page, "keyboard-map");

            // Back to the tabs (one stop: the selected tab), across to Sliders with the arrow keys.
            tabTo(page, Pattern.compile("^tab-map\\|"), true);
            press(page, "ArrowRight", 2);
            assertThat(focused(page)).startsWith("tab-sliders|");
            page.keyboard().press("Enter");
            page.waitForSelector("#sliders-decoded img[src]");
            String sliderDigit = page.locator("#sliders-decoded img").getAttribute("src");
            tabTo(page, Pattern.compile("\\|input\\|"), false);
            assertThat(focused(page)).as("a slider's own input").contains("|input|");
            press(page, "ArrowRight", 12);
            page.waitForCondition(() -> !sliderDigit.equals(page.locator("#sliders-decoded img").getAttribute("src")));

            // Draw a seven: pen down with Space, the arrow keys draw, Space lifts it and the digit is read.
            tabTo(page, Pattern.compile("^tab-sliders\\|"), true);
            press(page, "ArrowRight", 2);
            assertThat(focused(page)).startsWith("tab-draw|");
            page.keyboard().press("Space");
            assertThat(page.locator("#draw-verdict")).hasText("Draw a digit to begin.");
            tabTo(page, Pattern.compile("^\\|canvas\\|Drawing area"), false);
            Keyboard keys = page.keyboard();
            press(page, "Shift+ArrowLeft", 2);
            press(page, "Shift+ArrowUp", 1);
            keys.press("Space");
            press(page, "Shift+ArrowRight", 3);
            press(page, "ArrowRight", 3);
            for (int i = 0; i < 14; i++) {
                keys.press("ArrowDown");
                if (i % 2 == 0) {
                    keys.press("ArrowLeft");
                }
            }
            keys.press("Space");
            assertThat(page.locator("#draw-verdict")).containsText("The classifier reads a");
            assertThat(page.locator("#draw-probabilities .ll-probability-row")).hasCount(10);
            Chromium.screenshot(page, "keyboard-draw");

            // A melody: Play with Enter, then a faster tempo with the arrow keys on the slider.
            page.navigate(url("/music?lang=en"));
            page.waitForSelector("#melody-current .score svg");
            tabTo(page, Pattern.compile("^\\|button\\|"), false);
            page.keyboard().press("Enter");
            page.waitForFunction("() => document.getElementById('melody-current').playedSteps > 2");
            tabTo(page, Pattern.compile("\\|input\\|"), false);
            press(page, "ArrowRight", 2);
            assertThat((Number) page.evaluate("() => document.getElementById('melody-current').tempo"))
                    .isEqualTo(110);
        }
    }

    @Test
    void aStudentOrdersTheStepsOfATrainingStepWithTheKeyboardOnly() {
        List<String> rightOrder = List.of("Take a clean digit from the training set.",
                "Add random Gaussian noise to every pixel.",
                "The encoder compresses the noisy image into a latent vector.",
                "The decoder rebuilds an image from the latent vector.",
                "The loss compares the output with the clean digit.",
                "Gradient descent adjusts the weights to make the loss smaller.");
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            // Typing and Enter: the sign-in form needs no mouse either.
            Chromium.signIn(page, url("/login"), "amina", ClassroomFixture.PASSWORD);
            page.navigate(url("/quizzes/lab-denoising-ae?lang=en"));
            page.waitForSelector(".ll-order-step");

            for (int target = 0; target < rightOrder.size(); target++) {
                List<String> shown = page.locator(".ll-order-step > span").allInnerTexts().stream()
                        .map(text -> text.replaceFirst("^\\d+\\. ", "")).toList();
                int at = shown.indexOf(rightOrder.get(target));
                if (at == target) {
                    continue;
                }
                tabTo(page, Pattern.compile("\\|Move up: " + (at + 1) + "\\. " + Pattern.quote(rightOrder.get(target))),
                        false);
                for (int place = at; place > target; place--) {
                    // The focus stays on the step that moved, so the same key carries it on.
                    page.keyboard().press(place % 2 == 0 ? "Enter" : "Space");
                    assertThat(page.locator(".ll-order-step > span").nth(place - 1))
                            .hasText(place + ". " + rightOrder.get(target));
                    String movedUp = "|Move up: " + place + ". " + rightOrder.get(target) + "|";
                    if (place - 1 > target) {
                        page.waitForCondition(() -> focused(page).contains(movedUp));
                    }
                }
            }
            assertThat(page.locator(".ll-order-step > span")).hasText(
                    java.util.stream.IntStream.range(0, rightOrder.size()).mapToObj(i -> (i + 1) + ". "
                            + rightOrder.get(i)).toArray(String[]::new));
            assertThat(page.locator(".ll-question:has(.ll-order) .ll-saved")).containsText("Saved");

            // Submit with the keyboard; three questions are unanswered, so the dialog asks first.
            tabTo(page, Pattern.compile("^quiz-submit\\|"), false);
            page.keyboard().press("Enter");
            assertThat(page.locator("#quiz-confirm")).isAttached();
            Chromium.screenshot(page, "keyboard-quiz-confirm");
            tabTo(page, Pattern.compile("\\|confirm-button$"), false);
            page.keyboard().press("Enter");
            page.waitForURL("**/quizzes/attempts/**");
            assertThat(page.locator(".ll-question", new Page.LocatorOptions()
                    .setHasText("Put the parts of one training step"))).hasClass(Pattern.compile("ll-right"));
        }
    }
}
