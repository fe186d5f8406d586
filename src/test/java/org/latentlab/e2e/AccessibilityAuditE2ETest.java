package org.latentlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.vaadin.flow.router.Route;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.test.KeepsDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * WCAG 2.1 AA, checked by axe-core on every page as a visitor, a student, a teacher and an admin, in English and in
 * Hebrew (right to left), including states reached by using a page (a quiz being answered, a drawn digit, a
 * finished run, live challenges, each Playground tab). Any violation fails the test with the rule, the element and
 * axe's advice; the counts per page are written to {@code target/e2e/axe-violations.txt}.
 *
 * <p>One browser context per role and language, signed in once; the world (accounts, a class, a submitted quiz, a
 * finished run, challenges) is built once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The school is built once for all the journeys (seconds of training): it must outlive each test.
@KeepsDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityAuditE2ETest extends BrowserJourney {

    /** WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path REPORT = Path.of("target", "e2e", "axe-violations.txt");
    private static final Path DETAILS = Path.of("target", "e2e", "axe-violations-details.txt");

    @Autowired
    AuditWorld worldBuilder;
    @Autowired
    ClassroomFixture fixture;

    private AuditWorld.World world;

    @BeforeAll
    void emptyReport() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.deleteIfExists(DETAILS);
        Files.writeString(REPORT, String.format("%-8s %-5s %-24s %5s %5s %6s %6s  %s%n", "role", "lang", "page",
                "rules", "nodes", "load", "axe", "rule ids (nodes)"));
    }

    private AuditWorld.World world() throws InterruptedException {
        if (world == null) {
            world = worldBuilder.build();
        }
        return world;
    }

    @Test
    @Order(1)
    void theSetupPageOfANewServer() throws InterruptedException {
        world = null;
        fixture.emptyDatabase();
        List<String> problems = new ArrayList<>();
        for (String language : List.of("en", "he")) {
            try (BrowserContext context = chromium.browser().newContext(desktop())) {
                Page page = context.newPage();
                problems.addAll(audit(page, Tour.Role.VISITOR, language, Tour.firstStart()));
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @ParameterizedTest
    @Order(2)
    @EnumSource(Tour.Role.class)
    void everyPageOfARoleInEnglishAndHebrew(Tour.Role role) throws Exception {
        AuditWorld.World school = world();
        // Hebrew in a second Chromium on a thread of its own (Playwright is one thread per instance): a page's audit
        // mostly waits for the browser or the server, so the two languages together take little more than one.
        ExecutorService hebrewThread = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> hebrew = hebrewThread.submit(() -> {
                try (Chromium second = Chromium.launch()) {
                    return auditRole(second, role, "he", school);
                }
            });
            List<String> problems = new ArrayList<>(auditRole(chromium, role, "en", school));
            problems.addAll(hebrew.get());
            assertThat(problems).as(String.join("\n", problems)).isEmpty();
        } finally {
            hebrewThread.shutdownNow();
        }
    }

    private List<String> auditRole(Chromium browser, Tour.Role role, String language, AuditWorld.World school) {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.browser().newContext(desktop())) {
            Page page = context.newPage();
            // Our Content-Security-Policy header must not break any page: Chromium reports what it blocks.
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    problems.add(role + " " + language + " " + page.url() + ": " + message.text());
                }
            });
            if (role.username() != null) {
                Chromium.signIn(page, url("/login"), role.username(), ClassroomFixture.PASSWORD);
            }
            problems.addAll(audit(page, role, language, Tour.of(role, school)));
        }
        return problems;
    }

    /** Runs last: every {@code @Route} of the app was audited by one role or another. */
    @Test
    @Order(3)
    void everyRouteIsOnTheTour() throws InterruptedException {
        Set<String> declared = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (var candidate : scanner.findCandidateComponents("org.latentlab")) {
            try {
                Class<?> view = Class.forName(candidate.getBeanClassName());
                // The app's routes only: a test's own example views (e.g. RouteLocationTest's) are not pages.
                if (view.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
                    continue;
                }
                declared.add(view.getAnnotation(Route.class).value());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        Set<String> onTheTour = new TreeSet<>();
        for (Tour.Role role : Tour.Role.values()) {
            Tour.of(role, world()).stream().map(Tour.Stop::route).filter(Objects::nonNull).forEach(onTheTour::add);
        }
        Tour.firstStart().forEach(stop -> onTheTour.add(stop.route()));
        assertThat(onTheTour).containsAll(declared);
    }

    private static Browser.NewContextOptions desktop() {
        return new Browser.NewContextOptions().setViewportSize(1280, 900);
    }

    /** Visits the stops and audits each; returns one line per violating element. */
    private List<String> audit(Page page, Tour.Role role, String language, List<Tour.Stop> stops) {
        List<String> problems = new ArrayList<>();
        for (Tour.Stop stop : stops) {
            long start = System.nanoTime();
            page.navigate(url("/" + withLanguage(stop.path(), language)));
            stop.arrive(page);
            long arrived = System.nanoTime();
            if (Chromium.everyPage()) {
                Chromium.screenshotWhole(page, Tour.fileName("desktop", role, language, stop));
            }
            assertThat(page.locator("html").getAttribute("dir")).isEqualTo("he".equals(language) ? "rtl" : "ltr");
            AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
            assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
            List<Rule> violations = results.getViolations();
            record(role, language, stop, violations, (arrived - start) / 1_000_000,
                    (System.nanoTime() - arrived) / 1_000_000);
            for (Rule rule : violations) {
                for (CheckedNode node : rule.getNodes()) {
                    problems.add(String.format("%s %s %s: %s (%s) at %s: %s%n    %s%n    %s", role, language,
                            stop.name(), rule.getId(), rule.getImpact(), node.getTarget(), rule.getHelp(),
                            abbreviate(node.getHtml()), node.getFailureSummary().replace("\n", " ")));
                }
            }
        }
        synchronized (DETAILS) {
            try {
                Files.write(DETAILS, problems, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return problems;
    }

    static String withLanguage(String path, String language) {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + language;
    }

    private static void record(Tour.Role role, String language, Tour.Stop stop, List<Rule> violations, long loadMs,
            long auditMs) {
        int nodes = violations.stream().mapToInt(rule -> rule.getNodes().size()).sum();
        String line = String.format("%-8s %-5s %-24s %5d %5d %6d %6d  %s%n", role.name().toLowerCase(), language,
                stop.name(), violations.size(), nodes, loadMs, auditMs,
                violations.stream().map(r -> r.getId() + "(" + r.getNodes().size() + ")")
                        .collect(Collectors.joining(" ")));
        try {
            // Both languages' threads append: one line at a time.
            synchronized (REPORT) {
                Files.writeString(REPORT, line, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String html) {
        return html == null || html.length() <= 240 ? html : html.substring(0, 240) + "…";
    }
}
