package org.latentlab.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.Assumptions;

/**
 * Starts the system's Chromium (Debian's package) through Playwright, never a downloaded browser. Without a
 * Chromium the end-to-end tests are skipped on a developer's machine but fail on CI, where .ci/run installs it.
 */
public final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = executable();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--disable-gpu", "--no-first-run", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    /**
     * Signs in through the login form at {@code loginUrl} and waits until the page shows the signed-in user. The form
     * must be ready first: Enter in the password field submits only once {@code vaadin-login-form} is defined and
     * Flow has attached it, and on a loaded machine (two packaged apps and two browsers at once) a key pressed before
     * that was lost, leaving the page on the sign-in form.
     */
    public static void signIn(Page page, String loginUrl, String username, String password) {
        if (!page.url().equals(loginUrl)) {
            page.navigate(loginUrl);
        }
        submitLoginForm(page, username, password);
        try {
            page.waitForFunction("() => !!document.querySelector('#signed-in-user') || " + FORM_EXPIRED);
            if (Boolean.TRUE.equals(page.evaluate("() => " + FORM_EXPIRED))) {
                // "The form expired, sign in again": the session changed under the form. After a server restart a
                // page still open from before can reconnect and be given a new session cookie while the form is
                // loading. A person signs in once more, and so does the test; a second expiry fails it.
                submitLoginForm(page, username, password);
            }
            page.waitForSelector("#signed-in-user");
        } catch (PlaywrightException notSignedIn) {
            // Say where the browser ended up and what it shows (an error on the form, a stale-form message, a page
            // that never rendered): the time-out alone says none of it.
            screenshot(page, "sign-in-failed-" + username + "-" + System.currentTimeMillis());
            String shown;
            try {
                shown = page.locator("body").innerText(new Locator.InnerTextOptions().setTimeout(5_000));
            } catch (PlaywrightException none) {
                shown = "(no text: " + none.getMessage() + ")";
            }
            throw new AssertionError("Not signed in as " + username + ": the browser is at " + page.url()
                    + " and shows: " + shown.strip().replaceAll("\\s+", " "), notSignedIn);
        }
    }

    /** The sign-in page saying that its form was stale (LoginCsrfFilter's answer to an outdated token). */
    private static final String FORM_EXPIRED = "(location.pathname.endsWith('/login')"
            + " && new URLSearchParams(location.search).has('expired'))";

    private static void submitLoginForm(Page page, String username, String password) {
        page.waitForFunction("() => customElements.get('vaadin-login-form') !== undefined");
        settle(page);
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
    }

    /**
     * Waits until Vaadin has no request in flight and the browser has painted, so what a test reads or audits is
     * the page the server has finished building.
     */
    public static void settle(Page page) {
        page.waitForFunction("() => { const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                + " return !!c && Object.values(c).every(x => !x.isActive || !x.isActive()); }");
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    /** A full-page screenshot under target/e2e, to look at after a run. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "e2e", name + ".png"))
                .setFullPage(true));
    }

    /** Whether tests should also photograph every page they visit ({@code -De2e.screenshots=all}), to look at. */
    public static boolean everyPage() {
        return "all".equals(System.getProperty("e2e.screenshots"));
    }

    /**
     * A screenshot of the whole page under target/e2e: the app layout scrolls its content inside the window, so the
     * window is made as tall as the content for the picture (same width, so the same layout), then set back.
     */
    public static void screenshotWhole(Page page, String name) {
        var size = page.viewportSize();
        int height = ((Number) page.evaluate("() => { const l = document.querySelector('vaadin-app-layout');"
                + " const c = l && l.shadowRoot && l.shadowRoot.querySelector('[part=content]'); return c"
                + " ? Math.ceil(c.getBoundingClientRect().top + c.scrollHeight) : document.documentElement"
                + ".scrollHeight; }")).intValue();
        page.setViewportSize(size.width, Math.clamp(height, size.height, 8000));
        try {
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            screenshot(page, name);
        } finally {
            page.setViewportSize(size.width, size.height);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    private static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path found = Stream.of(configured, "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> p != null && !p.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst()
                .orElse(null);
        if (found == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("No Chromium found (set CHROMIUM_PATH or install Debian's chromium)");
            }
            Assumptions.abort("No Chromium on this machine; end-to-end tests skipped (install Debian's chromium)");
        }
        return found;
    }
}
