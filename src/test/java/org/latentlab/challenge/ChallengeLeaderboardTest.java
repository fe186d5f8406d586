package org.latentlab.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The leaderboard: each student's best or last submission, for the teacher live, for the students once revealed. */
class ChallengeLeaderboardTest extends ChallengeClassroom {

    @Test
    void theServerScoresADigitWithTheJudgeAndTheLeaderboardKeepsEachStudentsBest() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        Submission good = submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        Submission poor = submissions.submit(seven.id(), List.of(codeOf(1)), seven.modelVersion());
        assertThat(good.score()).isGreaterThan(80.0);
        assertThat(poor.score()).isLessThan(good.score());
        assertThat(good.rules().getFirst().messageKey()).isEqualTo("challenge.rule.digit");
        assertThat(submissions.mine(seven.id())).extracting(Submission::id)
                .containsExactly(poor.id(), good.id());
        // Students see the leaderboard only once it is revealed.
        assertThat(refusal(() -> leaderboard.leaderboard(seven.id()))).isEqualTo("challenge.notRevealed");

        signIn.as(budi);
        submissions.submit(seven.id(), List.of(codeOf(3)), seven.modelVersion());
        signIn.as(rivka);
        List<LeaderboardEntry> board = leaderboard.leaderboard(seven.id());
        assertThat(board).hasSize(2);
        assertThat(board.getFirst().counted().id()).isEqualTo(good.id());
        assertThat(board.getFirst().submissions()).isEqualTo(2);
        assertThat(board.get(1).counted().studentId()).isEqualTo(budi.id());
        assertThat(export.csv(seven.id())).startsWith("rank,student,score").contains("\"Student amina\"");

        lifecycle.close(seven.id());
        lifecycle.reveal(seven.id());
        signIn.as(budi);
        assertThat(leaderboard.leaderboard(seven.id())).hasSize(2);
    }

    @Test
    void withTheLastPolicyTheLatestSubmissionCounts() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.LAST);
        signIn.as(amina);
        submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        Submission last = submissions.submit(seven.id(), List.of(codeOf(1)), seven.modelVersion());
        signIn.as(rivka);
        assertThat(leaderboard.leaderboard(seven.id()).getFirst().counted().id()).isEqualTo(last.id());
    }
}
