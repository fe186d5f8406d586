package org.latentlab.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.latentlab.classroom.AccountSummary;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and act on a challenge, the same for every service: its class sees it, its teacher runs it, and
 * anyone else finds nothing.
 */
class ChallengeAccessTest extends ChallengeClassroom {

    @Test
    void onlyTheClassSeesAChallengeAndOnlyItsTeacherRunsIt() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(carol);
        assertThat(lifecycle.mine()).isEmpty();
        assertThat(refusal(() -> lifecycle.get(seven.id()))).isEqualTo("challenge.notFound");
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("challenge.notFound");
        signIn.as(amina);
        assertThat(lifecycle.mine()).extracting(Challenge::id).containsExactly(seven.id());
        assertThat(refusal(() -> lifecycle.get(seven.id() + 1000))).isEqualTo("challenge.notFound");
        AccountSummary other = fixture.teacher("other");
        signIn.as(other);
        assertThat(refusal(() -> lifecycle.close(seven.id()))).isEqualTo("challenge.notFound");
        assertThat(refusal(() -> lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.VARIED, 0, 0, 0,
                0, 0, false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 5, false))).isEqualTo("challenge.classUnknown");
        signIn.as(rivka);
        assertThat(refusal(() -> lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 12, 80, 0,
                0, 0, false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 5, false))).isEqualTo("challenge.settings.digit");
        assertThat(refusal(() -> lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.VARIED, 0, 0, 0,
                0, 0, false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 100_000, false)))
                .isEqualTo("challenge.settings.minutes");
        assertThat(refusal(() -> lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.VARIED, 0, 0, 0,
                0, 0, false, 0, 0), "run:" + java.util.UUID.randomUUID(), KeepPolicy.BEST, 5, false)))
                .isEqualTo("challenge.settings.model");
    }

    @Test
    void aStudentIsRefusedEveryTeachersActionByHerRoleEvenOnHerOwnClasssChallenge() {
        Challenge seven = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        assertThat(lifecycle.runs(seven.id())).isFalse();
        ChallengeSettings settings = new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0, false, 0, 0);
        for (Runnable teachersAction : List.<Runnable>of(
                () -> lifecycle.create(year11.id(), settings, "shipped:vae-2d", KeepPolicy.BEST, 5, false),
                () -> lifecycle.pause(seven.id()), () -> lifecycle.resume(seven.id()),
                () -> lifecycle.close(seven.id()), () -> lifecycle.reveal(seven.id()), () -> export.csv(seven.id()))) {
            assertThatThrownBy(teachersAction::run).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(lifecycle.get(seven.id()).state()).isEqualTo(ChallengeState.OPEN);
    }

    @Test
    void theTeacherRunsHerChallengeButNeitherSubmitsNorVotesAndAnAdminRunsEveryChallenge() {
        signIn.as(rivka);
        Challenge seven = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 10, true);
        assertThat(lifecycle.runs(seven.id())).isTrue();
        assertThat(refusal(() -> submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion())))
                .isEqualTo("challenge.teachersDoNotSubmit");
        signIn.as(amina);
        Submission aminas = submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());

        signIn.as(fixture.account("admin"));
        assertThat(lifecycle.runs(seven.id())).isTrue();
        assertThat(lifecycle.close(seven.id()).state()).isEqualTo(ChallengeState.CLOSED);
        assertThat(refusal(() -> votes.vote(seven.id(), aminas.id()))).isEqualTo("challenge.vote.teachers");
        assertThat(leaderboard.leaderboard(seven.id())).extracting(e -> e.counted().id()).containsExactly(aminas.id());
        assertThat(export.csv(seven.id())).contains("\"Student amina\"");
    }
}
