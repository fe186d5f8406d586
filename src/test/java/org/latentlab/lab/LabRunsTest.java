package org.latentlab.lab;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.ml.TrainingConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The life of a Lab run: admitted, trained by a JobRunr worker side by side with others, stored, followed, cancelled,
 * interrupted and retried, resumed, restarted, deleted, bounded by the quota and the per-user limit.
 */
@ApplicationTest
class LabRunsTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Autowired
    LabRuns runs;
    @Autowired
    TrainingQueue queue;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.latentlab.classroom.ClassroomService classrooms;
    @Autowired
    TrainingJob job;
    @Autowired
    RunRecords records;
    @Autowired
    org.latentlab.base.LatentLabProperties settings;

    AccountSummary amina;
    AccountSummary budi;
    AccountSummary rivka;

    @BeforeEach
    void studentsAndATeacher() {
        rivka = fixture.teacher("rivka");
        amina = fixture.student("amina");
        budi = fixture.student("budi");
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        stopAll(queue);
    }

    /** Cancels whatever still waits or trains, so the next test starts with an empty queue. */
    static void stopAll(TrainingQueue queue) throws InterruptedException {
        for (RunRecords.Row row : queue.active()) {
            try {
                queue.cancel(row.summary().id());
            } catch (InvalidInputException ended) {
                // it ended meanwhile
            }
        }
        await(() -> queue.active().isEmpty());
    }

    static TrainingConfig quick(Experiment experiment, int images, int epochs) {
        return experiment.defaults().withEpochs(epochs).withTrainLimit(images).withBatchSize(32);
    }

    private RunSummary start(AccountSummary student, Experiment experiment, TrainingConfig config) {
        signIn.as(student);
        return runs.start(experiment, config);
    }

    private RunState state(UUID id) {
        return records.find(id).map(row -> row.summary().state()).orElseThrow();
    }

    private RunSummary awaitEnd(AccountSummary owner, UUID id) throws InterruptedException {
        await(() -> state(id).ended());
        signIn.as(owner);
        return runs.run(id);
    }

    private long storedEpochs(UUID id) {
        return epochs(records.curve(id));
    }

    private static long epochs(List<CurvePoint> curve) {
        return curve.stream().filter(p -> p.kind() == CurvePoint.Kind.EPOCH).count();
    }

    @Test
    void runsOfAClassTrainSideBySideFinishAndAreStoredWithCurveSamplesAndModel() throws Exception {
        RunSummary first = start(amina, Experiment.CONV_AE, quick(Experiment.CONV_AE, 2048, 3));
        RunSummary second = start(budi, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 2));
        RunSummary third = start(amina, Experiment.VAE_2D, quick(Experiment.VAE_2D, 256, 2));
        // A worker takes all three at once; they take turns on the processors, so all of them learn early.
        await(() -> List.of(first, second, third).stream().allMatch(run -> state(run.id()) != RunState.QUEUED));

        for (RunSummary run : List.of(first, second, third)) {
            AccountSummary owner = run.ownerId() == amina.id() ? amina : budi;
            RunSummary done = awaitEnd(owner, run.id());
            assertThat(done.state()).isEqualTo(RunState.FINISHED);
            assertThat(done.epochsDone()).isEqualTo(run.config().epochs());
            assertThat(done.testLoss()).isNotNull().isPositive();
            assertThat(done.storageBytes()).isPositive();
            List<CurvePoint> curve = runs.curve(run.id());
            assertThat(epochs(curve)).isEqualTo(run.config().epochs());
            assertThat(curve).extracting(CurvePoint::seq)
                    .containsExactlyElementsOf(IntStream.range(0, curve.size()).boxed().toList());
            assertThat(runs.samples(run.id())).hasSize(8)
                    .allSatisfy(sample -> assertThat(sample.output()).hasSize(784));
            Path folder = settings.dataDir().resolve("runs").resolve(run.id().toString()).toAbsolutePath();
            try (Stream<Path> files = Files.list(folder)) {
                // Only the final parameters stay, beside their metadata.
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("metadata.json",
                        String.format("model-%04d.params", run.config().epochs()));
            }
        }
        // The database keeps the folder relative to the checkpoint root, so any node finds it.
        assertThat(jdbc.sql("select checkpoint_dir from training_run where id = ?").param(first.id().toString())
                .query(String.class).single()).isEqualTo(first.id().toString());
        // The Playground opens a finished run's model through the same checks.
        signIn.as(amina);
        assertThat(org.latentlab.ml.Checkpoints.readMetadata(runs.model(first.id())).kind())
                .isEqualTo(first.config().kind());
        signIn.as(budi);
        assertThatThrownBy(() -> runs.model(first.id())).isInstanceOf(InvalidInputException.class);
        // A finished Lab run counts in the lesson's progress.
        assertThat(jdbc.sql("select item from lesson_progress where user_id = ? and lesson_id = 'autoencoders'")
                .param(amina.id()).query(String.class).list()).contains("lab:conv-ae", "lab:vae-2d");
        signIn.as(amina);
        assertThat(runs.myRuns()).extracting(RunSummary::id).containsExactly(third.id(), first.id());
    }

    @Test
    void oneStudentCannotFillTheQueue() {
        start(amina, Experiment.CONV_AE, quick(Experiment.CONV_AE, 2048, 3));
        start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 2));
        assertThatThrownBy(() -> runs.start(Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 2)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("training.queue.userLimit");
                    assertThat(e.arguments()).containsExactly(2);
                });
        assertThat(runs.myRuns()).hasSize(2);
    }

    @Test
    void submissionsAtTheSameMomentOnSeveralNodesKeepTheLimitPerStudent() throws Exception {
        // Each thread stands for a request on another node: only the database counts for all of them.
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        try (var nodes = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                nodes.submit(() -> {
                    signIn.as(amina);
                    try {
                        go.await();
                        runs.start(Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 2));
                        outcomes.add("ok");
                    } catch (InvalidInputException refused) {
                        outcomes.add(refused.messageKey());
                    } catch (RuntimeException failed) {
                        outcomes.add(failed.toString());
                    } finally {
                        signIn.out();
                    }
                    return null;
                });
            }
            go.countDown();
        }
        assertThat(outcomes).as(outcomes.toString()).hasSize(8).filteredOn("ok"::equals).hasSize(2);
        assertThat(outcomes).filteredOn("training.queue.userLimit"::equals).hasSize(6);
        assertThat(jdbc.sql("select count(*) from training_run where owner_id = ?").param(amina.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badSettingsAndTooMuchWorkNeverReachTheQueueNorTheDatabase() {
        signIn.as(amina);
        assertThatThrownBy(() -> runs.start(Experiment.CONV_AE, quick(Experiment.CONV_AE, 64, 10_000)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("epochs"));
        assertThatThrownBy(() -> runs.start(Experiment.CONV_AE, quick(Experiment.DENSE_AE, 64, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        // What the security review found accepted: 200 epochs at batch 1.
        assertThatThrownBy(() -> runs.start(Experiment.CONV_AE, Experiment.CONV_AE.defaults().withEpochs(200)
                .withBatchSize(1))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("batchSize"));
        assertThatThrownBy(() -> runs.start(Experiment.CONV_AE, Experiment.CONV_AE.defaults().withEpochs(200)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("training.config.tooMuchWork");
                    assertThat(e.field()).isEqualTo("epochs");
                });
        assertThat(runs.myRuns()).isEmpty();
    }

    @Test
    void cancellingATrainingRunStopsItWithinABatchOnWhicheverWorkerItIs() throws Exception {
        RunSummary running = start(amina, Experiment.CONV_AE, Experiment.CONV_AE.defaults().withEpochs(20));
        await(() -> state(running.id()) == RunState.RUNNING);
        signIn.as(amina);
        runs.cancel(running.id());
        assertThat(awaitEnd(amina, running.id()).state()).isEqualTo(RunState.CANCELLED);
        assertThatThrownBy(() -> runs.cancel(running.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("training.run.notActive"));
    }

    @Test
    void anotherStudentCannotSeeCancelOrDeleteARunAndOnlyTheOwnersTeacherOrAnAdminCanCancelIt() throws Exception {
        RunSummary run = start(amina, Experiment.CONV_AE, quick(Experiment.CONV_AE, 2048, 5));
        signIn.as(budi);
        assertThatThrownBy(() -> runs.run(run.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.curve(run.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.follow(run.id(), update -> { })).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.cancel(run.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.delete(run.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.resume(run.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.queue()).isInstanceOf(AccessDeniedException.class);
        assertThat(runs.myRuns()).isEmpty();

        // Amina is in none of Rivka's classes: Rivka neither sees the run in the queue nor may stop it.
        signIn.as(rivka);
        assertThat(runs.queue()).extracting(RunSummary::id).doesNotContain(run.id());
        assertThat(runs.othersInQueue()).isEqualTo(1);
        assertThatThrownBy(() -> runs.run(run.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.cancel(run.id())).isInstanceOf(InvalidInputException.class);
        // Once Amina joins one of her classes, she does.
        ClassSummary year11 = classrooms.createClass("Year 11");
        signIn.as(amina);
        classrooms.join(year11.joinCode());
        signIn.as(rivka);
        assertThat(runs.queue()).extracting(RunSummary::id).contains(run.id());
        assertThat(runs.othersInQueue()).isZero();
        runs.cancel(run.id());
        assertThat(awaitEnd(amina, run.id()).state()).isEqualTo(RunState.CANCELLED);
        assertThatThrownBy(() -> runs.model(run.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("training.run.notFinished"));
    }

    @Test
    void aJobRetriedAfterItsWorkerDiedGoesOnFromTheLastEpochWithNoEpochTwice() throws Exception {
        RunSummary run = start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 512, 6));
        await(() -> storedEpochs(run.id()) >= 3);
        runs.cancel(run.id());
        int done = awaitEnd(amina, run.id()).epochsDone();
        assertThat(done).isBetween(3, 5);
        List<CurvePoint> before = runs.curve(run.id());
        // As a worker killed mid-run leaves it: still RUNNING in the database, its job failed by JobRunr, which
        // hands the same job (same attempt) to another worker.
        jdbc.sql("update training_run set state = 'RUNNING', ended_at = null, cancel_requested = false where id = ?")
                .param(run.id().toString()).update();
        job.run(new TrainingJob.Request(run.id(), 0));

        RunSummary finished = awaitEnd(amina, run.id());
        assertThat(finished.state()).isEqualTo(RunState.FINISHED);
        assertThat(finished.epochsDone()).isEqualTo(6);
        List<CurvePoint> curve = runs.curve(run.id());
        assertThat(curve).startsWith(before.toArray(CurvePoint[]::new));
        assertThat(curve.stream().filter(p -> p.kind() == CurvePoint.Kind.EPOCH).map(CurvePoint::epoch))
                .containsExactly(1, 2, 3, 4, 5, 6);
        // Training went on from the saved parameters, not from a fresh network.
        List<CurvePoint> epochLosses = curve.stream().filter(p -> p.kind() == CurvePoint.Kind.EPOCH).toList();
        double firstEver = epochLosses.getFirst().trainLoss();
        double lastBefore = epochLosses.get(done - 1).trainLoss();
        double firstAfter = epochLosses.get(done).trainLoss();
        assertThat(firstAfter).isLessThan(firstEver).isLessThan(lastBefore * 1.5);
        // A job of an attempt that is no longer the run's does nothing.
        job.run(new TrainingJob.Request(run.id(), 7));
        assertThat(runs.run(run.id()).state()).isEqualTo(RunState.FINISHED);
    }

    @Test
    void anInterruptedRunResumesFromItsLastEpochWhenItsOwnerContinuesIt() throws Exception {
        RunSummary run = start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 512, 5));
        await(() -> storedEpochs(run.id()) >= 2);
        runs.cancel(run.id());
        int done = awaitEnd(amina, run.id()).epochsDone();
        // As JobRunr leaves a run after its last retry.
        jdbc.sql("update training_run set state = 'INTERRUPTED' where id = ?").param(run.id().toString()).update();
        RunSummary interrupted = runs.run(run.id());
        assertThat(interrupted.resumable()).isTrue();

        List<RunUpdate> heard = new CopyOnWriteArrayList<>();
        Runnable stop = runs.follow(run.id(), heard::add);
        try {
            runs.resume(run.id());
            assertThat(awaitEnd(amina, run.id()).state()).isEqualTo(RunState.FINISHED);
            await(() -> heard.stream().anyMatch(u -> u instanceof RunUpdate.StateChanged s
                    && s.state() == RunState.FINISHED));
        } finally {
            stop.run();
        }
        assertThat(heard).anyMatch(u -> u instanceof RunUpdate.StateChanged s && s.state() == RunState.RUNNING
                && s.resumedAfterEpoch() == done);
        assertThat(heard).anyMatch(u -> u instanceof RunUpdate.Progressed p
                && p.point().kind() == CurvePoint.Kind.EPOCH && p.point().epoch() == done + 1);
        assertThat(runs.curve(run.id()).stream().filter(p -> p.kind() == CurvePoint.Kind.EPOCH)
                .map(CurvePoint::epoch)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aStoppedRunCanStartAgainFromScratch() throws Exception {
        RunSummary run = start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 3));
        await(() -> storedEpochs(run.id()) >= 1);
        runs.cancel(run.id());
        awaitEnd(amina, run.id());

        runs.restart(run.id());
        RunSummary again = awaitEnd(amina, run.id());
        assertThat(again.state()).isEqualTo(RunState.FINISHED);
        assertThat(runs.curve(run.id()).stream().filter(p -> p.kind() == CurvePoint.Kind.EPOCH)
                .map(CurvePoint::epoch)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> runs.resume(run.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("training.run.notStopped"));
    }

    @Test
    void twoRestartsOfTheSameRunAtOnceQueueItOnce() throws Exception {
        RunSummary stopped = start(budi, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 2));
        await(() -> state(stopped.id()) != RunState.QUEUED);
        runs.cancel(stopped.id());
        awaitEnd(budi, stopped.id());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        try (var tabs = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int tab = 0; tab < 2; tab++) {
                tabs.submit(() -> {
                    signIn.as(budi);
                    try {
                        go.await();
                        runs.restart(stopped.id());
                        outcomes.add("ok");
                    } catch (InvalidInputException refused) {
                        outcomes.add(refused.messageKey());
                    } finally {
                        signIn.out();
                    }
                    return null;
                });
            }
            go.countDown();
        }
        // The second finds the run back in the queue: it is not requeued (and trained) twice.
        assertThat(outcomes).containsExactlyInAnyOrder("ok", "training.run.notStopped");
        assertThat(jdbc.sql("select attempt from training_run where id = ?").param(stopped.id().toString())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aFullStorageQuotaRefusesNewRunsUntilTheStudentDeletesSome() throws Exception {
        RunSummary run = start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 128, 1));
        awaitEnd(amina, run.id());
        jdbc.sql("update training_run set storage_bytes = ? where id = ?")
                .params(300L * 1024 * 1024, run.id().toString()).update();
        assertThat(runs.myStorage().usedMegabytes()).isEqualTo(300);
        assertThatThrownBy(() -> runs.start(Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 128, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("training.quota.full");
                    assertThat(e.arguments()).containsExactly(300L, 200L);
                });
        // Budi's space is his own, and Amina's runs are not his to delete.
        signIn.as(budi);
        assertThatThrownBy(() -> runs.delete(run.id())).isInstanceOf(InvalidInputException.class);
        RunSummary his = runs.start(Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 128, 1));
        awaitEnd(budi, his.id());

        signIn.as(amina);
        Path folder = settings.dataDir().resolve("runs").resolve(run.id().toString()).toAbsolutePath();
        assertThat(folder).isDirectory();
        runs.delete(run.id());
        assertThat(folder).doesNotExist();
        assertThat(runs.myRuns()).isEmpty();
        assertThat(runs.myStorage().usedBytes()).isZero();
        assertThat(runs.start(Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 128, 1)).state())
                .isIn(RunState.QUEUED, RunState.RUNNING);
    }

    @Test
    void aRunStillTrainingCannotBeDeleted() {
        RunSummary run = start(amina, Experiment.CONV_AE, quick(Experiment.CONV_AE, 2048, 5));
        assertThatThrownBy(() -> runs.delete(run.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("training.run.stillActive"));
    }

    @Test
    void anyNumberOfPagesFollowARunAndABrokenOneHarmsNobody() throws Exception {
        RunSummary run = start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 512, 2));
        List<RunUpdate> first = new CopyOnWriteArrayList<>();
        List<RunUpdate> second = new CopyOnWriteArrayList<>();
        List<Runnable> stops = List.of(runs.follow(run.id(), first::add), runs.follow(run.id(), update -> {
            throw new IllegalStateException("a closed browser tab");
        }), runs.follow(run.id(), second::add));
        try {
            assertThat(awaitEnd(amina, run.id()).state()).isEqualTo(RunState.FINISHED);
            await(() -> second.stream().anyMatch(u -> u instanceof RunUpdate.StateChanged s
                    && s.state() == RunState.FINISHED));
        } finally {
            stops.forEach(Runnable::run);
        }
        assertThat(first).endsWith(second.toArray(RunUpdate[]::new));
        // Each live point carries its place in the curve, as stored.
        List<CurvePoint> heardPoints = first.stream().filter(u -> u instanceof RunUpdate.Progressed)
                .map(u -> ((RunUpdate.Progressed) u).point()).toList();
        assertThat(heardPoints).anyMatch(p -> p.kind() == CurvePoint.Kind.EPOCH);
        assertThat(runs.curve(run.id())).endsWith(heardPoints.toArray(CurvePoint[]::new));
    }

    /** Waits for a condition the training thread makes true; the patience is a guard, not a measurement. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition met within the patience").isTrue();
    }
}
