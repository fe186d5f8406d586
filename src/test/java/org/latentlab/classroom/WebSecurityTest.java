package org.latentlab.classroom;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Real HTTP against the running app: what a browser or a script can do, whatever the UI shows. */
@ApplicationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSecurityTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ClassroomFixture fixture;

    @BeforeEach
    void accounts() {
        fixture.admin();
    }

    @Test
    void studentCannotCallTeacherEndpoints() throws Exception {
        fixture.student("amina");
        Browser student = new Browser();
        assertThat(student.signIn("amina", ClassroomFixture.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(student.get("/api/teacher/classes").statusCode()).isEqualTo(403);
        assertThat(student.get("/api/teacher/classes/1/members").statusCode()).isEqualTo(403);
        assertThat(student.get("/actuator/env").statusCode()).isEqualTo(403);
    }

    @Test
    void teacherReadsOwnClassesAsJson() throws Exception {
        fixture.teacher("rivka");
        Browser teacher = new Browser();
        teacher.signIn("rivka", ClassroomFixture.PASSWORD);
        HttpResponse<String> classes = teacher.get("/api/teacher/classes");
        assertThat(classes.statusCode()).isEqualTo(200);
        assertThat(classes.body()).isEqualTo("[]");
    }

    @Test
    void badInputToAnEndpointGetsAPlainAnswerWithoutStackTrace() throws Exception {
        fixture.teacher("rivka");
        Browser teacher = new Browser();
        teacher.signIn("rivka", ClassroomFixture.PASSWORD);
        HttpResponse<String> wrongType = teacher.get("/api/teacher/classes/not-a-number/members");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        HttpResponse<String> missing = teacher.get("/api/teacher/classes/999999/members");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("That class does not exist.");
        for (HttpResponse<String> response : new HttpResponse[] {wrongType, missing}) {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void anonymousCallersAreNotServedTeacherData() throws Exception {
        HttpResponse<String> response = new Browser().get("/api/teacher/classes");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("joinCode");
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        fixture.student("noa");
        Browser browser = new Browser();
        browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();
        browser.signIn("noa", ClassroomFixture.PASSWORD);
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() throws Exception {
        fixture.student("budi");
        Browser browser = new Browser();
        browser.get("/login");
        HttpResponse<String> response = browser.post("/login",
                "username=budi&password=" + URLEncoder.encode(ClassroomFixture.PASSWORD, StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?expired"));
        assertThat(browser.get("/api/teacher/classes").statusCode()).isNotEqualTo(200);
    }

    @Test
    void afterSeveralWrongPasswordsHereTheNextTryFromHereMustWaitAndIsToldHowLong() throws Exception {
        fixture.student("target");
        Browser guesser = new Browser();
        for (int i = 0; i <= LoginDelays.FREE_FAILURES; i++) {
            assertThat(guesser.signIn("target", "wrong guess " + i).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        }
        // The right password from the same address within the delay is refused too, without being checked.
        Browser sameDesk = new Browser();
        assertThat(sameDesk.signIn("target", ClassroomFixture.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(sameDesk.get("/login?error").body()).doesNotContain("Exception");
        // Another account at the same address is not slowed at all.
        fixture.student("neighbour");
        assertThat(new Browser().signIn("neighbour", ClassroomFixture.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
    }

    @Test
    void aMegabytePasswordAtLoginIsAnsweredCalmly() throws Exception {
        fixture.student("mega");
        HttpResponse<String> response = new Browser().signIn("mega", "m".repeat(1024 * 1024));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void theH2ConsoleIsOff() throws Exception {
        Browser admin = new Browser();
        admin.signIn("admin", ClassroomFixture.PASSWORD);
        for (String path : new String[] {"/h2-console", "/h2-console/", "/h2-console/login.jsp"}) {
            HttpResponse<String> response = admin.get(path);
            // Whatever answers (Vaadin's Not Found view or an error page), it is never the console itself.
            assertThat(response.body()).as(path).doesNotContainIgnoringCase("h2 console")
                    .doesNotContainIgnoringCase("jdbc");
        }
    }

    @Test
    void errorsOutsideTheViewsGetAFriendlyPageWithoutDetails() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.client.send(HttpRequest.newBuilder(browser.uri("/error"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Latent Lab").contains("lang=\"he\"").doesNotContain("Whitelabel");
        HttpResponse<String> json = browser.get("/error");
        assertThat(json.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("trace");
    }

    @Test
    void healthTellsEveryoneWhetherTheServerIsUpAndOnlyAdminsTheDetails() throws Exception {
        HttpResponse<String> anonymous = new Browser().get("/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components")
                .doesNotContain("engine").doesNotContain("diskSpace").doesNotContain("path");
        Browser admin = new Browser();
        admin.signIn("admin", ClassroomFixture.PASSWORD);
        HttpResponse<String> detailed = admin.get("/actuator/health");
        assertThat(detailed.body()).contains("\"engine\"").contains("PyTorch").contains("\"version\":\"2.7.1\"")
                .contains("intraOpThreads").contains("interOpThreads").contains("diskSpace");
        fixture.student("amina");
        Browser student = new Browser();
        student.signIn("amina", ClassroomFixture.PASSWORD);
        assertThat(student.get("/actuator/health").body()).doesNotContain("components");
    }

    @Test
    void pagesCarryAContentSecurityPolicyNoSniffingAReferrerPolicyAndALaxSessionCookie() throws Exception {
        HttpResponse<String> page = new Browser().get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedClientIsIgnored() throws Exception {
        // Sign-in delays and rate limits count per address: a client must not pick its own by sending the header.
        fixture.student("spoofer");
        for (int i = 0; i <= LoginDelays.FREE_FAILURES; i++) {
            new Browser().signIn("spoofer", "wrong " + i, "203.0.113." + i);
        }
        assertThat(new Browser().signIn("spoofer", ClassroomFixture.PASSWORD, "198.51.100.200").headers()
                .firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?error"));
    }

    /** A cookie-keeping client that, like a browser, does not follow redirects on its own here. */
    final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return post(path, form, null);
        }

        HttpResponse<String> post(String path, String form, String forwardedFor)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded");
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return client.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
            return signIn(username, password, null);
        }

        /** Signs in, claiming to come from {@code forwardedFor} (as a proxy would say) when it is not null. */
        HttpResponse<String> signIn(String username, String password, String forwardedFor)
                throws IOException, InterruptedException {
            Matcher token = CSRF.matcher(get("/login").body());
            assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
            return post("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(token.group(1)), forwardedFor);
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
