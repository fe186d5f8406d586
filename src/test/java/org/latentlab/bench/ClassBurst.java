package org.latentlab.bench;

import static org.latentlab.bench.SimulatedUser.check;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.latentlab.e2e.PackagedApp;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/class-burst's load generator, a process of its own beside the app: a class of students presses Start in the
 * Lab within a few seconds of each other, as HTTP clients of the packaged jar on loopback ({@code POST
 * /api/lab/runs} with the experiment's defaults, then following the run), while they browse lessons and quizzes.
 * It prints the time from Start to each student's first live point, the time until the last run finished, the page
 * views' p95 meanwhile, and the runs' final test loss against the same settings trained alone afterwards (three
 * runs per experiment one after the other, nothing else on the server; medians on both sides). The students are added straight to the database over JDBC (the
 * app's H2 file through {@code AUTO_SERVER}). Nothing of it is in the product.
 * <p>{@code ClassBurst [--students=30] [--mix=assignment|mixed] [--label=after] [--alone-runs=3] [-- app arguments...]}: the
 * assignment's convolutional VAE for everyone, or the seven experiments in turn. The jar is {@code latentlab.jar}
 * (so the same generator measures an older build). Exit code 0 when every run finished.
 */
public final class ClassBurst {

    private static final String PASSWORD = "class burst secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> EXPERIMENTS = List.of("conv-vae", "dense-ae", "conv-ae", "denoising-ae",
            "super-resolution-ae", "vae-2d", "vae");
    private static final List<String> PAGES = List.of("/", "/lessons", "/lessons/autoencoders", "/quizzes",
            "/quizzes/autoencoders-pre", "/lab");
    /** Students press Start within this window (the "within 5 s of each other"). */
    private static final int START_WINDOW_MILLIS = 5_000;
    /** A bound on the whole burst, so that a stuck run cannot keep the bench (or the machine) busy forever. */
    private static final Duration TIME_LIMIT = Duration.ofMinutes(60);

    /** What happened to one student's run. */
    private record Outcome(String experiment, double startedAt, double firstPointAfter, double finishedAt,
            String state, Double testLoss) {
    }

    private ClassBurst() {
    }

    public static void main(String[] args) throws Exception {
        int students = Integer.parseInt(BenchArguments.option(args, "students", "30"));
        boolean mixed = "mixed".equals(BenchArguments.option(args, "mix", "assignment"));
        String label = BenchArguments.option(args, "label", "after");
        int aloneRuns = Integer.parseInt(BenchArguments.option(args, "alone-runs", "3"));
        List<String> appArguments = BenchArguments.appArguments(args);
        System.exit(run(students, mixed, label, aloneRuns, appArguments, System.out));
    }


    static int run(int students, boolean mixed, String label, int aloneRuns, List<String> appArguments,
            PrintStream out)
            throws Exception {
        Path work = Files.createTempDirectory("class-burst-");
        Path data = work.resolve("data");
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("db/latentlab")
                + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                // A class is one address behind the school's router: as many students as there are.
                "--latentlab.training.queued-per-user=2", "--latentlab.training.queue-capacity=" + (2 * students)));
        arguments.addAll(appArguments);
        try (PackagedApp app = new PackagedApp(data, arguments.toArray(String[]::new))) {
            app.start();
            String base = "http://127.0.0.1:" + app.port();
            awaitEngine(base);
            List<String> usernames;
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                usernames = addStudents(connection, students + 1);
            }
            HttpClient http = SimulatedUser.httpClient();
            List<SimulatedUser> users = new ArrayList<>();
            for (String username : usernames) {
                SimulatedUser user = new SimulatedUser(http, base);
                user.signIn(username, PASSWORD);
                user.openPage("/lab");
                users.add(user);
            }
            SimulatedUser loner = users.removeLast();
            List<String> experiments = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                experiments.add(mixed ? EXPERIMENTS.get(i % EXPERIMENTS.size()) : "conv-vae");
            }
            Burst burst = burst(base, users, experiments);
            Map<String, List<Double>> alone = new LinkedHashMap<>();
            for (String experiment : new java.util.LinkedHashSet<>(experiments)) {
                alone.put(experiment, trainAlone(loner, experiment, aloneRuns));
            }
            return report(label, mixed, burst, alone, out);
        } finally {
            BenchArguments.deleteQuietly(work);
        }
    }

    private record Burst(List<Outcome> outcomes, long[] pageNanos, int pageErrors, String firstError) {
    }

    private static Burst burst(String base, List<SimulatedUser> users, List<String> experiments)
            throws Exception {
        ConcurrentLinkedQueue<Long> pages = new ConcurrentLinkedQueue<>();
        AtomicInteger pageErrors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger(users.size());
        AtomicBoolean over = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        long began = System.nanoTime();
        long deadline = began + TIME_LIMIT.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users.size(); i++) {
                int student = i;
                SimulatedUser user = users.get(i);
                // Another session of the same student browses while the Lab page follows the run.
                Random random = new Random(student);
                pool.submit(() -> {
                    go.await();
                    Thread.sleep(random.nextInt(START_WINDOW_MILLIS));
                    try {
                        outcomes.put(student, follow(user, experiments.get(student), began, deadline));
                    } catch (Exception e) {
                        firstError.compareAndSet(null, "student " + student + ": " + e);
                        outcomes.put(student, new Outcome(experiments.get(student), 0, Double.NaN, Double.NaN,
                                "ERROR", null));
                    } finally {
                        if (running.decrementAndGet() == 0) {
                            over.set(true);
                        }
                    }
                    return null;
                });
                pool.submit(() -> {
                    SimulatedUser reader = new SimulatedUser(SimulatedUser.httpClient(), base);
                    reader.signIn(usernameOf(student), PASSWORD);
                    go.await();
                    while (!over.get() && System.nanoTime() < deadline) {
                        Thread.sleep(3_000 + random.nextInt(9_000));
                        String page = PAGES.get(random.nextInt(PAGES.size()));
                        try {
                            reader.leavePage();
                            long t0 = System.nanoTime();
                            reader.openPage(page);
                            pages.add(System.nanoTime() - t0);
                        } catch (Exception e) {
                            pageErrors.incrementAndGet();
                            firstError.compareAndSet(null, page + ": " + e);
                        }
                    }
                    reader.leavePage();
                    return null;
                });
            }
            go.countDown();
        }
        List<Outcome> ordered = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            ordered.add(outcomes.get(i));
        }
        return new Burst(ordered, pages.stream().mapToLong(Long::longValue).sorted().toArray(), pageErrors.get(),
                firstError.get());
    }

    /** Presses Start and follows the run as the Lab page does, until it ends. Times in seconds from the burst. */
    private static Outcome follow(SimulatedUser user, String experiment, long began, long deadline)
            throws Exception {
        double startedAt = (System.nanoTime() - began) / 1e9;
        JsonNode run = JSON.readTree(check(user.send(user.api("/api/lab/runs").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"experiment\":\"" + experiment
                        + "\"}")))).body());
        String id = run.get("id").asString();
        double firstPoint = Double.NaN;
        while (System.nanoTime() < deadline) {
            run = JSON.readTree(check(user.send(user.api("/api/lab/runs/" + id).GET())).body());
            double now = (System.nanoTime() - began) / 1e9;
            if (Double.isNaN(firstPoint) && run.get("points").asInt() > 0) {
                firstPoint = now - startedAt;
            }
            String state = run.get("state").asString();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                JsonNode loss = run.get("testLoss");
                return new Outcome(experiment, startedAt, firstPoint, now, state,
                        loss == null || loss.isNull() ? null : loss.asDouble());
            }
            Thread.sleep(Double.isNaN(firstPoint) ? 250 : 2_000);
        }
        return new Outcome(experiment, startedAt, firstPoint, Double.NaN, "TIMED_OUT", null);
    }

    /**
     * The same settings with the server to itself, {@code runs} times one after the other: the losses runs reach
     * without a class beside them. Several, because one run is not a measure: a VAE's noise draws come from the
     * engine's one generator, so no two runs are the same, and now and then a run settles in a clearly worse place.
     */
    private static List<Double> trainAlone(SimulatedUser user, String experiment, int runs) throws Exception {
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long began = System.nanoTime();
            Outcome outcome = follow(user, experiment, began, began + TIME_LIMIT.toNanos());
            if (outcome.testLoss() == null) {
                throw new IllegalStateException(experiment + " alone ended " + outcome.state());
            }
            losses.add(outcome.testLoss());
        }
        return losses;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static int report(String label, boolean mixed, Burst burst, Map<String, List<Double>> alone,
            PrintStream out) {
        List<Outcome> outcomes = burst.outcomes();
        long[] firstPoints = outcomes.stream().filter(o -> !Double.isNaN(o.firstPointAfter()))
                .mapToLong(o -> (long) (o.firstPointAfter() * 1e9)).sorted().toArray();
        double lastFinished = outcomes.stream().mapToDouble(Outcome::finishedAt).max().orElse(Double.NaN);
        long finished = outcomes.stream().filter(o -> o.state().equals("FINISHED")).count();
        // Per experiment, the median loss under load against the median alone (medians: one run that settles in a
        // worse place must not decide it); then the mean over the class's runs, so each experiment counts by its
        // number of students.
        Map<String, Double> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> underLoad = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> entry : alone.entrySet()) {
            List<Double> losses = outcomes.stream().filter(o -> o.experiment().equals(entry.getKey())
                    && o.testLoss() != null).map(Outcome::testLoss).toList();
            underLoad.put(entry.getKey(), losses);
            ratios.put(entry.getKey(), median(losses) / median(entry.getValue()));
        }
        double ratio = outcomes.stream().filter(o -> ratios.containsKey(o.experiment()))
                .mapToDouble(o -> ratios.get(o.experiment())).average().orElse(Double.NaN);
        out.printf(Locale.ROOT, "build=%s mix=%s students=%d finished=%d%n", label, mixed ? "mixed" : "assignment",
                outcomes.size(), finished);
        out.printf(Locale.ROOT, "first_point_s p50=%.1f p95=%.1f max=%.1f%n", seconds(firstPoints, 50),
                seconds(firstPoints, 95), firstPoints.length == 0 ? Double.NaN : firstPoints[firstPoints.length - 1]
                        / 1e9);
        out.printf(Locale.ROOT, "page_views=%d page_p50_ms=%.0f page_p95_ms=%.0f page_errors=%d%s%n",
                burst.pageNanos().length, SimulatedUser.percentileMillis(burst.pageNanos(), 50),
                SimulatedUser.percentileMillis(burst.pageNanos(), 95), burst.pageErrors(),
                burst.firstError() == null ? "" : " first_error=" + burst.firstError());
        for (Map.Entry<String, List<Double>> entry : alone.entrySet()) {
            List<Double> under = underLoad.get(entry.getKey());
            out.printf(Locale.ROOT, "test_loss %s alone_median=%.4f alone=%s under_load_median=%.4f "
                    + "under_load_mean=%.4f under_load_runs=%d%n", entry.getKey(), median(entry.getValue()),
                    entry.getValue().stream().map(l -> String.format(Locale.ROOT, "%.1f", l)).toList(),
                    median(under), under.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    under.size());
        }
        out.printf(Locale.ROOT, "first_point_p95_s=%.1f last_finished_s=%.0f page_p95_ms=%.0f loss_ratio=%.3f%n",
                seconds(firstPoints, 95), lastFinished, SimulatedUser.percentileMillis(burst.pageNanos(), 95),
                ratio);
        return finished == outcomes.size() ? 0 : 1;
    }

    private static double seconds(long[] sortedNanos, int p) {
        return SimulatedUser.percentileMillis(sortedNanos, p) / 1000;
    }

    /** Waits until the engine and the shipped models are ready, as a class would arrive at a server that is up. */
    private static void awaitEngine(String base) throws Exception {
        HttpClient http = SimulatedUser.httpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(java.net.URI.create(base
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            if (health.body().contains("\"UP\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the engine did not get ready within 5 minutes");
    }

    private static String usernameOf(int student) {
        return "burst-" + student;
    }

    /** Students added straight to the database, with a cheap hash: we measure training, not password checks. */
    private static List<String> addStudents(Connection connection, int count) throws SQLException {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<String> usernames = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into user_account (username, "
                + "display_name, password_hash, role, created_at) values (?, ?, ?, 'STUDENT', ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, usernameOf(i));
                insert.setString(2, "Student " + i);
                insert.setString(3, hash);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.addBatch();
                usernames.add(usernameOf(i));
            }
            insert.executeBatch();
        }
        return usernames;
    }

}
