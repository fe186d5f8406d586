package org.latentlab.classroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.e2e.BrowserJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Keep me signed in", in real Chromium: a browser whose session is gone (its web node went away, the server
 * restarted) comes back signed in when the student ticked it, and only then; signing out forgets it.
 */
class RememberMeJourneyE2ETest extends BrowserJourney {

    @Autowired
    ClassroomFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aStudent() {
        fixture.admin();
        fixture.student("amina");
    }

    @Test
    void aStudentWhoTickedKeepMeSignedInComesBackSignedInAfterLosingHerSessionUntilSheSignsOut() {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = browser.newPage();
            page.navigate(url("/login"));
            page.locator("input[name=username]").fill("amina");
            page.locator("input[name=password]").fill(ClassroomFixture.PASSWORD);
            page.locator("#login-remember-me").click();
            // The form posts with the remember-me parameter once the server has heard of the tick.
            page.waitForFunction("() => document.querySelector('vaadin-login-form').action === "
                    + "'login?remember-me=on'");
            page.locator("input[name=password]").press("Enter");
            assertThat(page.locator("#signed-in-user")).isVisible();
            assertThat(browser.cookies().stream().anyMatch(c -> c.name.equals("latentlab-remember"))).isTrue();

            // The session is gone, as when the node that held it went away.
            browser.clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
            page.navigate(url("/lab"));
            assertThat(page.locator("#signed-in-user")).isVisible();
            assertThat(page).hasURL(Pattern.compile(".*/lab$"));

            page.locator("#sign-out").click();
            assertThat(page.locator("#signed-in-user")).hasCount(0);
            assertThat(jdbc.sql("select count(*) from persistent_logins where username = 'amina'")
                    .query(Long.class).single()).isZero();
            browser.clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
            page.navigate(url("/lab"));
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
        }
    }

    @Test
    void withoutTickingItALostSessionMeansSigningInAgain() {
        try (BrowserContext browser = chromium.browser().newContext()) {
            Page page = browser.newPage();
            org.latentlab.e2e.Chromium.signIn(page, url("/login"), "amina", ClassroomFixture.PASSWORD);
            assertThat(browser.cookies().stream().noneMatch(c -> c.name.equals("latentlab-remember"))).isTrue();
            browser.clearCookies(new BrowserContext.ClearCookiesOptions().setName("JSESSIONID"));
            page.navigate(url("/lab"));
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
        }
    }
}
