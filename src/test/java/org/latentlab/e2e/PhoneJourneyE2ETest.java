package org.latentlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.test.KeepsDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A phone (390 × 844 CSS pixels, touch, mobile viewport): every page of every role, in English and Hebrew, fits the
 * screen without sideways scrolling and nothing sticks out of it (only boxes that scroll on their own, such as a
 * wide grid or formula, may be wider inside); and the map, the drawing pad and a quiz work with a finger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The school is built once for all the journeys (seconds of training): it must outlive each test.
@KeepsDatabase
class PhoneJourneyE2ETest extends BrowserJourney {

    /**
     * What does not fit the screen, one line each: the page or the app layout's content scrolling sideways, or a
     * visible element reaching beyond the screen's edges without a scrolling or clipping box around it.
     */
    static final String WHAT_DOES_NOT_FIT = """
            () => {
              const width = document.documentElement.clientWidth;
              const problems = [];
              const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (typeof el.className === 'string' && el.className.trim()
                  ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
              if (document.documentElement.scrollWidth > innerWidth) {
                problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + innerWidth);
              }
              const layout = document.querySelector('vaadin-app-layout');
              const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part=content]');
              if (content && content.scrollWidth > content.clientWidth + 1) {
                problems.push('the page content scrolls sideways: ' + content.scrollWidth + ' > ' + content.clientWidth);
              }
              const parentOf = (el) => el.assignedSlot || el.parentElement || (el.parentNode && el.parentNode.host);
              const shownSpan = (el, rect) => {
                let left = rect.left;
                let right = rect.right;
                for (let p = parentOf(el); p && p !== document.documentElement && p !== content; p = parentOf(p)) {
                  const style = getComputedStyle(p);
                  if (style.overflowX !== 'visible') {
                    const box = p.getBoundingClientRect();
                    left = Math.max(left, box.left);
                    right = Math.min(right, box.right);
                  }
                  if (style.position === 'fixed') {
                    break;
                  }
                }
                return [left, right];
              };
              const walk = (root) => {
                for (const el of root.querySelectorAll('*')) {
                  if (el.shadowRoot) {
                    walk(el.shadowRoot);
                  }
                  if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
                    continue;
                  }
                  const rect = el.getBoundingClientRect();
                  if (rect.width === 0 || rect.height === 0) {
                    continue;
                  }
                  const [left, right] = shownSpan(el, rect);
                  if (right > left && (right > width + 1 || left < -1)) {
                    problems.push(name(el) + ' reaches ' + Math.round(left) + '..' + Math.round(right)
                      + ' of 0..' + width);
                  }
                }
              };
              walk(document);
              return problems.slice(0, 8);
            }""";

    @Autowired
    AuditWorld worldBuilder;

    private AuditWorld.World world;

    @BeforeAll
    void aSchool() throws InterruptedException {
        world = worldBuilder.build();
    }

    static Browser.NewContextOptions phone() {
        return new Browser.NewContextOptions().setViewportSize(390, 844).setHasTouch(true).setIsMobile(true);
    }

