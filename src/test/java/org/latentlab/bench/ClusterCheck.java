package org.latentlab.bench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.latentlab.bench.SimulatedUser.check;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;

import org.latentlab.e2e.Chromium;
import org.latentlab.e2e.LatentMapInspection;
import org.latentlab.e2e.PackagedApp;
import org.latentlab.test.TestDatabases;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/cluster's checks, a process of its own: one PostgreSQL database (a new one on the server that
 * {@code LATENTLAB_TEST_POSTGRES_URL} names), two web nodes and two workers from the one packaged jar, sharing a
 * checkpoint folder, and HAProxy in front of the web nodes with the configuration of docs/deploy.md, all on
 * loopback. It checks, printing each:
 * <ol type="a">
 * <li>a run started through web node 1 shows live points to its owner on web node 2;</li>
 * <li>{@code kill -9} of the worker training it: the run goes on on the other worker from its last stored epoch,
 * no epoch twice in its curve (prints the time from the kill to the run training again);</li>
 * <li>a cancel through web node 2 stops the run on its worker within 2 s;</li>
 * <li>{@code kill -9} of the web node a student's browser sticks to: after a reload through HAProxy she is on the
 * other node, still signed in (remember me), with her saved quiz answers and her run;</li>
 * <li>a challenge's leaderboard updates by push on pages served by both web nodes (checked before (d), which
 * leaves one web node);</li>
 * <li>a small class presses Start together through HAProxy, first with two workers, then with one: with two, the
 * runs spread over both; the time until the last run finished is printed for both. On one machine the second
 * worker shares the same cores and cannot add compute, so the two times are alike; with k machines the class is
 * done in about 1/k of the time (docs/deploy.md computes it from the measured per-run cost).</li>
 * </ol>
 * Last line: {@code checks_passed=<n>/6 resume_s=<..> cancel_s=<..> burst_two_workers_s=<..>
 * burst_one_worker_s=<..>}; exit code 0 when all passed. Nothing of it is in the product.
 */
