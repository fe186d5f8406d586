package org.latentlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.latentlab.base.SignedInUser;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.TrainingConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class TrainingQueueTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Autowired
    TrainingQueue queue;

    @AfterEach
    void stopEverything() throws InterruptedException {
        SignedInUser admin = new SignedInUser(0, "admin", "Admin", Role.ADMIN, null);
        for (TrainingRun run : queue.allRuns()) {
            if (!run.state().ended()) {
                queue.cancel(run.id(), admin);
            }
        }
        for (TrainingRun run : queue.allRuns()) {
            awaitEnd(run);
        }
    }

    static TrainingConfig quick(ModelKind kind, int images) {
        return TrainingConfig.defaults(kind).withEpochs(2).withTrainLimit(images).withBatchSize(32);
    }

    @Test
    void runsWaitInSubmissionOrderWithVisiblePositionsAndAllFinish() throws Exception {
        TrainingRun first = queue.submit(101, TrainingConfig.defaults(ModelKind.CONV_AE).withEpochs(3));
        TrainingRun second = queue.submit(102, quick(ModelKind.DENSE_AE, 256));
        TrainingRun third = queue.submit(103, quick(ModelKind.VAE_2D, 256));
        awaitState(first, RunState.RUNNING);
        assertThat(queue.position(first.id())).isZero();
        assertThat(queue.position(second.id())).isEqualTo(1);
        assertThat(queue.position(third.id())).isEqualTo(2);
        // Positions are announced to the waiting runs right after the first one starts.
        awaitEvent(third, new TrainingEvent.Queued(third.id(), 2));

        for (TrainingRun run : List.of(first, second, third)) {
            awaitEnd(run);
            assertThat(run.state()).isEqualTo(RunState.FINISHED);
            TrainingEvent.Finished finished = (TrainingEvent.Finished) run.lastEvent();
            assertThat(Files.exists(finished.checkpoint().resolve("metadata.json"))).isTrue();
            assertThat(finished.result().trainLosses()).hasSize(run.config().epochs());
        }
        assertThat(queue.position(third.id())).isZero();
    }

    @Test
    void oneUserCannotFillTheQueue() {
        queue.submit(201, quick(ModelKind.CONV_AE, 2048));
        queue.submit(201, quick(ModelKind.DENSE_AE, 256));
        assertThatThrownBy(() -> queue.submit(201, quick(ModelKind.DENSE_AE, 256)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("training.queue.userLimit");
                    assertThat(e.arguments()).containsExactly(2);
                });
    }

    @Test
    void badConfigsNeverReachTheQueue() {
        assertThatThrownBy(() -> queue.submit(301, quick(ModelKind.CONV_AE, 64).withEpochs(10_000)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(queue.runsOf(301)).isEmpty();
    }

    @Test
    void cancellingStopsAWaitingRunAtOnceAndARunningOneSoon() throws Exception {
        TrainingRun running = queue.submit(401, TrainingConfig.defaults(ModelKind.CONV_AE).withEpochs(20));
        TrainingRun waiting = queue.submit(402, quick(ModelKind.DENSE_AE, 256));
        SignedInUser owner = new SignedInUser(402, "s402", "S", Role.STUDENT, null);
        queue.cancel(waiting.id(), owner);
        assertThat(waiting.state()).isEqualTo(RunState.CANCELLED);
        assertThat(waiting.lastEvent()).isInstanceOf(TrainingEvent.Cancelled.class);

        awaitState(running, RunState.RUNNING);
        queue.cancel(running.id(), new SignedInUser(401, "s401", "S", Role.STUDENT, null));
        awaitEnd(running);
        assertThat(running.state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void anotherStudentCannotCancelButATeacherCan() throws Exception {
        TrainingRun run = queue.submit(501, quick(ModelKind.CONV_AE, 2048));
        SignedInUser stranger = new SignedInUser(502, "s502", "S", Role.STUDENT, null);
        assertThatThrownBy(() -> queue.cancel(run.id(), stranger)).isInstanceOf(AccessDeniedException.class);
        queue.cancel(run.id(), new SignedInUser(503, "t503", "T", Role.TEACHER, null));
        awaitEnd(run);
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void anyNumberOfListenersFollowARunAndABrokenOneHarmsNobody() throws Exception {
        TrainingRun run = queue.submit(601, quick(ModelKind.DENSE_AE, 512));
        List<TrainingEvent> first = new CopyOnWriteArrayList<>();
        List<TrainingEvent> second = new CopyOnWriteArrayList<>();
        run.subscribe(first::add);
        run.subscribe(event -> {
            throw new IllegalStateException("a closed browser tab");
        });
        run.subscribe(second::add);
        awaitEnd(run);
        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        // The state changes first, then the final event reaches the listeners one after the other.
        await(() -> !second.isEmpty() && second.getLast() instanceof TrainingEvent.Finished);
        // The second listener joined a moment later: it heard the tail of what the first heard.
        assertThat(second).isNotEmpty();
        assertThat(first).endsWith(second.toArray(TrainingEvent[]::new));
        assertThat(first.getLast()).isInstanceOf(TrainingEvent.Finished.class);
        assertThat(first).anyMatch(e -> e instanceof TrainingEvent.Progress p
                && p.progress() instanceof org.latentlab.ml.TrainingProgress.EpochFinished);
    }

    private static void awaitEnd(TrainingRun run) throws InterruptedException {
        await(() -> run.state().ended());
        assertThat(run.state().ended()).as("run %s ended", run.id()).isTrue();
    }

    private static void awaitEvent(TrainingRun run, TrainingEvent expected) throws InterruptedException {
        await(() -> expected.equals(run.lastEvent()));
        assertThat(run.lastEvent()).isEqualTo(expected);
    }

    private static void awaitState(TrainingRun run, RunState state) throws InterruptedException {
        await(() -> run.state() == state);
        assertThat(run.state()).isEqualTo(state);
    }

    /** Waits for a condition the training thread makes true; the patience is a guard, not a measurement. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
