package org.latentlab.challenge;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Challenges end to end on the service: rules, deadlines, resubmissions, who may do what, many at once. */
@ApplicationTest
class ChallengesTest {

    @Autowired
    Challenges challenges;
    @Autowired
    LatentSpaces spaces;
    @Autowired
    HeldOutDigits digits;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcClient jdbc;

    AccountSummary rivka;
    AccountSummary amina;
    AccountSummary budi;
    AccountSummary carol;
    ClassSummary year11;
    LatentSpace vae;

    @Autowired
    org.latentlab.base.RateLimits.Settings limitSettings;

    @BeforeEach
    void aClassWithTwoStudentsAndAnOutsider() {
        rivka = fixture.teacher("rivka");
        amina = fixture.student("amina");
        budi = fixture.student("budi");
        carol = fixture.student("carol");
        signIn.as(rivka);
        year11 = classrooms.createClass("Year 11");
        for (AccountSummary student : List.of(amina, budi)) {
            signIn.as(student);
            classrooms.join(year11.joinCode());
        }
        vae = spaces.open("shipped:vae-2d");
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException refused) {
            return refused.messageKey();
        }
        throw new AssertionError("expected a refusal");
    }

    private Challenge open(ChallengeKind kind, KeepPolicy keep) {
        signIn.as(rivka);
        return challenges.create(year11.id(), new ChallengeSettings(kind, 7, 80, 1, 7, 5, false, 0.5, 0),
                "shipped:vae-2d", keep, 10, false);
    }

    /** The code of a held-out example of a digit: a good answer. */
    private float[] codeOf(int digit) {
        return vae.encode(digits.randomOf(digit, new java.util.Random(digit)).pixels());
    }

    @Test
    void aStudentSubmittingFasterThanAPersonCanIsToldToWaitWhileClassmatesAreNot() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        for (int i = 0; i < limitSettings.submissionsPerMinute(); i++) {
            challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        }
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("limits.tooMany");
        signIn.as(budi);
        challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        assertThat(challenges.mySubmissions(seven.id())).hasSize(1);
    }

    @Test
    void theClassVotesBetweenTheCloseAndTheRevealForAClassmatesCountedAnswerOnly() {
        AccountSummary dewi = fixture.student("dewi");
        signIn.as(dewi);
        classrooms.join(year11.joinCode());
        signIn.as(rivka);
        Challenge seven = challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 10, true);
        assertThat(seven.classVote()).isTrue();
        signIn.as(amina);
        Submission aminaBest = challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        Submission aminaPoor = challenges.submit(seven.id(), List.of(codeOf(1)), seven.modelVersion());
        signIn.as(budi);
        Submission budis = challenges.submit(seven.id(), List.of(codeOf(2)), seven.modelVersion());
        // Not before the close.
        assertThat(refusal(() -> challenges.vote(seven.id(), aminaBest.id()))).isEqualTo("challenge.vote.notYet");

        signIn.as(rivka);
        challenges.close(seven.id());
        assertThat(refusal(() -> challenges.vote(seven.id(), aminaBest.id()))).isEqualTo("challenge.vote.teachers");

        signIn.as(amina);
        Ballot ballot = challenges.ballot(seven.id());
        assertThat(ballot.open()).isTrue();
        assertThat(ballot.tallyShown()).isFalse();
        assertThat(ballot.entries()).extracting(Ballot.Entry::submissionId)
                .containsExactlyInAnyOrder(aminaBest.id(), budis.id());
        assertThat(ballot.entries()).extracting(Ballot.Entry::number).containsExactly(1, 2);
        assertThat(ballot.entries()).allSatisfy(e -> {
            assertThat(e.studentName()).isEmpty();
            assertThat(e.mine()).isEqualTo(e.submissionId() == aminaBest.id());
        });
        assertThat(refusal(() -> challenges.vote(seven.id(), aminaBest.id()))).isEqualTo("challenge.vote.own");
        // Only counted answers of this challenge are on the ballot.
        assertThat(refusal(() -> challenges.vote(seven.id(), aminaPoor.id()))).isEqualTo("challenge.vote.unknown");
        assertThat(refusal(() -> challenges.vote(seven.id(), 987_654L))).isEqualTo("challenge.vote.unknown");
        challenges.vote(seven.id(), budis.id());
        assertThat(challenges.ballot(seven.id()).myVote()).contains(budis.id());

        // Dewi changes her mind: one vote per student.
        signIn.as(dewi);
        challenges.vote(seven.id(), budis.id());
        challenges.vote(seven.id(), aminaBest.id());
        signIn.as(budi);
        challenges.vote(seven.id(), aminaBest.id());
        signIn.as(carol);
        assertThat(refusal(() -> challenges.ballot(seven.id()))).isEqualTo("challenge.notFound");
        assertThat(refusal(() -> challenges.vote(seven.id(), budis.id()))).isEqualTo("challenge.notFound");

        signIn.as(rivka);
        Ballot tally = challenges.ballot(seven.id());
        assertThat(tally.tallyShown()).isTrue();
        assertThat(tally.votesCast()).isEqualTo(3);
        assertThat(tally.entries()).extracting(Ballot.Entry::studentName, Ballot.Entry::votes)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Student amina", 2),
                        org.assertj.core.groups.Tuple.tuple("Student budi", 1));
        challenges.reveal(seven.id());
        assertThat(challenges.csv(seven.id())).startsWith("rank,student,score,submitted_at,submissions,votes,")
                .contains(",2,\"");

        signIn.as(budi);
        assertThat(refusal(() -> challenges.vote(seven.id(), budis.id()))).isEqualTo("challenge.vote.over");
        assertThat(challenges.leaderboard(seven.id())).extracting(e -> e.counted().studentName(),
                LeaderboardEntry::votes).containsExactly(org.assertj.core.groups.Tuple.tuple("Student amina", 2),
                        org.assertj.core.groups.Tuple.tuple("Student budi", 1));
        assertThat(challenges.ballot(seven.id()).tallyShown()).isTrue();

        // A challenge without a vote has no ballot.
        Challenge plain = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        assertThat(refusal(() -> challenges.ballot(plain.id()))).isEqualTo("challenge.vote.none");
        assertThat(refusal(() -> challenges.vote(plain.id(), budis.id()))).isEqualTo("challenge.vote.none");
    }

    @Test
    void theServerScoresADigitWithTheJudgeAndTheLeaderboardKeepsEachStudentsBest() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        Submission good = challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        Submission poor = challenges.submit(seven.id(), List.of(codeOf(1)), seven.modelVersion());
        assertThat(good.score()).isGreaterThan(80.0);
        assertThat(poor.score()).isLessThan(good.score());
        assertThat(good.rules().getFirst().messageKey()).isEqualTo("challenge.rule.digit");
        assertThat(challenges.mySubmissions(seven.id())).extracting(Submission::id)
                .containsExactly(poor.id(), good.id());
        // Students see the leaderboard only once it is revealed.
        assertThat(refusal(() -> challenges.leaderboard(seven.id()))).isEqualTo("challenge.notRevealed");

        signIn.as(budi);
        challenges.submit(seven.id(), List.of(codeOf(3)), seven.modelVersion());
        signIn.as(rivka);
        List<LeaderboardEntry> board = challenges.leaderboard(seven.id());
        assertThat(board).hasSize(2);
        assertThat(board.getFirst().counted().id()).isEqualTo(good.id());
        assertThat(board.getFirst().submissions()).isEqualTo(2);
        assertThat(board.get(1).counted().studentId()).isEqualTo(budi.id());
        assertThat(challenges.csv(seven.id())).startsWith("rank,student,score").contains("\"Student amina\"");

        challenges.close(seven.id());
        challenges.reveal(seven.id());
        signIn.as(budi);
        assertThat(challenges.leaderboard(seven.id())).hasSize(2);
    }

    @Test
    void withTheLastPolicyTheLatestSubmissionCounts() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.LAST);
        signIn.as(amina);
        challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        Submission last = challenges.submit(seven.id(), List.of(codeOf(1)), seven.modelVersion());
        signIn.as(rivka);
        assertThat(challenges.leaderboard(seven.id()).getFirst().counted().id()).isEqualTo(last.id());
    }

    @Test
    void submissionsAfterTheDeadlineWhilePausedOrAfterClosingAreRefused() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        challenges.pause(seven.id());
        signIn.as(amina);
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("challenge.paused");
        signIn.as(rivka);
        challenges.resume(seven.id());
        signIn.as(amina);
        challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());

        // Time passes: the deadline was a minute ago.
        jdbc.sql("update challenge set closes_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), seven.id()).update();
        assertThat(challenges.get(seven.id()).state()).isEqualTo(ChallengeState.CLOSED);
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("challenge.closed");
        assertThat(challenges.mySubmissions(seven.id())).hasSize(1);

        Challenge other = open(ChallengeKind.VARIED, KeepPolicy.BEST);
        challenges.close(other.id());
        signIn.as(amina);
        assertThat(refusal(() -> challenges.submit(other.id(), List.of(codeOf(7)), other.modelVersion())))
                .isEqualTo("challenge.closed");
    }

    @Test
    void malformedVectorsAndAnotherModelVersionAreRefused() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        String version = seven.modelVersion();
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(new float[] {1, 2, 3}), version)))
                .isEqualTo("challenge.vectorInvalid");
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(new float[] {Float.NaN, 0}), version)))
                .isEqualTo("challenge.vectorInvalid");
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(new float[] {1e30f, 0}), version)))
                .isEqualTo("challenge.vectorInvalid");
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(codeOf(7), codeOf(7)), version)))
                .isEqualTo("challenge.vectorCount");
        assertThat(refusal(() -> challenges.submit(seven.id(), null, version))).isEqualTo("challenge.vectorCount");
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(codeOf(7)), "an older model")))
                .isEqualTo("challenge.modelChanged");
        assertThat(challenges.mySubmissions(seven.id())).isEmpty();
    }

    @Test
    void onlyTheClassSeesAChallengeAndOnlyItsTeacherRunsIt() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(carol);
        assertThat(challenges.mine()).isEmpty();
        assertThat(refusal(() -> challenges.get(seven.id()))).isEqualTo("challenge.notFound");
        assertThat(refusal(() -> challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("challenge.notFound");
        signIn.as(amina);
        assertThat(challenges.mine()).extracting(Challenge::id).containsExactly(seven.id());
        assertThat(refusal(() -> challenges.get(seven.id() + 1000))).isEqualTo("challenge.notFound");
        AccountSummary other = fixture.teacher("other");
        signIn.as(other);
        assertThat(refusal(() -> challenges.close(seven.id()))).isEqualTo("challenge.notFound");
        assertThat(refusal(() -> challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.VARIED, 0, 0, 0,
                0, 0, false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 5, false))).isEqualTo("challenge.classUnknown");
        signIn.as(rivka);
        assertThat(refusal(() -> challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 12, 80, 0,
                0, 0, false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 5, false))).isEqualTo("challenge.settings.digit");
        assertThat(refusal(() -> challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.VARIED, 0, 0, 0,
                0, 0, false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 100_000, false))).isEqualTo("challenge.settings.minutes");
        assertThat(refusal(() -> challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.VARIED, 0, 0, 0,
                0, 0, false, 0, 0), "run:" + java.util.UUID.randomUUID(), KeepPolicy.BEST, 5, false)))
                .isEqualTo("challenge.settings.model");
    }

    @Test
    void aRepairIsScoredAgainstItsHiddenOriginalWhichStudentsSeeOnlyAfterTheReveal() {
        Challenge repair = open(ChallengeKind.REPAIR, KeepPolicy.BEST);
        float[] original = challenges.hiddenOriginal(repair.id());
        signIn.as(amina);
        assertThat(refusal(() -> challenges.hiddenOriginal(repair.id()))).isEqualTo("challenge.notRevealed");
        float[] damaged = challenges.damagedDigit(repair.id());
        assertThat(damaged).hasSize(784).isNotEqualTo(original);
        // The server decodes the code itself and compares the picture with the hidden original, not with the
        // damaged one. (Which of two codes comes closer depends on the drawn digit, so the test recomputes the
        // rule rather than comparing two answers: a 2-D VAE reconstructs some digits worse than a blur.)
        float[] code = vae.encode(original);
        Submission close = challenges.submit(repair.id(), List.of(code), repair.modelVersion());
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
        challenges.close(repair.id());
        challenges.reveal(repair.id());
        signIn.as(amina);
        assertThat(challenges.hiddenOriginal(repair.id())).containsExactly(original);
    }

    @Test
    void everyRepairCanBeSolvedWithItsModel() {
        // Most digits are beyond a 2-D latent space's reach (about five in six): the server must not hide those.
        for (int i = 0; i < 8; i++) {
            Challenge repair = open(ChallengeKind.REPAIR, KeepPolicy.BEST);
            float[] original = challenges.hiddenOriginal(repair.id());
            Scored ownCode = ImageScoring.repair(List.of(vae.decode(vae.encode(original)).pixels()), original);
            assertThat(ownCode.score()).isGreaterThanOrEqualTo(100 * ImageScoring.REPAIR_GOAL);
        }
    }

    @Test
    void musicChallengesAreScoredByTheServerWithTheMelodyRules() {
        signIn.as(rivka);
        Challenge compose = challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY, 0, 0, 0, 0, 0,
                false, 0, 0), null, KeepPolicy.BEST, 10, false);
        assertThat(compose.modelId()).isEqualTo(Challenges.MELODY_MODEL);
        org.latentlab.music.MelodyCodec codec = challenges.melodyCodec();
        signIn.as(amina);
        Submission melody = challenges.submit(compose.id(), List.of(codec.randomCode(new java.util.Random(1))),
                compose.modelVersion());
        assertThat(melody.score()).isBetween(0.0, 100.0);
        assertThat(melody.rules()).isNotEmpty();
        assertThat(refusal(() -> challenges.submit(compose.id(), List.of(new float[] {1, 2}),
                compose.modelVersion()))).isEqualTo("challenge.vectorInvalid");
        assertThat(refusal(() -> challenges.submit(compose.id(), List.of(new float[codec.latentSize()]),
                "another version"))).isEqualTo("challenge.modelChanged");

        signIn.as(rivka);
        assertThat(refusal(() -> challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY_MORPH, 0,
                0, 3, 3, 0, false, 0, 0), null, KeepPolicy.BEST, 10, false))).isEqualTo("challenge.settings.sameTunes");
        Challenge morph = challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.MELODY_MORPH, 0, 0, 0,
                5, 0, false, 0, 0), null, KeepPolicy.BEST, 10, false);
        var a = org.latentlab.music.MelodyCorpus.entries().get(0).melody();
        var b = org.latentlab.music.MelodyCorpus.entries().get(5).melody();
        List<float[]> path = org.latentlab.music.MelodyCodec.path(codec.encode(a), codec.encode(b), 8,
                org.latentlab.playground.Interpolation.SPHERICAL);
        signIn.as(budi);
        assertThat(refusal(() -> challenges.submit(morph.id(), path.subList(0, 3), morph.modelVersion())))
                .isEqualTo("challenge.vectorCount");
        Submission walked = challenges.submit(morph.id(), path, morph.modelVersion());
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
                    return challenges.submit(seven.id(), List.of(code), seven.modelVersion());
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
        List<LeaderboardEntry> board = challenges.leaderboard(seven.id());
        assertThat(board).hasSize(60);
        assertThat(board).extracting(e -> e.counted().score()).containsOnly(board.getFirst().counted().score());
        assertThat(jdbc.sql("select count(*) from challenge_submission").query(Long.class).single()).isEqualTo(60);
    }

    /** A student of Year 11 without a usable password (hashing dozens of passwords would take seconds). */
    private AccountSummary quickMember(String username) {
        AccountSummary student = fixture.quickStudent(username);
        signIn.as(student);
        classrooms.join(year11.joinCode());
        signIn.out();
        return student;
    }

    @Test
    void everyStateChangeHasItsOwnPreconditionAndSaysWhyWhenItIsNotMet() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        assertThat(refusal(() -> challenges.resume(seven.id()))).isEqualTo("challenge.notPaused");
        // No reveal while students can still submit (and copy what they see).
        assertThat(refusal(() -> challenges.reveal(seven.id()))).isEqualTo("challenge.notClosedYet");
        assertThat(challenges.pause(seven.id()).state()).isEqualTo(ChallengeState.PAUSED);
        assertThat(refusal(() -> challenges.pause(seven.id()))).isEqualTo("challenge.notOpen");
        assertThat(refusal(() -> challenges.reveal(seven.id()))).isEqualTo("challenge.notClosedYet");
        assertThat(challenges.close(seven.id()).state()).isEqualTo(ChallengeState.CLOSED);
        assertThat(refusal(() -> challenges.resume(seven.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(refusal(() -> challenges.pause(seven.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(refusal(() -> challenges.close(seven.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(challenges.reveal(seven.id()).revealed()).isTrue();
        assertThat(refusal(() -> challenges.reveal(seven.id()))).isEqualTo("challenge.alreadyRevealed");
        assertThat(challenges.get(seven.id()).state()).isEqualTo(ChallengeState.CLOSED);

        // A paused challenge whose deadline passes is closed: it cannot be resumed, and its results can be revealed.
        Challenge late = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        challenges.pause(late.id());
        jdbc.sql("update challenge set closes_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), late.id()).update();
        assertThat(refusal(() -> challenges.resume(late.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(refusal(() -> challenges.pause(late.id()))).isEqualTo("challenge.alreadyClosed");
        assertThat(challenges.reveal(late.id()).revealed()).isTrue();
        assertThat(jdbc.sql("select state from challenge where id = ?").param(late.id()).query(String.class)
                .single()).isEqualTo("CLOSED");

        // Another teacher cannot change it at all: not found, as if it did not exist.
        AccountSummary other = fixture.teacher("other");
        Challenge third = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(other);
        for (Runnable change : List.<Runnable>of(() -> challenges.pause(third.id()),
                () -> challenges.resume(third.id()), () -> challenges.close(third.id()),
                () -> challenges.reveal(third.id()))) {
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
                challenges.pause(challenge.id());
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
                                Runnable change = closer ? () -> challenges.close(challenge.id())
                                        : resume ? () -> challenges.resume(challenge.id())
                                                : () -> challenges.pause(challenge.id());
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
                assertThat(refusal(() -> challenges.resume(challenge.id()))).isEqualTo("challenge.alreadyClosed");
                signIn.as(amina);
                assertThat(refusal(() -> challenges.submit(challenge.id(), List.of(codeOf(7)),
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
    void manyStudentsVotingAndChangingTheirVotesAtOnceHoldOneVoteEachAndTheTallyIsRight() throws Exception {
        signIn.as(rivka);
        Challenge seven = challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 10, true);
        // Four students answer; forty vote, each for a classmate's answer, changing their mind twice.
        List<AccountSummary> authors = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AccountSummary author = quickMember("author" + i);
            signIn.as(author);
            answers.add(challenges.submit(seven.id(), List.of(codeOf(i)), seven.modelVersion()).id());
            authors.add(author);
        }
        List<AccountSummary> voters = new ArrayList<>(authors);
        for (int i = 0; i < 36; i++) {
            voters.add(quickMember("voter" + i));
        }
        signIn.as(rivka);
        challenges.close(seven.id());

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> finalChoices = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService students = Executors.newFixedThreadPool(40)) {
            for (int v = 0; v < voters.size(); v++) {
                AccountSummary voter = voters.get(v);
                int own = authors.indexOf(voter);
                int offset = v;
                finalChoices.add(students.submit(() -> {
                    signIn.as(voter);
                    try {
                        go.await();
                        long choice = 0;
                        for (int round = 0; round < 3; round++) {
                            int pick = (offset + round) % answers.size();
                            if (pick == own) {
                                pick = (pick + 1) % answers.size();
                            }
                            choice = answers.get(pick);
                            challenges.vote(seven.id(), choice);
                        }
                        return choice;
                    } catch (RuntimeException e) {
                        failures.add(e);
                        throw e;
                    } finally {
                        signIn.out();
                    }
                }));
            }
            go.countDown();
            Map<Long, Integer> expected = new HashMap<>();
            for (Future<Long> choice : finalChoices) {
                expected.merge(choice.get(2, TimeUnit.MINUTES), 1, Integer::sum);
            }
            assertThat(failures).isEmpty();

            assertThat(jdbc.sql("select count(*) from challenge_vote where challenge_id = ?").param(seven.id())
                    .query(Long.class).single()).isEqualTo(voters.size());
            signIn.as(rivka);
            Ballot tally = challenges.ballot(seven.id());
            assertThat(tally.votesCast()).isEqualTo(voters.size());
            Map<Long, Integer> counted = new HashMap<>();
            tally.entries().forEach(e -> counted.put(e.submissionId(), e.votes()));
            for (long answer : answers) {
                assertThat(counted.get(answer)).as("votes for %d", answer).isEqualTo(expected.getOrDefault(answer, 0));
            }
            for (int v = 0; v < voters.size(); v++) {
                signIn.as(voters.get(v));
                assertThat(challenges.ballot(seven.id()).myVote()).contains(finalChoices.get(v).get());
            }
        }
    }

    @Test
    void aVoteRacingTheRevealIsEitherCountedBeforeItOrRefused() throws Exception {
        signIn.as(rivka);
        Challenge seven = challenges.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 10, true);
        signIn.as(amina);
        long answer = challenges.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion()).id();
        List<AccountSummary> voters = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            voters.add(quickMember("voter" + i));
        }
        signIn.as(rivka);
        challenges.close(seven.id());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        long counted = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(31)) {
            for (AccountSummary voter : voters) {
                outcomes.add(threads.submit(() -> {
                    signIn.as(voter);
                    try {
                        go.await();
                        challenges.vote(seven.id(), answer);
                        return "ok";
                    } catch (InvalidInputException refused) {
                        return refused.messageKey();
                    } finally {
                        signIn.out();
                    }
                }));
            }
            Future<Challenge> reveal = threads.submit(() -> {
                signIn.as(rivka);
                try {
                    go.await();
                    Thread.sleep(2);
                    return challenges.reveal(seven.id());
                } finally {
                    signIn.out();
                }
            });
            go.countDown();
            assertThat(reveal.get(2, TimeUnit.MINUTES).revealed()).isTrue();
            for (Future<String> outcome : outcomes) {
                String result = outcome.get(2, TimeUnit.MINUTES);
                assertThat(result).isIn("ok", "challenge.vote.over");
                counted += result.equals("ok") ? 1 : 0;
            }
            // Every accepted vote is in the tally, every refused one is not: nothing slipped in after the reveal.
            signIn.as(rivka);
            assertThat(challenges.ballot(seven.id()).votesCast()).isEqualTo(counted);
        }
        signIn.as(amina);
        assertThat(challenges.leaderboard(seven.id()).getFirst().votes()).isEqualTo(counted);
    }
}
