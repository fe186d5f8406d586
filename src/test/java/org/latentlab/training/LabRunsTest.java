package org.latentlab.training;

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
import org.latentlab.ml.TrainingProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The life of a Lab run: queue, train, store, cancel, interrupt, resume, restart, delete, quota. */
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

    AccountSummary amina;
    AccountSummary budi;
    AccountSummary rivka;

    @BeforeEach
    void studentsAndATeacher() {
        fixture.emptyDatabase();
        rivka = fixture.teacher("rivka");
        amina = fixture.student("amina");
        budi = fixture.student("budi");
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        stopAll(queue);
        signIn.out();
    }

    /** Cancels whatever still waits or trains, so the next test starts with an empty queue. */
    static void stopAll(TrainingQueue queue) throws InterruptedException {
        for (TrainingRun run : queue.liveRuns()) {
            try {
                queue.cancel(run.id());
            } catch (InvalidInputException ended) {
                // it ended meanwhile
            }
        }
        await(() -> queue.liveRuns().isEmpty());
    }

    static TrainingConfig quick(Experiment experiment, int images, int epochs) {
        return experiment.defaults().withEpochs(epochs).withTrainLimit(images).withBatchSize(32);
    }

    private RunSummary start(AccountSummary student, Experiment experiment, TrainingConfig config) {
        signIn.as(student);
        return runs.start(experiment, config);
    }

    private RunSummary awaitEnd(AccountSummary owner, UUID id) throws InterruptedException {
        await(() -> queue.live(id).isEmpty());
        signIn.as(owner);
        return runs.run(id);
    }

    private static long epochs(List<CurvePoint> curve) {
        return curve.stream().filter(p -> p.kind() == CurvePoint.Kind.EPOCH).count();
    }

    @Test
    void runsWaitInOrderWithVisiblePositionsFinishAndAreStoredWithCurveSamplesAndModel() throws Exception {
        RunSummary first = start(amina, Experiment.CONV_AE, quick(Experiment.CONV_AE, 2048, 3));
        RunSummary second = start(budi, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 2));
        RunSummary third = start(amina, Experiment.VAE_2D, quick(Experiment.VAE_2D, 256, 2));
        assertThat(queue.position(second.id())).isIn(1, 2);
        signIn.as(amina);
        assertThat(runs.run(third.id()).queuePosition()).isEqualTo(queue.position(second.id()) + 1);

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
            Path folder = Path.of("target/test-data/runs", run.id().toString()).toAbsolutePath();
            try (Stream<Path> files = Files.list(folder)) {
                // Only the final parameters stay, beside their metadata.
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("metadata.json",
                        String.format("model-%04d.params", run.config().epochs()));
            }
        }
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
    void badSettingsNeverReachTheQueueNorTheDatabase() {
        signIn.as(amina);
        assertThatThrownBy(() -> runs.start(Experiment.CONV_AE, quick(Experiment.CONV_AE, 64, 10_000)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("epochs"));
        assertThatThrownBy(() -> runs.start(Experiment.CONV_AE, quick(Experiment.DENSE_AE, 64, 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThat(runs.myRuns()).isEmpty();
    }

    @Test
    void cancellingStopsAWaitingRunAtOnceAndARunningOneWithinABatch() throws Exception {
        RunSummary running = start(amina, Experiment.CONV_AE, Experiment.CONV_AE.defaults().withEpochs(20));
        RunSummary waiting = start(budi, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 2));
        runs.cancel(waiting.id());
        assertThat(runs.run(waiting.id()).state()).isEqualTo(RunState.CANCELLED);
        assertThat(queue.live(waiting.id())).isEmpty();

        await(() -> queue.live(running.id()).map(r -> r.state() == RunState.RUNNING).orElse(true));
        signIn.as(amina);
        runs.cancel(running.id());
        assertThat(awaitEnd(amina, running.id()).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void anotherStudentCannotSeeCancelOrDeleteARunAndOnlyTheOwnersTeacherOrAnAdminCanCancelIt() throws Exception {
        RunSummary run = start(amina, Experiment.CONV_AE, quick(Experiment.CONV_AE, 2048, 5));
        signIn.as(budi);
        assertThatThrownBy(() -> runs.run(run.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.curve(run.id())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> runs.follow(run.id())).isInstanceOf(InvalidInputException.class);
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
    void aRunInterruptedByARestartResumesFromItsLastEpochAndFinishesWithTheWholeCurve() throws Exception {
        RunSummary run = start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 512, 6));
        TrainingRun live = queue.live(run.id()).orElseThrow();
        await(() -> epochs(live.curve()) >= 3);
        runs.cancel(run.id());
        RunSummary stopped = awaitEnd(amina, run.id());
        int done = stopped.epochsDone();
        assertThat(done).isBetween(3, 5);
        // What a server start does with the runs the last shutdown left behind.
        jdbc.sql("update training_run set state = 'RUNNING', ended_at = null where id = ?")
                .param(run.id().toString()).update();
        queue.afterSingletonsInstantiated();
        RunSummary interrupted = runs.run(run.id());
        assertThat(interrupted.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(interrupted.resumable()).isTrue();
        List<CurvePoint> before = runs.curve(run.id());

        List<TrainingEvent> heard = new CopyOnWriteArrayList<>();
        runs.resume(run.id());
        runs.follow(run.id()).ifPresent(resumed -> resumed.subscribe(heard::add));
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
        assertThat(heard).anyMatch(e -> e instanceof TrainingEvent.Progress p
                && p.progress() instanceof TrainingProgress.EpochFinished f && f.epoch() == done + 1);
    }

    @Test
    void aStoppedRunCanStartAgainFromScratch() throws Exception {
        RunSummary run = start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 3));
        TrainingRun live = queue.live(run.id()).orElseThrow();
        await(() -> epochs(live.curve()) >= 1);
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
        start(amina, Experiment.CONV_AE, Experiment.CONV_AE.defaults().withEpochs(20));
        RunSummary waiting = start(budi, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 256, 2));
        runs.cancel(waiting.id());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        try (var tabs = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int tab = 0; tab < 2; tab++) {
                tabs.submit(() -> {
                    signIn.as(budi);
                    try {
                        go.await();
                        runs.restart(waiting.id());
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
        signIn.as(budi);
        assertThat(runs.run(waiting.id()).state()).isIn(RunState.QUEUED, RunState.RUNNING);
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
        Path folder = Path.of("target/test-data/runs", run.id().toString()).toAbsolutePath();
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
    void anyNumberOfListenersFollowARunAndABrokenOneHarmsNobody() throws Exception {
        RunSummary run = start(amina, Experiment.DENSE_AE, quick(Experiment.DENSE_AE, 512, 2));
        TrainingRun live = queue.live(run.id()).orElseThrow();
        List<TrainingEvent> first = new CopyOnWriteArrayList<>();
        List<TrainingEvent> second = new CopyOnWriteArrayList<>();
        live.subscribe(first::add);
        live.subscribe(event -> {
            throw new IllegalStateException("a closed browser tab");
        });
        live.subscribe(second::add);
        assertThat(awaitEnd(amina, run.id()).state()).isEqualTo(RunState.FINISHED);
        await(() -> !second.isEmpty() && second.getLast() instanceof TrainingEvent.Finished);
        assertThat(first).endsWith(second.toArray(TrainingEvent[]::new));
        assertThat(first.getLast()).isInstanceOf(TrainingEvent.Finished.class);
        assertThat(first).anyMatch(e -> e instanceof TrainingEvent.Progress p
                && p.progress() instanceof TrainingProgress.EpochFinished);
        // Each live point carries its place in the curve, as stored.
        List<CurvePoint> heardPoints = first.stream().filter(e -> e instanceof TrainingEvent.Progress)
                .map(e -> ((TrainingEvent.Progress) e).point()).toList();
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
