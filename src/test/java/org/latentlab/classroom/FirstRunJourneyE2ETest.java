package org.latentlab.classroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.latentlab.e2e.BrowserJourney;
import org.latentlab.e2e.Chromium;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The foundation as people meet it, in real headless Chromium: the first visitor sets the server up, a teacher
 * creates a class, a student registers with its code, and switches the page to Hebrew, which reads right to left.
 */
class FirstRunJourneyE2ETest extends BrowserJourney {

    @Autowired
    ClassroomFixture fixture;

    @Test
    void setupThenClassThenStudentJoinsAndReadsHebrewRightToLeft() {
        String password = "a long secret 42";

        // 1. A new server: every address leads to the one-time setup.
        try (BrowserContext admin = chromium.browser().newContext()) {
            Page page = admin.newPage();
            page.navigate(url("/"));
            assertThat(page.locator("#setup-title")).isVisible();
            assertThat(page).hasURL(Pattern.compile(".*/setup$"));
            // A wrong setup code creates nothing; the one from the server's log does.
            fill(page, "#setup-code", "AAAA-BBBB-CCCC");
            fill(page, "#username", "admin");
            fill(page, "#display-name", "Ada Admin");
            fill(page, "#password", password);
            fill(page, "#password-repeat", password);
            page.click("#setup-create");
            assertThat(page.locator("#setup-code")).hasAttribute("invalid", "");
            fill(page, "#setup-code", fixture.setupCode());
            fill(page, "#username", "admin");
            fill(page, "#display-name", "Ada Admin");
            fill(page, "#password", password);
            fill(page, "#password-repeat", password);
            page.click("#setup-create");
            assertThat(page).hasURL(Pattern.compile(".*/login\\?created=admin$"));
            signIn(page, "admin", password);
            assertThat(page.locator("#signed-in-user")).hasText("Ada Admin");

            // The setup page is gone once the admin exists.
            page.navigate(url("/setup"));
            assertThat(page.locator("#error-title")).isVisible();
            assertThat(page.locator("#setup-create")).hasCount(0);

            // The admin sees the engine and the six pretrained models the app ships, loaded and ready.
            page.navigate(url("/admin"));
            assertThat(page.locator("#engine-status")).containsText("PyTorch 2.7.1");
            assertThat(page.locator("#shipped-models vaadin-grid-cell-content").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("Ready ("))).hasCount(org.latentlab.ml.ShippedModels.KINDS.size());

            // 2. The admin, also a teacher, creates a class and reads its join code.
            page.navigate(url("/classes"));
            fill(page, "#class-name", "Year 11 - Machine learning");
            page.click("#class-create");
            assertThat(page.locator("#class-grid .ll-join-code")).hasCount(1);
            Chromium.screenshot(page, "teacher-classes");
        }
        String joinCode = classJoinCode();

        // 3. A student registers with the code, signs in and finds the class.
        try (BrowserContext student = chromium.browser().newContext()) {
            Page page = student.newPage();
            page.navigate(url("/register"));
            fill(page, "#username", "noa");
            fill(page, "#display-name", "Noa Levi");
            fill(page, "#password", password);
            fill(page, "#password-repeat", password);
            fill(page, "#join-code", joinCode.toLowerCase());
            page.click("#register-submit");
            assertThat(page).hasURL(Pattern.compile(".*/login\\?created=noa$"));
            signIn(page, "noa", password);
            page.navigate(url("/my-classes"));
            assertThat(page.locator("#my-class-grid")).containsText("Year 11 - Machine learning");

            // An unknown address shows the Not Found page inside the app.
            page.navigate(url("/no-such-page"));
            assertThat(page.locator("#error-title")).hasText("Page not found");

            // A student cannot open the teacher's page.
            page.navigate(url("/classes"));
            assertThat(page.locator("#class-create")).hasCount(0);
            assertThat(page.locator("#error-title")).isVisible();

            // 4. Hebrew: the whole document turns right-to-left with Hebrew text.
            page.navigate(url("/"));
            page.click("#language-switch");
            page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("עברית")).click();
            page.waitForSelector("html[dir=rtl]");
            assertThat(page.locator("html")).hasAttribute("lang", "he");
            String heading = page.locator("#home-title").innerText();
            assertThat(heading.codePoints()
                    .anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HEBREW)).isTrue();
            Chromium.screenshot(page, "student-home-hebrew");

            // The choice is remembered for the account: a new browser session signs in to Hebrew.
        }
        try (BrowserContext again = chromium.browser().newContext()) {
            Page page = again.newPage();
            page.navigate(url("/login"));
            signIn(page, "noa", password);
            page.waitForSelector("html[dir=rtl]");
            assertThat(page.locator("html")).hasAttribute("lang", "he");
        }
    }

    @Test
    void anUnknownLanguageInTheUrlIsExplainedAndTheWrongJoinCodeToo() {
        fixture.admin();
        fixture.student("budi");
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            // Teacher pages send visitors to the sign-in page.
            page.navigate(url("/classes"));
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            assertThat(page.locator("vaadin-login-form")).isVisible();

            page.navigate(url("/?lang=xx"));
            assertThat(page.locator("vaadin-notification-card")).containsText("\"xx\"");
            assertThat(page.locator("html")).hasAttribute("dir", "ltr");

            page.navigate(url("/login"));
            signIn(page, "budi", ClassroomFixture.PASSWORD);
            page.navigate(url("/my-classes"));
            fill(page, "#join-code", "ZZZZ-ZZZZ");
            page.click("#join-submit");
            assertThat(page.locator("#join-code")).hasAttribute("invalid", "");
            assertThat(page.locator("#join-code")).containsText("No class has the code ZZZZ-ZZZZ");
            // What the student typed is still there to correct.
            assertThat(page.locator("#join-code input")).hasValue("ZZZZ-ZZZZ");
        }
    }

    private String classJoinCode() {
        return fixture.joinCodeOf("Year 11 - Machine learning");
    }

    private void signIn(Page page, String username, String password) {
        Chromium.signIn(page, page.url(), username, password);
    }

    private static void fill(Page page, String field, String value) {
        page.locator(field + " input").fill(value);
    }

}
