package org.latentlab.quiz.stats;

import java.util.Map;
import java.util.Set;

/**
 * One counted attempt: per question id the score as a fraction of that question's max points (normally 0..1), and
 * for choice questions the ids of the options chosen. A question missing from {@code fractions} scored 0 (Moodle
 * treats an unanswered question as 0 and keeps the attempt); a choice question missing from {@code chosenOptions}
 * had nothing chosen. Null maps mean empty.
 */
public record AttemptResult(long attemptId, Map<String, Double> fractions, Map<String, Set<String>> chosenOptions) {

    public AttemptResult {
        fractions = fractions == null ? Map.of() : Map.copyOf(fractions);
        chosenOptions = chosenOptions == null ? Map.of() : Map.copyOf(chosenOptions);
        for (var entry : fractions.entrySet()) {
            if (!Double.isFinite(entry.getValue())) {
                throw new IllegalArgumentException(
                        "Attempt " + attemptId + ": fraction of " + entry.getKey() + " is " + entry.getValue());
            }
        }
    }

    /** The fraction scored on the question, 0 when it is missing. */
    public double fraction(String questionId) {
        return fractions.getOrDefault(questionId, 0.0);
    }

    /** The options chosen on the question, empty when none. */
    public Set<String> chosen(String questionId) {
        Set<String> chosen = chosenOptions.get(questionId);
        return chosen == null ? Set.of() : chosen;
    }
}
