package org.latentlab.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * One simulated user of the load benchmarks: an HTTP client of the running app on loopback with a session of its
 * own, signed in through the login form as a browser is, and the CSRF token of that session. It calls the JSON API
 * ({@link #api}) or opens pages the way the browser does ({@link #openPage}). It knows Vaadin's request protocol,
 * which is why it lives with the benchmarks in test scope and not in the product.
 */
public final class SimulatedUser {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^\\s*([^=;\\s]+)=([^;]*)");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern UI_TOKEN = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    /** What a desktop browser tells Vaadin about itself when a page starts. */
    private static final String BROWSER_DETAILS = "&v-sw=1280&v-sh=800&v-ww=1280&v-wh=720&v-bw=1280&v-bh=720"
            + "&v-tzo=0&v-rtzo=0&v-dstd=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-cs=light&v-pv=VISIBLE";

    private final HttpClient http;
    private final String base;
    /** The cookies the server set: the session's, and a load balancer's that keeps this user on one node. */
    private final java.util.Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
    private String csrf;
    private String csrfHeader;
    /** The Vaadin UI of the page on screen, null before the first page. */
    private OpenPage page;

    private record OpenPage(String uiId, String token) {
    }

    public SimulatedUser(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** One client for all the users of a benchmark: each user keeps its own session cookie. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The loopback address of the running app's web server. */
    public static String baseUrl(ApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public void signIn(String username, String password) throws Exception {
        signIn(username, password, false);
    }

    /** Signs in, ticking "remember me" when asked (a cookie that signs the browser in again without a session). */
    public void signIn(String username, String password, boolean rememberMe) throws Exception {
        readToken(send(request("/login").GET()));
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + (rememberMe ? "&remember-me=on" : "");
        HttpResponse<String> login = send(request("/login").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " "
                    + login.headers().firstValue("Location").orElse(""));
        }
        // A new session after signing in, with its own token.
        readToken(send(request("/").GET()));
    }

    /**
     * Opens a page as the browser does: the page itself (Vaadin's bootstrap HTML, the same for every route), then
     * the request that starts its Vaadin UI, then the navigation event that renders the view on the server and
     * brings it to the browser. Only then does the user see the page. Fails on an HTTP error or a Vaadin error.
     */
    public void openPage(String path) throws Exception {
        check(send(request(path).GET()));
        String location = URLEncoder.encode(path.substring(1), StandardCharsets.UTF_8);
        HttpResponse<String> init = check(send(request("/?v-r=init&location=" + location + "&query="
                + BROWSER_DETAILS).GET()));
        Matcher uiId = UI_ID.matcher(init.body());
        Matcher token = UI_TOKEN.matcher(init.body());
        if (!uiId.find() || !token.find()) {
            throw new IllegalStateException("no Vaadin UI started for " + path + ": " + init.body());
        }
        page = new OpenPage(uiId.group(1), token.group(1));
        String navigate = "{\"csrfToken\":\"" + page.token() + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + path.substring(1) + "\",\"query\":\"\","
                + "\"appShellTitle\":\"Latent Lab\",\"historyState\":null,\"trigger\":\"\"}}],\"syncId\":0,"
                + "\"clientId\":0}";
        HttpResponse<String> view = check(send(uidl(navigate)));
        if (view.body().contains("\"appError\"") || view.body().contains("\"sessionExpired\"")) {
            throw new IllegalStateException("Vaadin error on " + path + ": " + view.body());
        }
    }

    /** Closes the page on screen, as the browser tells Vaadin when it leaves a page, so that its UI is freed. */
    public void leavePage() throws Exception {
        if (page != null) {
            send(uidl("{\"csrfToken\":\"" + page.token() + "\",\"rpc\":[],\"UNLOAD\":true}"));
            page = null;
        }
    }

    private HttpRequest.Builder uidl(String body) {
        return request("/?v-r=uidl&v-uiId=" + page.uiId()).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A request in this user's session. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        return builder;
    }

    /** A JSON API request in this user's session, with its CSRF token. */
    public HttpRequest.Builder api(String path) {
        return request(path).header(csrfHeader, csrf).header("Accept", "application/json");
    }

    /** Sends a request and keeps the session cookie the server may set. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher matcher = COOKIE.matcher(cookie);
            if (matcher.find()) {
                cookies.put(matcher.group(1), matcher.group(2));
            }
        }
        return response;
    }

    /** The response if its status is 2xx. */
    public static HttpResponse<String> check(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for "
                    + response.request().uri().getRawPath() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response;
    }

    private void readToken(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        Matcher header = CSRF_HEADER.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in the page (" + page.statusCode() + ")");
        }
        csrf = token.group(1);
        csrfHeader = header.find() ? header.group(1) : "X-CSRF-TOKEN";
    }

    /** The value of a cookie the server set, e.g. the load balancer's node cookie, or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Loads the home page again, as a reload does: a new session (and CSRF token) if the old one is gone. */
    public void reload() throws Exception {
        page = null;
        readToken(send(request("/").GET()));
    }

    /** Forgets the session, as a browser whose node went away finds it gone (other cookies stay). */
    public void forgetSession() {
        cookies.remove("JSESSIONID");
        page = null;
    }

    /** The p-th percentile of latencies sorted ascending, in nanoseconds, as milliseconds (0 when there are none). */
    public static double percentileMillis(long[] sortedNanos, int p) {
        return sortedNanos.length == 0 ? 0
                : sortedNanos[Math.min(sortedNanos.length - 1, sortedNanos.length * p / 100)] / 1e6;
    }
}
