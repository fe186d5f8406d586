package org.latentlab.quiz;

/**
 * How a quiz may be taken: at most {@code maxAttempts} attempts (null: unlimited), which attempt counts, an optional
 * time limit enforced on the server, and whether options are shuffled (per attempt, the shuffle stored with it).
 */
public record QuizPolicy(Integer maxAttempts, CountedAttempt counts, Integer timeLimitMinutes,
        boolean shuffleOptions) {

    public enum CountedAttempt {
        BEST, LAST, FIRST
    }

    public static QuizPolicy defaults() {
        return new QuizPolicy(null, CountedAttempt.BEST, null, true);
    }
}