public final class ClusterCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private final PrintStream out;
    private final Map<String, PackagedApp> nodes = new LinkedHashMap<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private String databaseUrl;
    private String balancer;
    private Process haproxy;
    private double resumeSeconds = Double.NaN;
    private double cancelSeconds = Double.NaN;
    private double burstTwoWorkersSeconds = Double.NaN;
    private double burstOneWorkerSeconds = Double.NaN;

    private ClusterCheck(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new ClusterCheck(System.out).run());
    }

    private int run() throws Exception {
        Path work = Files.createTempDirectory("cluster-");
        try {
            start(work);
            Map<String, Callable<Boolean>> checks = new LinkedHashMap<>();
            String[] run = new String[1];
            checks.put("a live points on the other web node", () -> livePointsElsewhere(run));
            checks.put("b a killed worker's run goes on on the other", () -> workerDies(run[0]));
            checks.put("c cancel from web node 2 within 2 s", this::cancelFromOtherNode);
            checks.put("e leaderboard live on both web nodes", this::leaderboardOnBothNodes);
            checks.put("d a killed web node costs a reload, not work", this::webNodeDies);
            checks.put("f a class's runs spread over both workers", this::workSpreads);
            int passed = 0;
            for (Map.Entry<String, Callable<Boolean>> entry : checks.entrySet()) {
                boolean ok;
                try {
                    ok = entry.getValue().call();
                } catch (Exception | AssertionError e) {
                    e.toString().lines().limit(12).forEach(line -> out.println("   " + line));
                    ok = false;
                }
                out.printf(Locale.ROOT, "check %s: %s%n", entry.getKey(), ok ? "passed" : "FAILED");
                passed += ok ? 1 : 0;
            }
            out.printf(Locale.ROOT, "checks_passed=%d/%d resume_s=%.1f cancel_s=%.2f burst_two_workers_s=%.0f "
                    + "burst_one_worker_s=%.0f%n", passed, checks.size(), resumeSeconds, cancelSeconds,
                    burstTwoWorkersSeconds, burstOneWorkerSeconds);
            return passed == checks.size() ? 0 : 1;
        } finally {
            for (PackagedApp node : nodes.values()) {
                node.close();
            }
            if (haproxy != null) {
                haproxy.destroy();
            }
            BenchArguments.deleteQuietly(work);
        }
    }

    private void start(Path work) throws Exception {
        databaseUrl = TestDatabases.createDatabase();
        Path checkpoints = Files.createDirectories(work.resolve("shared-runs"));
        for (String name : List.of("web1", "web2", "worker1", "worker2")) {
            List<String> arguments = new ArrayList<>(List.of(
                    "--spring.profiles.active=" + (name.equals("web1") ? "demo,postgres" : "postgres"),
                    "--latentlab.node.roles=" + (name.startsWith("web") ? "web" : "worker"),
                    "--latentlab.training.checkpoint-root=" + checkpoints,
                    "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"));
            PackagedApp node = new PackagedApp(work.resolve(name), arguments.toArray(String[]::new))
                    .environment("LATENTLAB_DB_URL", databaseUrl)
                    .environment("LATENTLAB_DB_USER", TestDatabases.user())
                    .environment("LATENTLAB_DB_PASSWORD", TestDatabases.password());
            // One after the other: the first migrates the database and adds the demo class.
            node.start();
            nodes.put(name, node);
            out.printf(Locale.ROOT, "%s started on port %d%n", name, node.port());
            if (name.equals("web1")) {
                for (String user : List.of("teacher", "amina", "budi", "noa")) {
                    passwords.put(user, node.demoPassword(user));
                }
            }
        }
        int port = freePort();
        Path config = work.resolve("haproxy.cfg");
        Files.writeString(config, haproxyConfig(port), StandardCharsets.UTF_8);
        haproxy = new ProcessBuilder("haproxy", "-f", config.toString(), "-db").redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        balancer = "http://127.0.0.1:" + port;
        awaitPort(port);
        out.printf(Locale.ROOT, "haproxy on port %d in front of web1 and web2%n", port);
    }

    /** docs/deploy.md's configuration, on loopback. */
    private String haproxyConfig(int port) {
        return """
                global
                    maxconn 4000
                defaults
                    mode http
                    option forwardfor
                    option redispatch
                    retries 2
                    timeout connect 5s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 10s
                    timeout tunnel 1h
                    timeout client-fin 5s
                frontend students
                    bind 127.0.0.1:%d
                    default_backend web
                backend web
                    balance roundrobin
                    cookie LATENTLAB_NODE insert indirect nocache httponly
                    option httpchk GET /actuator/health
                    http-check expect status 200
                    server web1 127.0.0.1:%d check inter 2s fall 2 rise 2 cookie web1
                    server web2 127.0.0.1:%d check inter 2s fall 2 rise 2 cookie web2
                """.formatted(port, nodes.get("web1").port(), nodes.get("web2").port());
    }

    private String base(String node) {
        return "http://127.0.0.1:" + nodes.get(node).port();
    }

    private SimulatedUser signedIn(String base, String username) throws Exception {
        SimulatedUser user = new SimulatedUser(SimulatedUser.httpClient(), base);
        user.signIn(username, passwords.get(username));
        return user;
    }

    private static JsonNode json(java.net.http.HttpResponse<String> response) {
        return JSON.readTree(check(response).body());
    }

    private static String startRun(SimulatedUser user, String experiment) throws Exception {
        return json(user.send(user.api("/api/lab/runs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"experiment\":\"" + experiment + "\"}"))))
                .get("id").asString();
    }

    private static JsonNode status(SimulatedUser user, String run) throws Exception {
        return json(user.send(user.api("/api/lab/runs/" + run).GET()));
    }

    /** (a) Started on web node 1, followed on web node 2: the points grow there while it trains. */
    private boolean livePointsElsewhere(String[] run) throws Exception {
        SimulatedUser onWeb1 = signedIn(base("web1"), "amina");
        run[0] = startRun(onWeb1, "conv-vae");
        SimulatedUser onWeb2 = signedIn(base("web2"), "amina");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int first = 0;
        while (System.nanoTime() < deadline) {
            JsonNode status = status(onWeb2, run[0]);
            int points = status.get("points").asInt();
            boolean running = status.get("state").asString().equals("RUNNING");
            if (running && first == 0 && points > 0) {
                first = points;
            } else if (running && first > 0 && points > first && status.get("epochsDone").asInt() == 0) {
                // Batch points of the first epoch are not stored yet: web node 2 heard them from the worker.
                out.printf(Locale.ROOT, "   web2 saw points %d then %d of run %s before its first epoch ended%n",
                        first, points, run[0]);
                return true;
            } else if (status.get("epochsDone").asInt() > 0 && first > 0 && points > first) {
                out.printf(Locale.ROOT, "   web2 saw points %d then %d of run %s%n", first, points, run[0]);
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private record RunRow(String state, String worker, int epochsDone) {
    }

    private RunRow row(Connection db, String run) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "select state, worker, epochs_done from training_run where id = ?")) {
            query.setString(1, run);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new RunRow(rs.getString(1), rs.getString(2), rs.getInt(3));
            }
        }
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection(databaseUrl, TestDatabases.user(), TestDatabases.password());
    }

    /** (b) The worker dies after two epochs; the other worker goes on after the last stored epoch. */
    private boolean workerDies(String run) throws Exception {
        if (run == null) {
            return false;
        }
        try (Connection db = database()) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            RunRow before = row(db, run);
            while (before.epochsDone() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                before = row(db, run);
            }
            String killed = workerNode(before.worker());
            if (killed == null || !before.state().equals("RUNNING")) {
                out.println("   the run was not training on a worker: " + before);
                return false;
            }
            nodes.get(killed).kill();
            long killedAt = System.nanoTime();
            out.printf(Locale.ROOT, "   killed %s (-9) after epoch %d%n", killed, before.epochsDone());
            RunRow now = row(db, run);
            while (!(now.state().equals("RUNNING") && !before.worker().equals(now.worker()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
                now = row(db, run);
            }
            resumeSeconds = (System.nanoTime() - killedAt) / 1e9;
            out.printf(Locale.ROOT, "   training again on %s after %.1f s%n", workerNode(now.worker()),
                    resumeSeconds);
            while (now.epochsDone() <= before.epochsDone() + 1 && !now.state().equals("FINISHED")
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
                now = row(db, run);
            }
            int twice;
            try (PreparedStatement query = db.prepareStatement("select count(*) from (select epoch from "
                    + "training_point where run_id = ? and point_kind = 'E' group by epoch having count(*) > 1) d")) {
                query.setString(1, run);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    twice = rs.getInt(1);
                }
            }
            out.printf(Locale.ROOT, "   epochs done now %d (was %d at the kill), epochs twice in the curve: %d%n",
                    now.epochsDone(), before.epochsDone(), twice);
            // The killed worker comes back for the checks after this one.
            nodes.get(killed).start();
            return !Double.isNaN(resumeSeconds) && now.epochsDone() > before.epochsDone() && twice == 0
                    && !before.worker().equals(now.worker());
        }
    }

    /** The node whose process trains, from the run's {@code worker} column ({@code host/pid}). */
    private String workerNode(String worker) {
        if (worker == null) {
            return null;
        }
        long pid = Long.parseLong(worker.substring(worker.lastIndexOf('/') + 1));
        return nodes.entrySet().stream().filter(e -> e.getValue().pid() == pid).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** (c) A run trains on a worker; its owner cancels it on web node 2; it stops within 2 s. */
    private boolean cancelFromOtherNode() throws Exception {
        SimulatedUser onWeb1 = signedIn(base("web1"), "budi");
        String run = startRun(onWeb1, "conv-ae");
        SimulatedUser onWeb2 = signedIn(base("web2"), "budi");
        try (Connection db = database()) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!(status(onWeb2, run).get("state").asString().equals("RUNNING")
                    && status(onWeb2, run).get("points").asInt() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long asked = System.nanoTime();
            check(onWeb2.send(onWeb2.api("/api/lab/runs/" + run + "/cancel")
                    .POST(HttpRequest.BodyPublishers.noBody())));
            RunRow now = row(db, run);
            while (!now.state().equals("CANCELLED") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                now = row(db, run);
            }
            cancelSeconds = (System.nanoTime() - asked) / 1e9;
            out.printf(Locale.ROOT, "   %s %.2f s after the cancel on web2%n", now.state(), cancelSeconds);
            return now.state().equals("CANCELLED") && cancelSeconds <= 2;
        }
    }

    /** (e) The teacher watches the leaderboard on both web nodes; a student submits on one; both pages show it. */
    private boolean leaderboardOnBothNodes() throws Exception {
        try (Chromium chromium = Chromium.launch()) {
            Browser browser = chromium.browser();
            Browser.NewContextOptions tall = new Browser.NewContextOptions().setViewportSize(1280, 1500);
            try (BrowserContext teacherOn1 = browser.newContext(tall);
                    BrowserContext teacherOn2 = browser.newContext(tall);
                    BrowserContext studentOn2 = browser.newContext(tall)) {
                Page first = teacherOn1.newPage();
                Chromium.signIn(first, base("web1") + "/login", "teacher", passwords.get("teacher"));
                first.navigate(base("web1") + "/challenges");
                first.locator("#challenge-digit input").fill("7");
                first.locator("#challenge-open").click();
                assertThat(first.locator("#challenge-leaderboard")).containsText("No submissions yet.");
                String path = first.url().substring(base("web1").length());
                Page second = teacherOn2.newPage();
                Chromium.signIn(second, base("web2") + "/login", "teacher", passwords.get("teacher"));
                second.navigate(base("web2") + path);
                assertThat(second.locator("#challenge-leaderboard")).containsText("No submissions yet.");

                Page student = studentOn2.newPage();
                Chromium.signIn(student, base("web2") + "/login", "noa", passwords.get("noa"));
                student.navigate(base("web2") + path);
                assertThat(student.locator("#challenge-rules")).isVisible();
                LatentMapInspection.waitForDecoded(student, "challenge-map");
                Locator map = student.locator("latent-map#challenge-map canvas.map");
                map.scrollIntoViewIfNeeded();
                BoundingBox box = map.boundingBox();
                student.mouse().click(box.x + box.width * 0.5, box.y + box.height * 0.5);
                student.locator("#challenge-submit").click();
                assertThat(student.locator("#challenge-reading")).containsText("Submitted");
                LocatorAssertions.HasCountOptions wait = new LocatorAssertions.HasCountOptions().setTimeout(15_000);
                // Neither teacher page reloaded: the row came by push, to web2 directly and to web1 by NOTIFY.
                assertThat(second.locator("#challenge-leaderboard .ll-leaderboard-row")).hasCount(1, wait);
                assertThat(first.locator("#challenge-leaderboard .ll-leaderboard-row")).hasCount(1, wait);
                out.println("   the submission on web2 reached the teacher's pages on web2 and on web1");
                return true;
            }
        }
    }

    /** (d) A student's browser sticks to one web node through HAProxy; that node dies; she goes on on the other. */
    private boolean webNodeDies() throws Exception {
        SimulatedUser student = new SimulatedUser(SimulatedUser.httpClient(), balancer);
        student.signIn("noa", passwords.get("noa"), true);
        JsonNode sheet = json(student.send(student.api("/api/quizzes/autoencoders-pre/attempt")
                .POST(HttpRequest.BodyPublishers.noBody())));
        long attempt = sheet.get("attempt").get("attemptId").asLong();
        List<String> answered = new ArrayList<>();
        for (JsonNode question : sheet.get("questions")) {
            if (!question.get("type").asString().equals("TRUE_FALSE") && !question.get("type").asString()
                    .equals("SINGLE")) {
                continue;
            }
            String body = question.get("type").asString().equals("TRUE_FALSE") ? "{\"value\":true}"
                    : "{\"choices\":[\"" + question.get("items").get(0).get("id").asString() + "\"]}";
            check(student.send(student.api("/api/attempts/" + attempt + "/answers/" + question.get("id").asString())
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))));
            answered.add(question.get("id").asString());
            if (answered.size() == 3) {
                break;
            }
        }
        String run = startRun(student, "dense-ae");
        String node = student.cookie("LATENTLAB_NODE");
        if (node == null || !nodes.containsKey(node)) {
            out.println("   HAProxy set no node cookie: " + node);
            return false;
        }
        nodes.get(node).kill();
        out.printf(Locale.ROOT, "   noa's browser stuck to %s, which was killed (-9)%n", node);
        // The reload: her session lived on the dead node; HAProxy sends her to the other one, where her remember-me
        // cookie signs her in again (she ticked it).
        student.forgetSession();
        student.reload();
        String now = student.cookie("LATENTLAB_NODE");
        JsonNode again = json(student.send(student.api("/api/quizzes/autoencoders-pre/attempt")
                .POST(HttpRequest.BodyPublishers.noBody())));
        boolean sameAttempt = again.get("attempt").get("attemptId").asLong() == attempt;
        boolean answersKept = answered.stream().allMatch(id -> again.get("saved").has(id));
        String state = status(student, run).get("state").asString();
        out.printf(Locale.ROOT, "   now on %s: same attempt %s, %d of %d answers there, run %s%n", now, sameAttempt,
                answered.stream().filter(id -> again.get("saved").has(id)).count(), answered.size(), state);
        return !node.equals(now) && sameAttempt && answersKept && !answered.isEmpty();
    }

    /** What a burst of runs took, and the nodes that trained them. */
    private record Burst(double lastFinishedSeconds, Set<String> workers) {
    }

    /** (f) Three students start the assignment's run at once, with two workers and then with one. */
    private boolean workSpreads() throws Exception {
        List<String> students = List.of("amina", "budi", "noa");
        awaitNoActiveRuns();
        Burst two = burst(students);
        out.printf(Locale.ROOT, "   two workers: %d runs trained on %s, the last finished after %.0f s%n",
                students.size(), two.workers(), two.lastFinishedSeconds());
        nodes.get("worker2").close();
        Burst one = burst(students);
        out.printf(Locale.ROOT, "   one worker: %d runs trained on %s, the last finished after %.0f s%n",
                students.size(), one.workers(), one.lastFinishedSeconds());
        burstTwoWorkersSeconds = two.lastFinishedSeconds();
        burstOneWorkerSeconds = one.lastFinishedSeconds();
        return two.workers().size() == 2 && one.workers().equals(Set.of("worker1"));
    }

    /** Earlier checks leave runs training (a student may have one at a time): they finish first. */
    private void awaitNoActiveRuns() throws Exception {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from training_run where state in ('QUEUED', 'RUNNING')")) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("runs of the earlier checks still training after " + PATIENCE);
    }

    private Burst burst(List<String> students) throws Exception {
        List<SimulatedUser> users = new ArrayList<>();
        for (String student : students) {
            users.add(signedIn(balancer, student));
        }
        long start = System.nanoTime();
        List<String> runs = new ArrayList<>();
        for (SimulatedUser user : users) {
            runs.add(startRun(user, "conv-vae"));
        }
        Set<String> workers = new TreeSet<>();
        try (Connection db = database()) {
            long deadline = start + 2 * PATIENCE.toNanos();
            List<String> open = new ArrayList<>(runs);
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                for (Iterator<String> it = open.iterator(); it.hasNext(); ) {
                    RunRow row = row(db, it.next());
                    if (row.worker() != null) {
                        workers.add(workerNode(row.worker()));
                    }
                    if (!row.state().equals("QUEUED") && !row.state().equals("RUNNING")) {
                        it.remove();
                    }
                }
                Thread.sleep(500);
            }
            if (!open.isEmpty()) {
                throw new IllegalStateException("runs " + open + " not finished after " + 2 * PATIENCE.toMinutes()
                        + " min");
            }
        }
        return new Burst((System.nanoTime() - start) / 1e9, workers);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                Thread.sleep(4_500); // and the first health checks
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("HAProxy did not start");
    }

}
