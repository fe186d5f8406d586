package org.latentlab.lesson;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lesson as a student and a teacher meet it in real Chromium: the student reads in Swahili, uses two live
 * widgets, switches to Hebrew (right to left, formulas left to right), and the teacher sees that progress.
 */
class LessonJourneyE2ETest extends BrowserJourney {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    ClassroomService classrooms;

    @BeforeEach
    void classWithAStudent() {
        fixture.admin();
        AccountSummary teacher = fixture.teacher("rivka");
        AccountSummary student = fixture.student("amina");
        signIn.as(teacher);
        ClassSummary year11 = classrooms.createClass("Year 11");
        signIn.as(student);
        classrooms.join(year11.joinCode());
        signIn.out();
    }

    @Test
    void studentReadsInSwahiliUsesWidgetsSwitchesToHebrewAndTheTeacherSeesTheProgress() {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            Chromium.signIn(page, url("/login"), "amina", ClassroomFixture.PASSWORD);
            page.navigate(url("/lessons/autoencoders?lang=sw"));
            assertThat(page.locator("html")).hasAttribute("lang", "sw");
            assertThat(page.locator("#lesson-title")).isVisible();
            assertThat(page.locator("#quiz-link-pre")).hasAttribute("href", "quizzes/autoencoders-pre");
            // Formulas are real math (MathML from KaTeX), not TeX source.
            assertThat(page.locator(".ll-math-display math").first()).isAttached();

            // Reconstruct: pick a 3 and see the autoencoder's output change.
            Locator output = page.locator("#reconstruct-output img");
            String before = output.getAttribute("src");
            page.locator(".ll-widget-reconstruct .ll-digit-thumb[data-label='3']").click();
            page.waitForCondition(() -> !before.equals(output.getAttribute("src")));

            // Latent walk: drag across the square; the decoded digit follows.
            Locator decoded = page.locator("#latent-walk-output img");
            String start = decoded.getAttribute("src");
            Locator pad = page.locator("#latent-pad");
            pad.scrollIntoViewIfNeeded();
            var box = pad.boundingBox();
            page.mouse().move(box.x + 20, box.y + 20);
            page.mouse().down();
            page.mouse().move(box.x + box.width - 20, box.y + box.height - 30, new com.microsoft.playwright.Mouse
                    .MoveOptions().setSteps(8));
            page.mouse().up();
            page.waitForCondition(() -> !start.equals(decoded.getAttribute("src")));

            // Read to the end: the sections reached are recorded.
            page.locator("#quiz-link-post").scrollIntoViewIfNeeded();
            page.waitForTimeout(500);
            Chromium.screenshot(page, "lesson-swahili");

            // Hebrew: the page turns right to left; formulas and code stay left to right.
            page.locator("#lesson-title").scrollIntoViewIfNeeded();
            page.click("#language-switch");
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("עברית")).click();
            page.waitForSelector("html[dir=rtl]");
            assertThat(page.locator("#lesson-title")).isVisible();
            assertThat(page.locator("#lesson-title").innerText().codePoints()
                    .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HEBREW)).isTrue();
            assertThat(page.locator(".ll-math-display").first()).hasAttribute("dir", "ltr");
            assertThat(page.locator("#lesson-progress-summary")).isVisible();
            Chromium.screenshot(page, "lesson-hebrew");
        }

        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            Chromium.signIn(page, url("/login"), "rivka", ClassroomFixture.PASSWORD);
            page.navigate(url("/lessons/progress"));
            Locator grid = page.locator("#progress-grid");
            assertThat(grid).containsText("Student amina");
            assertThat(grid).containsText("2 / 4");
            Chromium.screenshot(page, "teacher-progress");
        }
    }

}
