package org.latentlab.quiz;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.latentlab.base.Language;
import org.latentlab.base.Role;
import org.latentlab.base.SignedInUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * bench/quiz-load: many students answer a 10-question quiz at the same time, each answer saved on its own through
 * the same service the quiz page uses, against the embedded H2 database of the data folder. Prints the save latency
 * and checks that every given answer is stored ({@code lost} counts those that are not).
 */
@Component
class QuizLoadBenchmark {

    private final AttemptService attempts;
    private final QuizCatalog catalog;
    private final JdbcClient jdbc;
    private final SecurityContextHolderStrategy securityContexts;
    private final Clock clock;

    QuizLoadBenchmark(AttemptService attempts, QuizCatalog catalog, JdbcClient jdbc,
            SecurityContextHolderStrategy securityContexts, Clock clock) {
        this.attempts = attempts;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.securityContexts = securityContexts;
        this.clock = clock;
    }

    int run(int students, PrintStream out) throws InterruptedException {
        Quiz post = catalog.active("autoencoders-post").orElseThrow().quiz();
        Quiz quiz = new Quiz("bench-load-quiz-" + students, null, Quiz.Kind.PRACTICE, null, post.title(),
                new QuizPolicy(null, QuizPolicy.CountedAttempt.BEST, null, true), post.questions().subList(0, 10));
        catalog.store(quiz, "IMPORT");
        catalog.addImportedForBenchmark(quiz);
        List<Long> ids = new ArrayList<>();
        long stamp = clock.millis();
        for (int i = 0; i < students; i++) {
            // Accounts made directly: the benchmark measures answering, not password hashing.
            String username = "load" + stamp % 100000 + "x" + i;
            jdbc.sql("insert into user_account (username, display_name, password_hash, role, created_at) "
                    + "values (?, ?, ?, 'STUDENT', ?)").params(username, username, "{noop}unused",
                    Timestamp.from(clock.instant())).update();
            ids.add(jdbc.sql("select id from user_account where username = ?").param(username).query(Long.class)
                    .single());
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        List<Long> attemptIds = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        long began;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long id : ids) {
                pool.submit(() -> {
                    SecurityContext context = securityContexts.createEmptyContext();
                    SignedInUser user = new SignedInUser(id, "load", "load", Role.STUDENT, null);
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                            user.getAuthorities()));
                    securityContexts.setContext(context);
                    Random random = new Random(id);
                    try {
                        start.await();
                        AttemptSheet sheet = attempts.startOrResume(quiz.id(), Language.ENGLISH);
                        attemptIds.add(sheet.attempt().attemptId());
                        for (Question question : quiz.questions()) {
                            // A student reads for a moment before answering.
                            Thread.sleep(random.nextInt(200));
                            long t0 = System.nanoTime();
                            attempts.save(sheet.attempt().attemptId(), question.id(), answer(question, random));
                            latencies.add(System.nanoTime() - t0);
                        }
                        attempts.submit(sheet.attempt().attemptId(), Language.ENGLISH);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    } finally {
                        securityContexts.clearContext();
                    }
                    return null;
                });
            }
            began = System.nanoTime();
            start.countDown();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long stored = 0;
        long submitted = 0;
        for (long attemptId : attemptIds) {
            stored += jdbc.sql("select count(*) from quiz_answer where attempt_id = ?").param(attemptId)
                    .query(Long.class).single();
            submitted += jdbc.sql("select count(*) from quiz_attempt where id = ? and state = 'SUBMITTED'")
                    .param(attemptId).query(Long.class).single();
        }
        long expected = (long) students * quiz.questions().size();
        long lost = expected - stored;
        out.printf(Locale.ROOT, "students=%d answers=%d seconds=%.1f answers_per_s=%.0f p50_ms=%.1f p99_ms=%.1f "
                + "max_ms=%.1f submitted=%d failures=%d%n", students, sorted.length, seconds, sorted.length / seconds,
                percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                submitted, failures.get());
        out.printf(Locale.ROOT, "p95_ms=%.1f lost=%d%n", percentile(sorted, 95), lost);
        return lost == 0 && failures.get() == 0 ? 0 : 1;
    }

    private static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    /** Any valid answer: the benchmark measures saving, not knowledge. */
    private static GivenAnswer answer(Question question, Random random) {
        return switch (question.type()) {
            case SINGLE -> new GivenAnswer.Choices(java.util.Set.of(
                    question.options().get(random.nextInt(question.options().size())).id()));
            case MULTIPLE -> new GivenAnswer.Choices(java.util.Set.of(question.options().getFirst().id()));
            case TRUE_FALSE -> new GivenAnswer.TrueFalse(random.nextBoolean());
            case NUMERIC -> new GivenAnswer.Number(random.nextInt(1000));
            case ORDER -> {
                List<String> ids = new ArrayList<>(question.steps().stream().map(Step::id).toList());
                Collections.shuffle(ids, random);
                yield new GivenAnswer.Order(ids);
            }
        };
    }
}
