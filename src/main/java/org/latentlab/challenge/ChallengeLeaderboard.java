package org.latentlab.challenge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.latentlab.base.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Which submission counts for each student (their best or their last, as the challenge says) and their ranking: the
 * teacher watches it fill while the challenge runs, the students see it once it is revealed. The ballot of a class
 * vote ({@link ChallengeVotes}) lists the same counted answers.
 */
@Service
public class ChallengeLeaderboard {

    private final ChallengeRecords records;
    private final ChallengeAccess access;
    private final ChallengeNames names;

    ChallengeLeaderboard(ChallengeRecords records, ChallengeAccess access, ChallengeNames names) {
        this.records = records;
        this.access = access;
        this.names = names;
    }

    /** One line per student: their best or last submission, ranked by score (earlier first on equal scores). */
    public List<LeaderboardEntry> leaderboard(long id) {
        Challenge challenge = access.readable(id);
        if (!access.manages(challenge) && !challenge.revealed()) {
            throw new InvalidInputException("challenge", "challenge.notRevealed");
        }
        Map<Long, Integer> votes = challenge.classVote() ? records.voteCounts(id) : Map.of();
        List<LeaderboardEntry> board = new ArrayList<>();
        for (Counted counted : counted(challenge)) {
            board.add(new LeaderboardEntry(board.size() + 1, counted.submission(), counted.submissions(),
                    votes.getOrDefault(counted.submission().id(), 0)));
        }
        return board;
    }

    /** A student's counted submission and how many they made. */
    record Counted(Submission submission, int submissions) {
    }

    /**
     * Each student's counted submission (best or last) with their number of submissions, best score first; for a
     * challenge the caller has checked the viewer may see.
     */
    List<Counted> counted(Challenge challenge) {
        Map<Long, List<Submission>> byStudent = new LinkedHashMap<>();
        for (Submission submission : names.withStudentNames(records.submissions(challenge.id()))) {
            byStudent.computeIfAbsent(submission.studentId(), s -> new ArrayList<>()).add(submission);
        }
        Comparator<Submission> best = Comparator.comparingDouble(Submission::score)
                .thenComparing(Submission::submittedAt, Comparator.reverseOrder())
                .thenComparing(Submission::id, Comparator.reverseOrder());
        List<Counted> counted = new ArrayList<>();
        for (List<Submission> own : byStudent.values()) {
            counted.add(new Counted(challenge.keep() == KeepPolicy.LAST ? own.getLast()
                    : own.stream().max(best).orElseThrow(), own.size()));
        }
        counted.sort(Comparator.comparing((Counted c) -> c.submission().score()).reversed()
                .thenComparing(c -> c.submission().submittedAt()).thenComparing(c -> c.submission().id()));
        return counted;
    }
}
