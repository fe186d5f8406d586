package org.latentlab.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.latentlab.base.RateLimits;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.ml.Interpolation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Students' answers: scored by the server, refused when the challenge is not open or the vectors are wrong, and
 * none lost when a whole class submits at once.
 */
class ChallengeSubmissionsTest extends ChallengeClassroom {

    @Autowired
    RateLimits.Settings limitSettings;

    @Test
    void aStudentSubmittingFasterThanAPersonCanIsToldToWaitWhileClassmatesAreNot() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        for (int i = 0; i < limitSettings.submissionsPerMinute(); i++) {
            submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        }
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("limits.tooMany");
        signIn.as(budi);
        submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        assertThat(submissions.mine(seven.id())).hasSize(1);
    }

    @Test
    void submissionsAfterTheDeadlineWhilePausedOrAfterClosingAreRefused() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        lifecycle.pause(seven.id());
        signIn.as(amina);
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("challenge.paused");
        signIn.as(rivka);
        lifecycle.resume(seven.id());
        signIn.as(amina);
        submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());

        // Time passes: the deadline was a minute ago.
        jdbc.sql("update challenge set closes_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), seven.id()).update();
        assertThat(lifecycle.get(seven.id()).state()).isEqualTo(ChallengeState.CLOSED);
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("challenge.closed");
        assertThat(submissions.mine(seven.id())).hasSize(1);

        Challenge other = open(ChallengeKind.VARIED, KeepPolicy.BEST);
        lifecycle.close(other.id());
        signIn.as(amina);
        assertThat(refusal(() -> submissions.submit(other.id(), List.of(codeOf(7)), other.modelVersion())))
                .isEqualTo("challenge.closed");
    }

    @Test
    void malformedVectorsAndAnotherModelVersionAreRefused() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        String version = seven.modelVersion();
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(new float[] {1, 2, 3}), version)))
                .isEqualTo("challenge.vectorInvalid");
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(new float[] {Float.NaN, 0}), version)))
                .isEqualTo("challenge.vectorInvalid");
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(new float[] {1e30f, 0}), version)))
                .isEqualTo("challenge.vectorInvalid");
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(codeOf(7), codeOf(7)), version)))
                .isEqualTo("challenge.vectorCount");
        assertThat(refusal(() -> submissions.submit(seven.id(), null, version))).isEqualTo("challenge.vectorCount");
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(codeOf(7)), "an older model")))
                .isEqualTo("challenge.modelChanged");
        assertThat(submissions.mine(seven.id())).isEmpty();
    }

    @Test
    void aRepairIsScoredAgainstItsHiddenOriginalWhichStudentsSeeOnlyAfterTheReveal() {
        Challenge repair = open(ChallengeKind.REPAIR, KeepPolicy.BEST);
        float[] original = submissions.hiddenOriginal(repair.id());
        signIn.as(amina);
        assertThat(refusal(() -> submissions.hiddenOriginal(repair.id()))).isEqualTo("challenge.notRevealed");
        float[] damaged = submissions.damagedDigit(repair.id());
        assertThat(damaged).hasSize(784).isNotEqualTo(original);
        // The server decodes the code itself and compares the picture with the hidden original, not with the
        // damaged one. (Which of two codes comes closer depends on the drawn digit, so the test recomputes the
        // rule rather than comparing two answers: a 2-D VAE reconstructs some digits worse than a blur.)
        float[] code = vae.encode(original);
        Submission close = submissions.submit(repair.id(), List.of(code), repair.modelVersion());
        float[] decoded = vae.decode(code).pixels();
        Scored expected = ImageScoring.repair(List.of(decoded), original);
        assertThat(close.score()).isEqualTo(expected.score());
        assertThat(close.rules()).isEqualTo(expected.rules());
        assertThat(ImageScoring.repair(List.of(original), original).score()).isEqualTo(100.0);
        assertThat(ImageScoring.repair(List.of(new float[784]), original).score()).isZero();
        assertThat(close.rules().getFirst().messageKey()).isEqualTo("challenge.rule.repair");
        // The server hides only digits the model can repair: the original's own code meets the goal.
        assertThat(close.rules().getFirst().met()).isTrue();
        signIn.as(rivka);
        lifecycle.close(repair.id());
        lifecycle.reveal(repair.id());
        signIn.as(amina);
        assertThat(submissions.hiddenOriginal(repair.id())).containsExactly(original);
    }

    @Test
    void musicChallengesAreScoredByTheServerWithTheMelodyRules() {
        signIn.as(rivka);
        Challenge compose = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY, 0, 0, 0, 0, 0,
                false, 0, 0), null, KeepPolicy.BEST, 10, false);
        assertThat(compose.modelId()).isEqualTo(MusicScorer.MODEL_ID);
        org.latentlab.music.MelodyCodec codec = submissions.melodyCodec();
        signIn.as(amina);
        Submission melody = submissions.submit(compose.id(), List.of(codec.randomCode(new java.util.Random(1))),
                compose.modelVersion());
        assertThat(melody.score()).isBetween(0.0, 100.0);
        assertThat(melody.rules()).isNotEmpty();
        assertThat(refusal(() -> submissions.submit(compose.id(), List.of(new float[] {1, 2}),
                compose.modelVersion()))).isEqualTo("challenge.vectorInvalid");
        assertThat(refusal(() -> submissions.submit(compose.id(), List.of(new float[codec.latentSize()]),
                "another version"))).isEqualTo("challenge.modelChanged");

        signIn.as(rivka);
        assertThat(refusal(() -> lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY_MORPH, 0,
                0, 3, 3, 0, false, 0, 0), null, KeepPolicy.BEST, 10, false))).isEqualTo("challenge.settings.sameTunes");
        Challenge morph = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY_MORPH, 0, 0, 0,
                5, 0, false, 0, 0), null, KeepPolicy.BEST, 10, false);
        var a = org.latentlab.music.MelodyCorpus.entries().get(0).melody();
        var b = org.latentlab.music.MelodyCorpus.entries().get(5).melody();
        List<float[]> path = org.latentlab.music.MelodyCodec.path(codec.encode(a), codec.encode(b), 8,
                org.latentlab.ml.Interpolation.SPHERICAL);
        signIn.as(budi);
        assertThat(refusal(() -> submissions.submit(morph.id(), path.subList(0, 3), morph.modelVersion())))
                .isEqualTo("challenge.vectorCount");
        Submission walked = submissions.submit(morph.id(), path, morph.modelVersion());
        assertThat(walked.score()).isGreaterThan(30.0);
    }

    @Test
    void sixtyStudentsSubmittingInTheSameSecondLoseNothing() throws Exception {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        List<AccountSummary> students = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            students.add(quickMember("s" + i));
        }
        float[] code = codeOf(7);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(60);
        List<Future<Submission>> results = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (AccountSummary student : students) {
            results.add(pool.submit(() -> {
                signIn.as(student);
                start.await();
                try {
                    return submissions.submit(seven.id(), List.of(code), seven.modelVersion());
                } catch (RuntimeException e) {
                    failures.add(e);
                    throw e;
                } finally {
                    signIn.out();
                }
            }));
        }
        start.countDown();
        for (Future<Submission> result : results) {
            result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        signIn.as(rivka);
        List<LeaderboardEntry> board = leaderboard.leaderboard(seven.id());
        assertThat(board).hasSize(60);
        assertThat(board).extracting(e -> e.counted().score()).containsOnly(board.getFirst().counted().score());
        assertThat(jdbc.sql("select count(*) from challenge_submission").query(Long.class).single()).isEqualTo(60);
    }
}
