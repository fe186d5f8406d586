package org.latentlab.quiz;

import java.util.List;

/** A submitted attempt with everything a student learns from it: score, the right answers and explanations. */
public record AttemptOutcome(AttemptSummary attempt, String title, String lesson, List<QuestionOutcome> questions) {

    /**
     * One question's outcome. {@code given} and {@code right} are readable texts in the attempt's language (for
     * true/false questions "true" or "false", for the page to translate);
     * {@code section} is where the lesson explains it (to link to when the answer was wrong).
     */
    public record QuestionOutcome(String questionId, QuestionType type, String text, double points, double maxPoints,
            String given, String right, String explanation, String feedback, String section) {

        public boolean fullyRight() {
            return points >= maxPoints - 1e-9;
        }
    }
}
