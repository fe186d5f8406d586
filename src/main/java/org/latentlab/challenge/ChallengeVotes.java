package org.latentlab.challenge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.latentlab.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A challenge's class vote, when it has one: from the close to the reveal the students vote for a classmate's
 * counted answer (names hidden), one vote each, which they may change; the teacher watches the tally.
 */
@Service
public class ChallengeVotes {

    private final ChallengeRecords records;
    private final ChallengeAccess access;
    private final ChallengeLeaderboard leaderboard;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChallengeVotes(ChallengeRecords records, ChallengeAccess access, ChallengeLeaderboard leaderboard, Clock clock,
            ApplicationEventPublisher events) {
        this.records = records;
        this.access = access;
        this.leaderboard = leaderboard;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The class vote as the viewer may see it: its teacher sees names and the running tally; a student sees the
     * answers numbered and without names (their own marked), and the tally only after the reveal.
     */
    public Ballot ballot(long id) {
        Challenge challenge = access.readable(id);
        if (!challenge.classVote()) {
            throw new InvalidInputException("challenge", "challenge.vote.none");
        }
        boolean manager = access.manages(challenge);
        long viewer = access.user().userId();
        boolean tallyShown = manager || challenge.revealed();
        Map<Long, Integer> votes = records.voteCounts(id);
        List<Submission> answers = new ArrayList<>(answers(challenge));
        // Numbered in an order that says nothing about score, time or name, and is the same on every page.
        answers.sort(Comparator.comparingLong(s -> ballotOrder(id, s.id())));
        List<Ballot.Entry> entries = new ArrayList<>();
        for (Submission answer : answers) {
            entries.add(new Ballot.Entry(answer.id(), entries.size() + 1, answer.vectors(),
                    answer.studentId() == viewer, tallyShown ? answer.studentName() : "",
                    tallyShown ? votes.getOrDefault(answer.id(), 0) : 0));
        }
        int cast = votes.values().stream().mapToInt(Integer::intValue).sum();
        return new Ballot(challenge.votingOpen(), entries, manager ? Optional.empty() : records.voteOf(id, viewer),
                cast, tallyShown);
    }

    private static long ballotOrder(long challengeId, long submissionId) {
        long mixed = (submissionId + challengeId * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        return mixed ^ (mixed >>> 31);
    }

    /**
     * A student's vote for a classmate's counted answer, taken between the close and the reveal; a new vote
     * replaces the old one. Refused for the teacher, one's own answer, and any answer not on the ballot.
     */
    public void vote(long id, long submissionId) {
        Challenge challenge = access.readable(id);
        if (!challenge.classVote()) {
            throw new InvalidInputException("challenge", "challenge.vote.none");
        }
        if (access.manages(challenge)) {
            throw new InvalidInputException("challenge", "challenge.vote.teachers");
        }
        if (!challenge.votingOpen()) {
            throw new InvalidInputException("challenge",
                    challenge.revealed() ? "challenge.vote.over" : "challenge.vote.notYet");
        }
        long voter = access.user().userId();
        Submission answer = answers(challenge).stream().filter(s -> s.id() == submissionId).findFirst()
                .orElseThrow(() -> new InvalidInputException("submission", "challenge.vote.unknown"));
        if (answer.studentId() == voter) {
            throw new InvalidInputException("submission", "challenge.vote.own");
        }
        if (!records.vote(id, voter, submissionId, clock.instant())) {
            // The teacher revealed the results a moment ago.
            throw new InvalidInputException("challenge", "challenge.vote.over");
        }
        events.publishEvent(new ChallengeChanged(id));
    }

    /** The answers on the ballot: each student's counted one. */
    private List<Submission> answers(Challenge challenge) {
        return leaderboard.counted(challenge).stream().map(ChallengeLeaderboard.Counted::submission).toList();
    }
}