    @ParameterizedTest
    @EnumSource(Tour.Role.class)
    void everyPageFitsAPhoneInEnglishAndHebrew(Tour.Role role) throws Exception {
        // Hebrew in a second Chromium on a thread of its own, as in the accessibility audit: a page mostly waits for
        // the browser or the server, so the two languages together take little more than one.
        ExecutorService hebrewThread = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> hebrew = hebrewThread.submit(() -> {
                try (Chromium second = Chromium.launch()) {
                    return whatDoesNotFit(second, role, "he");
                }
            });
            List<String> problems = new ArrayList<>(whatDoesNotFit(chromium, role, "en"));
            problems.addAll(hebrew.get());
            assertThat(problems).as(String.join("\n", problems)).isEmpty();
        } finally {
            hebrewThread.shutdownNow();
        }
    }

    private List<String> whatDoesNotFit(Chromium browser, Tour.Role role, String language) {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.browser().newContext(phone())) {
            Page page = context.newPage();
            if (role.username() != null) {
                Chromium.signIn(page, url("/login"), role.username(), ClassroomFixture.PASSWORD);
            }
            for (Tour.Stop stop : Tour.of(role, world)) {
                page.navigate(url("/" + AccessibilityAuditE2ETest.withLanguage(stop.path(), language)));
                stop.arrive(page);
                if (Chromium.everyPage()) {
                    Chromium.screenshotWhole(page, Tour.fileName("phone", role, language, stop));
                }
                @SuppressWarnings("unchecked")
                List<String> found = (List<String>) page.evaluate(WHAT_DOES_NOT_FIT);
                found.forEach(problem -> problems.add(role + " " + language + " " + stop.name() + ": " + problem));
            }
        }
        return problems;
    }

    @Test
    void aVisitorTapsAndDragsOnTheMapAndDrawsASevenWithAFinger() {
        try (BrowserContext context = chromium.browser().newContext(phone())) {
            Page page = context.newPage();
            page.navigate(url("/playground?lang=en"));
            LatentMapInspection.waitForDecoded(page, "playground-map");
            Locator map = page.locator("latent-map#playground-map canvas.map");
            map.scrollIntoViewIfNeeded();

            // A finger dragged across the map decodes along the way.
            int before = LatentMapInspection.decodedCount(page, "playground-map");
            BoundingBox box = map.boundingBox();
            assertThat(box.x + box.width).isLessThanOrEqualTo(390);
            assertThat(box.y + box.height * 0.6).isLessThan(844);
            CDPSession touch = context.newCDPSession(page);
            drag(touch, box.x + box.width * 0.2, box.y + box.height * 0.3, box.x + box.width * 0.8,
                    box.y + box.height * 0.6, 12);
            LatentMapInspection.waitForMoreDecoded(page, "playground-map", before);

            // A tap on a test digit's dot selects it.
            List<Double> dot = LatentMapInspection.dotOnPage(page, "playground-map", 0);
            page.touchscreen().tap(dot.get(0), dot.get(1));
            assertThat(page.locator("#map-selected-text")).containsText("from the test digits");
            Chromium.screenshotWhole(page, "phone-playground-map");

            // Draw a seven with a finger: the bar, then the stem, in one stroke.
            page.locator("#tab-draw").tap();
            Locator pad = page.locator("draw-pad#draw-pad canvas");
            assertThat(pad).isVisible();
            pad.scrollIntoViewIfNeeded();
            BoundingBox area = pad.boundingBox();
            assertThat(area.x + area.width).isLessThanOrEqualTo(390);
            double x0 = area.x + area.width * 0.25;
            double y0 = area.y + area.height * 0.2;
            double x1 = area.x + area.width * 0.75;
            double x2 = area.x + area.width * 0.42;
            double y2 = area.y + area.height * 0.85;
            touch.send("Input.dispatchTouchEvent", touchEvent("touchStart", x0, y0));
            for (int i = 1; i <= 10; i++) {
                touch.send("Input.dispatchTouchEvent", touchEvent("touchMove", x0 + (x1 - x0) * i / 10, y0));
            }
            for (int i = 1; i <= 15; i++) {
                touch.send("Input.dispatchTouchEvent", touchEvent("touchMove", x1 + (x2 - x1) * i / 15,
                        y0 + (y2 - y0) * i / 15));
            }
            touch.send("Input.dispatchTouchEvent", touchEvent("touchEnd", x2, y2));
            assertThat(page.locator("#draw-verdict")).containsText("The classifier reads a");
            assertThat(page.locator("#draw-probabilities .ll-probability-row")).hasCount(10);
            Chromium.screenshotWhole(page, "phone-playground-draw");
        }
    }

    @Test
    void aStudentAnswersAQuizWithAFinger() {
        try (BrowserContext context = chromium.browser().newContext(phone())) {
            Page page = context.newPage();
            Chromium.signIn(page, url("/login"), "budi", ClassroomFixture.PASSWORD);
            page.navigate(url("/quizzes/lab-denoising-ae?lang=he"));
            page.waitForSelector(".ll-order-step");
            Locator questions = page.locator(".ll-question");
            questions.nth(0).locator("vaadin-radio-button").nth(2).tap();
            assertThat(questions.nth(0).locator(".ll-saved")).not().isEmpty();
            String first = questions.nth(1).locator(".ll-order-step > span").first().innerText();
            questions.nth(1).locator(".ll-order-step").first().locator("vaadin-button").nth(1).tap();
            assertThat(questions.nth(1).locator(".ll-order-step > span").nth(1))
                    .hasText("2. " + first.replaceFirst("^1\\. ", ""));
            questions.nth(2).locator("vaadin-radio-button").first().tap();
            questions.nth(3).locator("vaadin-checkbox").first().tap();
            assertThat(questions.nth(3).locator(".ll-saved")).not().isEmpty();
            Chromium.screenshotWhole(page, "phone-quiz-hebrew");
            page.locator("#quiz-submit").tap();
            page.waitForURL("**/quizzes/attempts/**");
            assertThat(page.locator("#result-score")).isVisible();
            assertThat((List<?>) page.evaluate(WHAT_DOES_NOT_FIT)).isEmpty();
            Chromium.screenshotWhole(page, "phone-quiz-result-hebrew");
        }
    }

    /** A finger drawn from one point to another in steps, as the browser's touch input (touch pointer events). */
    private static void drag(CDPSession touch, double fromX, double fromY, double toX, double toY, int steps) {
        touch.send("Input.dispatchTouchEvent", touchEvent("touchStart", fromX, fromY));
        for (int i = 1; i <= steps; i++) {
            touch.send("Input.dispatchTouchEvent", touchEvent("touchMove", fromX + (toX - fromX) * i / steps,
                    fromY + (toY - fromY) * i / steps));
        }
        touch.send("Input.dispatchTouchEvent", touchEvent("touchEnd", toX, toY));
    }

    private static JsonObject touchEvent(String type, double x, double y) {
        JsonObject event = new JsonObject();
        event.addProperty("type", type);
        JsonArray points = new JsonArray();
        if (!"touchEnd".equals(type)) {
            JsonObject point = new JsonObject();
            point.addProperty("x", x);
            point.addProperty("y", y);
            point.addProperty("id", 1);
            points.add(point);
        }
        event.add("touchPoints", points);
        return event;
    }
}
