package org.latentlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A queued run starts without waiting for JobRunr's poll: here the poll comes once an hour, so a run that trains at
 * all was picked up when it was queued.
 */
@ApplicationTest(properties = "jobrunr.background-job-server.poll-interval-in-seconds=3600")
class PromptPickupTest {

    @Autowired
    LabRuns runs;
    @Autowired
    TrainingQueue queue;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;

    @AfterEach
    void stop() throws InterruptedException {
        LabRunsTest.stopAll(queue);
    }

    @Test
    void aQueuedRunStartsAtOnceOnAWorkerWithAFreeThreadNotAtTheNextPoll() throws InterruptedException {
        AccountSummary amina = fixture.student("amina");
        signIn.as(amina);
        UUID first = runs.start(Experiment.DENSE_AE, LabRunsTest.quick(Experiment.DENSE_AE, 64, 1)).id();
        LabRunsTest.await(() -> !queue.isActive(first));
        // And the next one too: the pick-up is not a one-off at start-up.
        signIn.as(amina);
        UUID second = runs.start(Experiment.DENSE_AE, LabRunsTest.quick(Experiment.DENSE_AE, 64, 1)).id();
        LabRunsTest.await(() -> !queue.isActive(second));
        signIn.as(amina);
        assertThat(runs.run(second).state()).isEqualTo(RunState.FINISHED);
    }
}
