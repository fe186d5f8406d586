package org.latentlab.challenge;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.classroom.AccountSummary;

/**
 * The class vote: between the close and the reveal, one vote per student for a classmate's counted answer, also
 * when many vote at once.
 */
class ChallengeVotesTest extends ChallengeClassroom {

    @Test
    void theClassVotesBetweenTheCloseAndTheRevealForAClassmatesCountedAnswerOnly() {
        AccountSummary dewi = fixture.student("dewi");
        signIn.as(dewi);
        classrooms.join(year11.joinCode());
        signIn.as(rivka);
        Challenge seven = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 10, true);
        assertThat(seven.classVote()).isTrue();
        signIn.as(amina);
        Submission aminaBest = submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion());
        Submission aminaPoor = submissions.submit(seven.id(), List.of(codeOf(1)), seven.modelVersion());
        signIn.as(budi);
        Submission budis = submissions.submit(seven.id(), List.of(codeOf(2)), seven.modelVersion());
        // Not before the close.
        assertThat(refusal(() -> votes.vote(seven.id(), aminaBest.id()))).isEqualTo("challenge.vote.notYet");

        signIn.as(rivka);
        lifecycle.close(seven.id());
        assertThat(refusal(() -> votes.vote(seven.id(), aminaBest.id()))).isEqualTo("challenge.vote.teachers");

        signIn.as(amina);
        Ballot ballot = votes.ballot(seven.id());
        assertThat(ballot.open()).isTrue();
        assertThat(ballot.tallyShown()).isFalse();
        assertThat(ballot.entries()).extracting(Ballot.Entry::submissionId)
                .containsExactlyInAnyOrder(aminaBest.id(), budis.id());
        assertThat(ballot.entries()).extracting(Ballot.Entry::number).containsExactly(1, 2);
        assertThat(ballot.entries()).allSatisfy(e -> {
            assertThat(e.studentName()).isEmpty();
            assertThat(e.mine()).isEqualTo(e.submissionId() == aminaBest.id());
        });
        assertThat(refusal(() -> votes.vote(seven.id(), aminaBest.id()))).isEqualTo("challenge.vote.own");
        // Only counted answers of this challenge are on the ballot.
        assertThat(refusal(() -> votes.vote(seven.id(), aminaPoor.id()))).isEqualTo("challenge.vote.unknown");
        assertThat(refusal(() -> votes.vote(seven.id(), 987_654L))).isEqualTo("challenge.vote.unknown");
        votes.vote(seven.id(), budis.id());
        assertThat(votes.ballot(seven.id()).myVote()).contains(budis.id());

        // Dewi changes her mind: one vote per student.
        signIn.as(dewi);
        votes.vote(seven.id(), budis.id());
        votes.vote(seven.id(), aminaBest.id());
        signIn.as(budi);
        votes.vote(seven.id(), aminaBest.id());
        signIn.as(carol);
        assertThat(refusal(() -> votes.ballot(seven.id()))).isEqualTo("challenge.notFound");
        assertThat(refusal(() -> votes.vote(seven.id(), budis.id()))).isEqualTo("challenge.notFound");

        signIn.as(rivka);
        Ballot tally = votes.ballot(seven.id());
        assertThat(tally.tallyShown()).isTrue();
        assertThat(tally.votesCast()).isEqualTo(3);
        assertThat(tally.entries()).extracting(Ballot.Entry::studentName, Ballot.Entry::votes)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Student amina", 2),
                        org.assertj.core.groups.Tuple.tuple("Student budi", 1));
        lifecycle.reveal(seven.id());
        assertThat(export.csv(seven.id())).startsWith("rank,student,score,submitted_at,submissions,votes,")
                .contains(",2,\"");

        signIn.as(budi);
        assertThat(refusal(() -> votes.vote(seven.id(), budis.id()))).isEqualTo("challenge.vote.over");
        assertThat(leaderboard.leaderboard(seven.id())).extracting(e -> e.counted().studentName(),
                LeaderboardEntry::votes).containsExactly(org.assertj.core.groups.Tuple.tuple("Student amina", 2),
                        org.assertj.core.groups.Tuple.tuple("Student budi", 1));
        assertThat(votes.ballot(seven.id()).tallyShown()).isTrue();

        // A challenge without a vote has no ballot.
        Challenge plain = open(ChallengeKind.DIGIT, KeepPolicy.BEST);
        signIn.as(amina);
        assertThat(refusal(() -> votes.ballot(plain.id()))).isEqualTo("challenge.vote.none");
        assertThat(refusal(() -> votes.vote(plain.id(), budis.id()))).isEqualTo("challenge.vote.none");
    }

    @Test
    void manyStudentsVotingAndChangingTheirVotesAtOnceHoldOneVoteEachAndTheTallyIsRight() throws Exception {
        signIn.as(rivka);
        Challenge seven = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 10, true);
        // Four students answer; forty vote, each for a classmate's answer, changing their mind twice.
        List<AccountSummary> authors = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AccountSummary author = quickMember("author" + i);
            signIn.as(author);
            answers.add(submissions.submit(seven.id(), List.of(codeOf(i)), seven.modelVersion()).id());
            authors.add(author);
        }
        List<AccountSummary> voters = new ArrayList<>(authors);
        for (int i = 0; i < 36; i++) {
            voters.add(quickMember("voter" + i));
        }
        signIn.as(rivka);
        lifecycle.close(seven.id());

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
                            votes.vote(seven.id(), choice);
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
            Ballot tally = votes.ballot(seven.id());
            assertThat(tally.votesCast()).isEqualTo(voters.size());
            Map<Long, Integer> counted = new HashMap<>();
            tally.entries().forEach(e -> counted.put(e.submissionId(), e.votes()));
            for (long answer : answers) {
                assertThat(counted.get(answer)).as("votes for %d", answer).isEqualTo(expected.getOrDefault(answer, 0));
            }
            for (int v = 0; v < voters.size(); v++) {
                signIn.as(voters.get(v));
                assertThat(votes.ballot(seven.id()).myVote()).contains(finalChoices.get(v).get());
            }
        }
    }

    @Test
    void aVoteRacingTheRevealIsEitherCountedBeforeItOrRefused() throws Exception {
        signIn.as(rivka);
        Challenge seven = lifecycle.create(year11.id(), new ChallengeSettings(ChallengeKind.DIGIT, 7, 80, 0, 0, 0,
                false, 0, 0), "shipped:vae-2d", KeepPolicy.BEST, 10, true);
        signIn.as(amina);
        long answer = submissions.submit(seven.id(), List.of(codeOf(7)), seven.modelVersion()).id();
        List<AccountSummary> voters = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            voters.add(quickMember("voter" + i));
        }
        signIn.as(rivka);
        lifecycle.close(seven.id());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        long counted = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(31)) {
            for (AccountSummary voter : voters) {
                outcomes.add(threads.submit(() -> {
                    signIn.as(voter);
                    try {
                        go.await();
                        votes.vote(seven.id(), answer);
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
                    return lifecycle.reveal(seven.id());
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
            assertThat(votes.ballot(seven.id()).votesCast()).isEqualTo(counted);
        }
        signIn.as(amina);
        assertThat(leaderboard.leaderboard(seven.id()).getFirst().votes()).isEqualTo(counted);
    }
}
