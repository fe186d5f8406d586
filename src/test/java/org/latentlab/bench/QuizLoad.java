package org.latentlab.bench;

import static org.latentlab.bench.SimulatedUser.check;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.latentlab.e2e.PackagedApp;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizPolicy;
import org.latentlab.quiz.format.QuizFiles;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/quiz-load's load generator, a process of its own beside the app: it starts the packaged jar (a fresh data
 * folder, PyTorch off, a quiz folder with the bench's 10-question quiz), adds the students straight into the
 * database over JDBC (the app's H2 file through {@code AUTO_SERVER}, or the PostgreSQL server), and then many
 * students answer the quiz at the same time as HTTP clients on loopback: each signs in through the login form,
 * starts an attempt, saves every answer on its own (a PUT per answer, as autosave does) and submits. It prints the
 * save latency the clients saw and reads over JDBC whether every answer the server acknowledged is stored
 * ({@code lost}). Nothing of it is in the product.
 * <p>{@code QuizLoad --db=h2|postgresql --pace=class|stress [--students=300] [-- app arguments...]}; for
 * PostgreSQL, {@code LATENTLAB_TEST_POSTGRES_URL} names the server (a new database is created on it, see
 * {@code TestDatabases}). Exit code 0 when nothing was lost and nothing failed.
 */
public final class QuizLoad {

    private static final String PASSWORD = "load test secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUIZ = "quiz-load";
    private static final String WARM_UP = "quiz-load-warm-up";
    private static final int WARM_UP_STUDENTS = 50;

    /**
     * How the simulated students behave: when they start (spread over {@code rampMillis}) and how long they think
     * before each answer (between {@code thinkMinMillis} and {@code thinkMaxMillis}).
     */
    record Pace(int rampMillis, int thinkMinMillis, int thinkMaxMillis) {

        /** A class taking a quiz: everyone opens it within 10 s, then takes 2 to 8 s per question. */
        static final Pace CLASS = new Pace(10_000, 2_000, 8_000);

        /** A stress test: everyone at the same instant, 0 to 0.2 s per question. */
        static final Pace STRESS = new Pace(0, 0, 200);
    }

    private record Round(int acknowledged, long[] sortedNanos, double seconds, int failures, String firstFailure) {
    }

    private QuizLoad() {
    }

    public static void main(String[] args) throws Exception {
        String db = BenchArguments.option(args, "db", "h2");
        Pace pace = "stress".equals(BenchArguments.option(args, "pace", "class")) ? Pace.STRESS : Pace.CLASS;
        int students = Integer.parseInt(BenchArguments.option(args, "students", "300"));
        List<String> appArguments = BenchArguments.appArguments(args);
        System.exit(run(db, pace, students, appArguments, System.out));
    }


    static int run(String db, Pace pace, int students, List<String> appArguments, PrintStream out)
            throws Exception {
        Path work = Files.createTempDirectory("quiz-load-");
        Path data = work.resolve("data");
        Path quizzes = Files.createDirectories(work.resolve("quizzes"));
        writeQuizzes(quizzes);
        List<String> arguments = new ArrayList<>(List.of("--latentlab.ml.enabled=false",
                "--latentlab.quiz.folder=" + quizzes.toAbsolutePath()));
        boolean h2 = !"postgresql".equals(db);
        String url;
        String user;
        String password;
        if (h2) {
            // The app's own settings, but AUTO_SERVER (which needs H2 to close the file on exit): the app opens the
            // file first and serves it to our connection over loopback.
            url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("db/latentlab")
                    + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
            user = "sa";
            password = "";
            arguments.add("--spring.datasource.url=" + url);
        } else {
            user = org.latentlab.test.TestDatabases.user();
            password = org.latentlab.test.TestDatabases.password();
            url = null;
        }
        arguments.addAll(appArguments);
        try (PackagedApp app = new PackagedApp(data, arguments.toArray(String[]::new))) {
            if (!h2) {
                app.onNewPostgresqlDatabase();
                url = app.postgresqlUrl();
            }
            app.start();
            String base = "http://127.0.0.1:" + app.port();
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                // A short round first, so that the measured one runs on warm code, as a server that has been up
                // would.
                run(connection, base, WARM_UP, "w", WARM_UP_STUDENTS, Pace.STRESS);
                Round round = run(connection, base, QUIZ, "s", students, pace);
                long[] sorted = round.sortedNanos();
                long stored = count(connection, "select count(*) from quiz_answer a join quiz_attempt t "
                        + "on a.attempt_id = t.id where t.quiz_id = ?");
                long submitted = count(connection, "select count(*) from quiz_attempt where quiz_id = ? "
                        + "and state = 'SUBMITTED'");
                long lost = round.acknowledged() - stored;
                out.printf(Locale.ROOT, "pace=%s%n", pace);
                out.printf(Locale.ROOT, "students=%d answers_saved=%d seconds=%.1f answers_per_s=%.0f p50_ms=%.1f "
                        + "p99_ms=%.1f max_ms=%.1f submitted=%d failures=%d%s%n", students, sorted.length,
                        round.seconds(), sorted.length / round.seconds(), SimulatedUser.percentileMillis(sorted, 50),
                        SimulatedUser.percentileMillis(sorted, 99),
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, submitted, round.failures(),
                        Optional.ofNullable(round.firstFailure()).map(f -> " first_failure=" + f).orElse(""));
                out.printf(Locale.ROOT, "p95_ms=%.1f lost=%d%n", SimulatedUser.percentileMillis(sorted, 95), lost);
                return lost == 0 && round.failures() == 0 && sorted.length == students * 10L ? 0 : 1;
            }
        } finally {
            BenchArguments.deleteQuietly(work);
        }
    }

    /** The bench's quizzes: the first 10 questions of the post-lesson quiz, any number of attempts, no time limit. */
    private static void writeQuizzes(Path folder) throws Exception {
        Quiz post = QuizFiles.read(Files.readString(Path.of("quizzes", "autoencoders-post.json"),
                StandardCharsets.UTF_8), "autoencoders-post.json");
        for (String id : List.of(QUIZ, WARM_UP)) {
            Quiz quiz = new Quiz(id, null, Quiz.Kind.PRACTICE, null, post.title(),
                    new QuizPolicy(null, QuizPolicy.CountedAttempt.BEST, null, true), post.questions().subList(0, 10));
            String file = QuizFiles.write(quiz);
            QuizFiles.read(file, id + ".json");
            Files.writeString(folder.resolve(id + ".json"), file, StandardCharsets.UTF_8);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, QUIZ);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Students added straight to the database, with a cheap hash: we measure answering, not password checks. */
    private static List<String> addStudents(Connection connection, String prefix, int count) throws SQLException {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<String> usernames = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("insert into user_account (username, "
                + "display_name, password_hash, role, created_at) values (?, ?, ?, 'STUDENT', ?)")) {
            for (int i = 0; i < count; i++) {
                String username = "load-" + prefix + i;
                insert.setString(1, username);
                insert.setString(2, username);
                insert.setString(3, hash);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.addBatch();
                usernames.add(username);
            }
            insert.executeBatch();
        }
        return usernames;
    }

    private static Round run(Connection connection, String base, String quizId, String prefix, int students,
            Pace pace) throws Exception {
        List<String> usernames = addStudents(connection, prefix, students);
        HttpClient http = SimulatedUser.httpClient();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        long began;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String username : usernames) {
                pool.submit(() -> {
                    try {
                        SimulatedUser student = new SimulatedUser(http, base);
                        student.signIn(username, PASSWORD);
                        Random random = new Random(username.hashCode());
                        start.await();
                        Thread.sleep(pace.rampMillis() == 0 ? 0 : random.nextInt(pace.rampMillis()));
                        takeQuiz(student, quizId, random, pace, latencies, acknowledged);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, username + ": " + e);
                    }
                    return null;
                });
            }
            began = System.nanoTime();
            start.countDown();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Round(acknowledged.get(), sorted, seconds, failures.get(), firstFailure.get());
    }

    private static void takeQuiz(SimulatedUser student, String quizId, Random random, Pace pace,
            ConcurrentLinkedQueue<Long> latencies, AtomicInteger acknowledged) throws Exception {
        HttpResponse<String> started = check(student.send(student.api("/api/quizzes/" + quizId + "/attempt")
                .POST(HttpRequest.BodyPublishers.noBody())));
        JsonNode sheet = JSON.readTree(started.body());
        long attemptId = sheet.get("attempt").get("attemptId").asLong();
        for (JsonNode question : sheet.get("questions")) {
            // A student reads and thinks before answering.
            Thread.sleep(pace.thinkMinMillis()
                    + random.nextInt(Math.max(1, pace.thinkMaxMillis() - pace.thinkMinMillis())));
            String body = answer(question, random);
            long t0 = System.nanoTime();
            HttpResponse<String> saved = student.send(student.api("/api/attempts/" + attemptId + "/answers/"
                    + question.get("id").asString()).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
            latencies.add(System.nanoTime() - t0);
            check(saved);
            acknowledged.incrementAndGet();
        }
        check(student.send(student.api("/api/attempts/" + attemptId + "/submit")
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    private static String answer(JsonNode question, Random random) {
        List<String> ids = new ArrayList<>();
        question.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return switch (question.get("type").asString()) {
            case "SINGLE", "MULTIPLE" -> "{\"choices\":[\"" + ids.get(random.nextInt(ids.size())) + "\"]}";
            case "TRUE_FALSE" -> "{\"value\":" + random.nextBoolean() + "}";
            case "NUMERIC" -> "{\"number\":" + random.nextInt(1000) + "}";
            default -> {
                Collections.shuffle(ids, random);
                yield "{\"order\":[\"" + String.join("\",\"", ids) + "\"]}";
            }
        };
    }

}
