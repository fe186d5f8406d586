package org.latentlab.quiz;

import static org.latentlab.base.SimulatedUser.check;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
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

import org.latentlab.base.SimulatedUser;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/quiz-load: many students answer a 10-question quiz at the same time over HTTP on loopback, as clients of
 * the running app: each signs in through the login form, starts an attempt, saves every answer on its own (a PUT
 * per answer, as autosave does) and submits. Prints the save latency seen by the clients and checks in the
 * database that every answer the server acknowledged is stored ({@code lost}).
 */
@Component
class QuizLoadBenchmark {

    private static final String PASSWORD = "load test secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QuizCatalog catalog;
    private final JdbcClient jdbc;
    private final ApplicationContext context;
    private final Clock clock;

    QuizLoadBenchmark(QuizCatalog catalog, JdbcClient jdbc, ApplicationContext context, Clock clock) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.context = context;
        this.clock = clock;
    }

    /**
     * @param pace how the simulated students behave: when they start (spread over {@code rampMillis}) and how long
     *             they think before each answer (between {@code thinkMinMillis} and {@code thinkMaxMillis})
     */
    record Pace(int rampMillis, int thinkMinMillis, int thinkMaxMillis) {

        /** A class taking a quiz: everyone opens it within 10 s, then takes 2 to 8 s per question. */
        static final Pace CLASS = new Pace(10_000, 2_000, 8_000);

        /** A stress test: everyone at the same instant, 0 to 0.2 s per question. */
        static final Pace STRESS = new Pace(0, 0, 200);
    }

    int run(int students, Pace pace, PrintStream out) throws InterruptedException {
        Quiz post = catalog.active("autoencoders-post").orElseThrow().quiz();
        Quiz quiz = new Quiz("bench-load-" + students + "-" + clock.millis() % 100000, null, Quiz.Kind.PRACTICE,
                null, post.title(), new QuizPolicy(null, QuizPolicy.CountedAttempt.BEST, null, true),
                post.questions().subList(0, 10));
        catalog.offer(quiz);
        // Accounts made directly, with a cheap hash: the benchmark measures answering, not password checking.
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            String username = "l" + quiz.id().hashCode() % 10000 + "x" + i;
            jdbc.sql("insert into user_account (username, display_name, password_hash, role, created_at) "
                    + "values (?, ?, ?, 'STUDENT', ?)").params(username, username, hash,
                    Timestamp.from(clock.instant())).update();
            usernames.add(username);
        }
        String base = SimulatedUser.baseUrl(context);
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
                        takeQuiz(student, quiz.id(), random, pace, latencies, acknowledged);
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
        long stored = jdbc.sql("select count(*) from quiz_answer a join quiz_attempt t on a.attempt_id = t.id "
                + "where t.quiz_id = ?").param(quiz.id()).query(Long.class).single();
        long submitted = jdbc.sql("select count(*) from quiz_attempt where quiz_id = ? and state = 'SUBMITTED'")
                .param(quiz.id()).query(Long.class).single();
        long lost = acknowledged.get() - stored;
        out.printf(Locale.ROOT, "pace=%s%n", pace);
        out.printf(Locale.ROOT, "students=%d answers_saved=%d seconds=%.1f answers_per_s=%.0f p50_ms=%.1f "
                + "p99_ms=%.1f max_ms=%.1f submitted=%d failures=%d%s%n", students, sorted.length, seconds,
                sorted.length / seconds, SimulatedUser.percentileMillis(sorted, 50),
                SimulatedUser.percentileMillis(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, submitted, failures.get(),
                Optional.ofNullable(firstFailure.get()).map(f -> " first_failure=" + f).orElse(""));
        out.printf(Locale.ROOT, "p95_ms=%.1f lost=%d%n", SimulatedUser.percentileMillis(sorted, 95), lost);
        return lost == 0 && failures.get() == 0 && sorted.length == (long) students * quiz.questions().size()
                ? 0 : 1;
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
