package org.latentlab.quiz;

import java.time.Instant;

/** One attempt at a glance. {@code score} is null until it is submitted. */
public record AttemptSummary(long attemptId, String quizId, long versionId, long studentId, int number,
        AttemptState state, Instant startedAt, Instant deadline, Instant submittedAt, Double score,
        double maxScore) {

    public boolean submitted() {
        return state == AttemptState.SUBMITTED;
    }

    public double percent() {
        return score == null || maxScore == 0 ? 0 : 100.0 * score / maxScore;
    }
}
