package org.latentlab.lab;

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
import org.latentlab.e2e.PackagedAppTest;
import org.latentlab.test.TestDatabases;

/**
 * A Lab run and a server crash, end to end against the packaged jar: a student's run is training when the server is
 * killed (SIGKILL). After the restart nobody has to do anything: JobRunr notices that the job's worker went silent,
 * the job is tried again, and the run goes on from its last stored epoch, live on the same page, with the curve of
 * the epochs it had finished. Once on the embedded H2 database, and once on PostgreSQL (profile {@code postgres}, a
 * new database on the test server that {@code LATENTLAB_TEST_POSTGRES_URL} names; skipped with a message without
 * one, except on CI).
 */
@PackagedAppTest
class LabRunSurvivesRestartIT {

    /** Long enough for the engine to warm up, JobRunr to see the dead worker (20 s) and the retry to start. */
    private static final double PATIENCE_MS = 240_000;
    private static final int EPOCHS = 25;
    private static final Pattern EPOCH = Pattern.compile("(\\d+)\\D+" + EPOCHS);
    private static final String EPOCH_BEYOND = "n => { const m = ((document.querySelector('#run-status') || {})"
            + ".textContent || '').match(/(\\d+)\\D+" + EPOCHS + "/); return m && Number(m[1]) > n; }";

    @Test
    void aRunKilledWithTheServerGoesOnByItselfFromItsLastStoredEpoch() throws Exception {
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
        survivesRestart(new PackagedApp(data, "--spring.profiles.active=demo").onNewPostgresqlDatabase());
    }

    private void survivesRestart(PackagedApp packaged) throws Exception {
        try (Chromium chromium = Chromium.launch(); PackagedApp app = packaged.start()) {
            app.reportFailuresOf(() -> {
                String password = app.demoPassword("amina");
                BrowserContext context = PackagedApp.browserContext(chromium.browser());
                Page page = context.newPage();
                Chromium.signIn(page, app.url("/login"), "amina", password);
                page.navigate(app.url("/lab?experiment=dense-ae"));
                page.locator("#field-epochs input").fill(Integer.toString(EPOCHS));
                page.locator("#field-epochs input").press("Tab");
                page.click("#lab-start");
                page.waitForURL("**/lab/runs/**");
                String runUrl = page.url();
                // Wait until a few epochs are done (and stored), then crash the server.
                page.waitForFunction(EPOCH_BEYOND, 2, new Page.WaitForFunctionOptions().setTimeout(PATIENCE_MS));
                int epochBeforeCrash = epoch(page);
                app.kill();
                app.start();

                Chromium.signIn(page, app.url("/login"), "amina", password);
                page.navigate(runUrl);
                assertThat(page.locator("#run-chart[has-data]")).isAttached();
                Chromium.screenshot(page, "lab-run-after-restart");
                // It trains again by itself, after the epoch it had reached (it resumes from the last stored one).
                page.waitForFunction(EPOCH_BEYOND, epochBeforeCrash + 1,
                        new Page.WaitForFunctionOptions().setTimeout(PATIENCE_MS));
                assertThat(page.locator(".ll-state-running")).isVisible();
                assertThat(epoch(page)).isGreaterThan(epochBeforeCrash + 1);
                page.click("#run-cancel");
                assertThat(page.locator(".ll-state-cancelled")).isVisible(
                        new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
                context.close();
            });
        }
    }

    private static int epoch(Page page) {
        Matcher now = EPOCH.matcher(page.locator("#run-status").innerText());
        assertThat(now.find()).as("the status names the epoch").isTrue();
        return Integer.parseInt(now.group(1));
    }
}
