package org.latentlab.challenge;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** A challenge's results for its teacher to keep: the leaderboard as CSV. */
@Service
public class ChallengeExport {

    private final ChallengeAccess access;
    private final ChallengeLeaderboard leaderboard;

    ChallengeExport(ChallengeAccess access, ChallengeLeaderboard leaderboard) {
        this.access = access;
        this.leaderboard = leaderboard;
    }

    /** The leaderboard as CSV (UTF-8, one line per student), for the teacher. */
    @PreAuthorize("hasRole('TEACHER')")
    public String csv(long id) {
        access.managed(id);
        StringBuilder csv = new StringBuilder("rank,student,score,submitted_at,submissions,votes,vectors\n");
        for (LeaderboardEntry entry : leaderboard.leaderboard(id)) {
            Submission s = entry.counted();
            csv.append(entry.rank()).append(',').append(quoted(s.studentName())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", s.score())).append(',').append(s.submittedAt())
                    .append(',').append(entry.submissions()).append(',').append(entry.votes()).append(',')
                    .append(quoted(vectors(s.vectors()))).append('\n');
        }
        return csv.toString();
    }

    private static String vectors(List<float[]> vectors) {
        StringBuilder text = new StringBuilder();
        for (float[] vector : vectors) {
            text.append(text.isEmpty() ? "" : " | ");
            for (int d = 0; d < vector.length; d++) {
                text.append(d == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", vector[d]));
            }
        }
        return text.toString();
    }

    /** Quotes a field; a leading = + - @ is defused so that a spreadsheet never runs a name as a formula. */
    static String quoted(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
