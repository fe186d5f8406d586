package org.latentlab.training;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.latentlab.e2e.Chromium;
import org.latentlab.e2e.PackagedApp;
import org.latentlab.test.TestDatabases;

/**
 * A Lab run and a server crash, end to end against the packaged jar: a student's run is training when the server is
 * killed (SIGKILL); after the restart the run says it was interrupted, keeps the curve of the epochs it finished, and
 * goes on from its last saved epoch when the student presses Continue. Once on the embedded H2 database, and once on
 * PostgreSQL (profile {@code postgres}, a new database on the test server that {@code LATENTLAB_TEST_POSTGRES_URL}
 * names; skipped with a message without one, except on CI).
 */
class LabRunSurvivesRestartIT {

    private static final double PATIENCE_MS = 120_000;
    private static final Pattern EPOCH = Pattern.compile("(\\d+)\\D+60");

    @Test
    void aRunKilledWithTheServerIsInterruptedKeepsItsCurveAndContinuesFromItsLastEpoch() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "lab-restart-");
        survivesRestart(new PackagedApp(data, "--spring.profiles.active=demo"));
    }

    @Test
    void theSameOnPostgresql() throws Exception {
        if (TestDatabases.serverUrl() == null && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.abort("skipped: no PostgreSQL server for the PostgreSQL run: set LATENTLAB_TEST_POSTGRES_URL "
                    + "(e.g. eval \"$(.ci/start-postgres)\")");
        }
        Path data = Files.createTempDirectory(Path.of("target"), "lab-restart-pg-");
        survivesRestart(new PackagedApp(data, "--spring.profiles.active=demo,postgres")
                .environment("LATENTLAB_DB_URL", TestDatabases.createDatabase())
                .environment("LATENTLAB_DB_USER", TestDatabases.user())
                .environment("LATENTLAB_DB_PASSWORD", TestDatabases.password()));
    }

    private void survivesRestart(PackagedApp packaged) throws Exception {
        try (Chromium chromium = Chromium.launch(); PackagedApp app = packaged.start()) {
            String password = app.demoPassword("amina");
            BrowserContext context = chromium.browser().newContext();
            Page page = context.newPage();
            Chromium.signIn(page, app.url("/login"), "amina", password);
            page.navigate(app.url("/lab?experiment=dense-ae"));
            page.locator("#field-epochs input").fill("60");
            page.locator("#field-epochs input").press("Tab");
            page.click("#lab-start");
            page.waitForURL("**/lab/runs/**");
            String runUrl = page.url();
            // Wait until a few epochs are done (and stored), then crash the server.
            page.waitForFunction("() => /\\b([3-9]|[1-5][0-9])\\b/.test("
                    + "(document.querySelector('#run-status') || {}).textContent || '')", null,
                    new Page.WaitForFunctionOptions().setTimeout(PATIENCE_MS));
            app.kill();
            app.start();

            Chromium.signIn(page, app.url("/login"), "amina", password);
            page.navigate(runUrl);
            assertThat(page.locator(".ll-state-interrupted")).isVisible();
            assertThat(page.locator("#run-chart[has-data]")).isAttached();
            String resume = page.locator("#run-resume").innerText();
            Matcher done = Pattern.compile("(\\d+)").matcher(resume);
            assertThat(done.find()).as("the Continue button names the epoch: %s", resume).isTrue();
            int epochsDone = Integer.parseInt(done.group(1));
            assertThat(epochsDone).isGreaterThanOrEqualTo(2);
            Chromium.screenshot(page, "lab-run-interrupted");

            page.click("#run-resume");
            // Training goes on after the saved epoch, live on the same page.
            assertThat(page.locator(".ll-state-running")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
            page.waitForFunction("n => { const m = ((document.querySelector('#run-status') || {}).textContent || '')"
                    + ".match(/(\\d+)\\D+60/); return m && Number(m[1]) > n + 1; }", epochsDone,
                    new Page.WaitForFunctionOptions().setTimeout(PATIENCE_MS));
            Matcher now = EPOCH.matcher(page.locator("#run-status").innerText());
            assertThat(now.find()).isTrue();
            assertThat(Integer.parseInt(now.group(1))).isGreaterThan(epochsDone + 1);
            page.click("#run-cancel");
            assertThat(page.locator(".ll-state-cancelled")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
            context.close();
        }
    }
}
