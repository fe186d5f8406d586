package org.latentlab.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.classroom.AccountSummary;

/**
 * A challenge from its opening to its reveal: every state change only when its precondition holds, also when
 * changes race.
 */
class ChallengeLifecycleTest extends ChallengeClassroom {

    @Test
    void everyStateChangeHasItsOwnPreconditionAndSaysWhyWhenItIsNotMet() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        assertThat(refusal(() -> lifecycle.resume(seven.id()))).isEqualTo("challenge.notPaused");
        // No reveal while students can still submit (and copy what they see).
        assertThat(refusal(() -> lifecycle.reveal(seven.id()))).isEqualTo("challenge.notClosedYet");
        assertThat(lifecycle.pause(seven.id()).state()).isEqualTo(ChallengeState.PAUSED);
        assertThat(refusal(() -> lifecycle.pause(seven.id()))).isEqualTo("challenge.notOpen");
        assertThat(refusal(() -> lifecycle.reveal(seven.id()))).isEqualTo("challenge.notClosedYet");
        assertThat(lifecycle.close(seven.id()).state()).isEqualTo(ChallengeState.CLOSED);
        assertThat(refusal(() -> lifecycle.resume(seven.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(refusal(() -> lifecycle.pause(seven.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(refusal(() -> lifecycle.close(seven.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(lifecycle.reveal(seven.id()).revealed()).isTrue();
        assertThat(refusal(() -> lifecycle.reveal(seven.id()))).isEqualTo("challenge.alreadyRevealed");
        assertThat(lifecycle.get(seven.id()).state()).isEqualTo(ChallengeState.CLOSED);

        // A paused challenge whose deadline passes is closed: it cannot be resumed, and its results can be revealed.
        Challenge late = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        lifecycle.pause(late.id());
        jdbc.sql("update challenge set closes_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), late.id()).update();
        assertThat(refusal(() -> lifecycle.resume(late.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(refusal(() -> lifecycle.pause(late.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(lifecycle.reveal(late.id()).revealed()).isTrue();
        assertThat(jdbc.sql("select state from challenge where id = ?").param(late.id()).query(String.class)
                .single()).isEqualTo("CLOSED");

        // Another teacher cannot change it at all: not found, as if it did not exist.
        AccountSummary other = fixture.teacher("other");
        Challenge third = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(other);
        for (Runnable change : List.<Runnable>of(() -> lifecycle.pause(third.id()),
                () -> lifecycle.resume(third.id()), () -> lifecycle.close(third.id()),
                () -> lifecycle.reveal(third.id()))) {
            assertThat(refusal(change)).isEqualTo("challenge.notFound");
        }
    }

    @Test
    void aResumeRacingACloseNeverReopensAClosedChallenge() throws Exception {
        int rounds = 12;
        int resumes = 0;
        int lateResumes = 0;
        try (ExecutorService teachers = Executors.newFixedThreadPool(12)) {
            for (int round = 0; round < rounds; round++) {
                Challenge challenge = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
                lifecycle.pause(challenge.id());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<String>>> results = new ArrayList<>();
                // Eight tabs keep resuming and pausing it while four others close it, all at the same moment.
                int closeAfterMillis = round % 4;
                for (int t = 0; t < 12; t++) {
                    boolean closer = t % 3 == 0;
                    results.add(teachers.submit(() -> {
                        signIn.as(rivka);
                        try {
                            go.await();
                            if (closer) {
                                // From a dead heat to a few toggles first, so both sides of the race are seen.
                                Thread.sleep(closeAfterMillis);
                            }
                            List<String> outcomes = new ArrayList<>();
                            for (int i = 0; i < (closer ? 1 : 6); i++) {
                                boolean resume = !closer && i % 2 == 0;
                                Runnable change = closer ? () -> lifecycle.close(challenge.id())
                                        : resume ? () -> lifecycle.resume(challenge.id())
                                                : () -> lifecycle.pause(challenge.id());
                                String what = closer ? "close" : resume ? "resume" : "pause";
                                try {
                                    change.run();
                                    outcomes.add(what + ":ok");
                                } catch (InvalidInputException refused) {
                                    outcomes.add(what + ":" + refused.messageKey());
                                }
                            }
                            return outcomes;
                        } finally {
                            signIn.out();
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<List<String>> result : results) {
                    outcomes.addAll(result.get(2, TimeUnit.MINUTES));
                }
                signIn.as(rivka);
                assertThat(outcomes).as("round %d: one close wins", round).containsOnlyOnce("close:ok");
                assertThat(outcomes).allMatch(o -> o.endsWith(":ok") || o.endsWith(":challenge.alreadyClosed")
                        || o.equals("resume:challenge.notPaused") || o.equals("pause:challenge.notOpen"));
                // Closed for good: stored so, and nothing reopens it afterwards.
                assertThat(jdbc.sql("select state from challenge where id = ?").param(challenge.id())
                        .query(String.class).single()).as("round %d", round).isEqualTo("CLOSED");
                assertThat(refusal(() -> lifecycle.resume(challenge.id()))).isEqualTo("challenge.alreadyClosed");
                signIn.as(amina);
                assertThat(refusal(() -> submissions.submit(challenge.id(), List.of(codeOf(7)),
                        challenge.modelVersion()))).isEqualTo("challenge.closed");
                resumes += (int) outcomes.stream().filter("resume:ok"::equals).count();
                lateResumes += (int) outcomes.stream().filter("resume:challenge.alreadyClosed"::equals).count();
            }
        }
        // The races did happen: resumes both before the close (accepted) and after it (refused).
        assertThat(resumes).isPositive();
        assertThat(lateResumes).isPositive();
    }

    @Test
    void everyRepairCanBeSolvedWithItsModel() {
        // Most digits are beyond a 2-D latent space's reach (about five in six): the server must not hide those.
        for (int i = 0; i < 8; i++) {
            Challenge repair = open(ChallengeKind.REPAIR, KeepPolicy.BEST);
            float[] original = submissions.hiddenOriginal(repair.id());
            Scored ownCode = ImageScoring.repair(List.of(vae.decode(vae.encode(original)).pixels()), original);
            assertThat(ownCode.score()).isGreaterThanOrEqualTo(100 * ImageScoring.REPAIR_GOAL);
        }
    }
}
