package org.latentlab.lab;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.latentlab.base.SignedInUser;
import org.latentlab.bench.SimulatedUser;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.NewAccount;
import org.latentlab.classroom.SetupService;
import org.latentlab.ml.TrainingConfig;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * bench/lab-responsiveness (started by {@link org.latentlab.bench.LabResponsiveness}): does the app stay usable while
 * a Lab run trains? First one training run alone, then the same run again while students browse lessons and quizzes
 * as HTTP clients of the running app on loopback, each
 * signed in through the login form with a session of its own. Prints the latency of their page views (a page view
 * is what the browser waits for before it shows the view: see {@link SimulatedUser#openPage}) and how much longer
 * the run took under that load. Test scope, in this package because it reads the run records directly.
 */
public final class LabResponsivenessBenchmark {

    /** What students open while someone trains: lessons, quizzes, the Lab itself, the home page. */
    private static final List<String> PAGES = List.of("/", "/lessons", "/lessons/autoencoders", "/quizzes",
            "/quizzes/autoencoders-pre", "/lab");
    private static final String PASSWORD = "responsiveness secret";
    /** A student reads a page for 0.5 to 2 s before opening the next one. */
    private static final int THINK_MIN_MILLIS = 500;
    private static final int THINK_MAX_MILLIS = 2_000;

    private final TrainingQueue queue;
    private final RunRecords records;
    private final AccountService accounts;
    private final SetupService setup;
    private final ApplicationContext context;
    private final Clock clock;

    private LabResponsivenessBenchmark(TrainingQueue queue, RunRecords records, AccountService accounts,
            SetupService setup, ApplicationContext context, Clock clock) {
        this.queue = queue;
        this.records = records;
        this.accounts = accounts;
        this.setup = setup;
        this.context = context;
        this.clock = clock;
    }

    /** The benchmark on the beans of a running app (with a web server: the students browse it over HTTP). */
    public static LabResponsivenessBenchmark of(ApplicationContext context) {
        return new LabResponsivenessBenchmark(context.getBean(TrainingQueue.class), context.getBean(RunRecords.class),
                context.getBean(AccountService.class), context.getBean(SetupService.class), context,
                context.getBean(Clock.class));
    }

    /**
     * @param training  the run timed alone and under load
     * @param timeLimit how long one training run may take before the benchmark gives up
     */
    public record Setup(int users, TrainingConfig training, Duration timeLimit) {

        public Setup {
            if (users < 1 || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("at least one user and one second");
            }
        }
    }

    /** What the browsing students saw while the run trained. */
    private record PageViews(long[] sortedNanos, int errors, String firstError) {

        double percentileMillis(int p) {
            return SimulatedUser.percentileMillis(sortedNanos, p);
        }
    }

    private record UnderLoad(Duration training, PageViews views) {
    }

    public int run(Setup setup, PrintStream out, PrintStream err) throws Exception {
        String prefix = "r" + clock.millis() % 100000 + "x";
        // The students first: that sets up a new server and opens registration, which new servers start without.
        List<SimulatedUser> users = signInAndWarmUp(prefix, setup.users());
        long trainerId = createStudent(prefix + "t");
        TrainingConfig config = setup.training();
        // A short run first, so that the run timed alone does not pay for loading the engine and warming it up.
        awaitResult(queue.submit(trainerId, Experiment.CONV_AE, config.withEpochs(1)
                .withTrainLimit(config.trainLimit() == 0 ? 512 : Math.min(512, config.trainLimit()))), setup);
        Duration alone = awaitResult(queue.submit(trainerId, Experiment.CONV_AE, config), setup);
        UUID underLoad = queue.submit(trainerId, Experiment.CONV_AE, config);
        while (state(underLoad) == RunState.QUEUED) {
            Thread.sleep(10);
        }
        UnderLoad result = browseWhileTraining(users, underLoad, setup);
        Duration loaded = result.training();
        PageViews views = result.views();

        double slowdown = (double) loaded.toNanos() / alone.toNanos();
        long[] sorted = views.sortedNanos();
        out.printf(Locale.ROOT, "training=%s epochs=%d digits=%s users=%d browsing=%s%n",
                Experiment.CONV_AE.slug(), config.epochs(), config.trainLimit() == 0 ? "all" : config.trainLimit(),
                setup.users(), String.join(",", PAGES));
        out.printf(Locale.ROOT, "pages=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f errors=%d%s%n", sorted.length,
                views.percentileMillis(50), views.percentileMillis(95),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, views.errors(),
                views.firstError() == null ? "" : " first_error=" + views.firstError());
        out.printf(Locale.ROOT, "training_alone_s=%.1f%n", alone.toMillis() / 1e3);
        out.printf(Locale.ROOT, "training_under_load_s=%.1f%n", loaded.toMillis() / 1e3);
        out.printf(Locale.ROOT, "training_slowdown=%.2f%n", slowdown);
        out.printf(Locale.ROOT, "p95_ms=%.1f slowdown=%.2f%n", views.percentileMillis(95), slowdown);
        if (sorted.length == 0) {
            err.println("error: no page view finished while the run trained");
        }
        return views.errors() == 0 && sorted.length > 0 ? 0 : 1;
    }

    /**
     * Students registered and signed in as real ones are (through the classroom module's API, so their passwords
     * are hashed as usual before anything is measured), each having opened every page once, so that the measured
     * views run on warm code. An admin must exist, or every page would lead to the first-run setup page.
     */
    private List<SimulatedUser> signInAndWarmUp(String prefix, int count) throws Exception {
        if (setup.setupNeeded()) {
            // A new data folder (the benchmark refuses any other): set it up as its first admin would, with the code
            // from the log, and open registration so the simulated students can sign up without a join code.
            AccountSummary admin = setup.createFirstAdmin(setup.setupCode(),
                    new NewAccount(prefix + "admin", prefix + "admin", PASSWORD, PASSWORD));
            SignedInUser user = new SignedInUser(admin.id(), admin.username(), admin.displayName(), admin.role(),
                    null);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            try {
                accounts.setRegistrationNeedsJoinCode(false);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
        HttpClient http = SimulatedUser.httpClient();
        String base = SimulatedUser.baseUrl(context);
        List<SimulatedUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = prefix + i;
            createStudent(username);
            SimulatedUser user = new SimulatedUser(http, base);
            user.signIn(username, PASSWORD);
            for (String page : PAGES) {
                user.openPage(page);
                user.leavePage();
            }
            users.add(user);
        }
        return users;
    }

    private long createStudent(String username) {
        return accounts.registerStudent(new NewAccount(username, username, PASSWORD, PASSWORD)).id();
    }

    /**
     * Every student opens pages in random order (a fixed seed each) with a short pause to read, starting at random
     * within the first pause so that they do not all click at the same instant, until the run ends. Each opens at
     * least one page, so that even a very short run is measured against something.
     */
    private UnderLoad browseWhileTraining(List<SimulatedUser> users, UUID run, Setup setup)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Duration training;
        try (ExecutorService students = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < users.size(); i++) {
                SimulatedUser user = users.get(i);
                Random random = new Random(1000 + i);
                students.submit(() -> {
                    Thread.sleep(random.nextInt(THINK_MAX_MILLIS));
                    do {
                        String page = PAGES.get(random.nextInt(PAGES.size()));
                        try {
                            user.leavePage();
                            long start = System.nanoTime();
                            user.openPage(page);
                            latencies.add(System.nanoTime() - start);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, page + ": " + e);
                        }
                        Thread.sleep(THINK_MIN_MILLIS + random.nextInt(THINK_MAX_MILLIS - THINK_MIN_MILLIS));
                    } while (!state(run).ended());
                    user.leavePage();
                    return null;
                });
            }
            // Should the run fail or take too long, it has ended when this throws, so the students stop too.
            training = awaitResult(run, setup);
        }
        return new UnderLoad(training, new PageViews(latencies.stream().mapToLong(Long::longValue).sorted()
                .toArray(), errors.get(), firstError.get()));
    }

    /** Waits for the run to end; how long it trained if it finished, a clear failure otherwise. */
    private Duration awaitResult(UUID run, Setup setup) throws InterruptedException {
        long deadline = System.nanoTime() + setup.timeLimit().toNanos();
        while (!state(run).ended()) {
            if (System.nanoTime() > deadline) {
                queue.cancel(run);
                throw new IllegalStateException("a training run took longer than " + setup.timeLimit().toSeconds()
                        + " s; cancelled");
            }
            Thread.sleep(50);
        }
        RunSummary ended = records.find(run).orElseThrow().summary();
        if (ended.state() != RunState.FINISHED) {
            throw new IllegalStateException("the training run ended " + ended.state() + ": " + ended.failure());
        }
        return Duration.between(ended.startedAt(), ended.endedAt());
    }

    private RunState state(UUID run) {
        return records.find(run).map(row -> row.summary().state()).orElse(RunState.CANCELLED);
    }
}
