package org.latentlab.quiz.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one question over the counted attempts, Moodle's definitions (see {@link ItemAnalysis}).
 *
 * @param attempts                 number of attempts analysed
 * @param facilityIndex            mean score as % of the question's max points
 * @param standardDeviation        sample standard deviation of the score, as % of the max points (0 with fewer than
 *                                 2 attempts, where Moodle shows nothing)
 * @param discriminationIndex      100 x Pearson correlation of the item's score with the rest of the test; null
 *                                 with fewer than 2 attempts or when either has zero variance
 * @param discriminativeEfficiency 100 x the covariance with the rest of the test divided by the largest covariance
 *                                 the same two score distributions could have; null when that maximum is 0
 * @param optionShares             option id -> share of attempts that chose it (0..1), in option order; empty for
 *                                 non-choice questions
 * @param flags                    warnings, in the order of {@link Flag}
 */
public record ItemStatistics(String questionId, int attempts, double facilityIndex, double standardDeviation,
        Double discriminationIndex, Double discriminativeEfficiency, Map<String, Double> optionShares,
        List<Flag> flags) {

    public ItemStatistics {
        optionShares = optionShares == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(optionShares));
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** Something about a question worth a teacher's look. The UI translates by {@link #name()}. */
    public enum Flag {
        NEGATIVE_DISCRIMINATION("Stronger students (by the rest of the quiz) do worse on this question than weaker"
                + " ones. Check the answer key and the wording."),
        LOW_DISCRIMINATION("This question hardly separates stronger from weaker students (discrimination index"
                + " below 20%)."),
        TOO_EASY("Almost everyone gets this question right (facility above 95%), so it tells little apart."),
        TOO_HARD("Almost nobody gets this question right (facility below 5%). Check the key, or whether it was"
                + " taught."),
        DISTRACTOR_NEVER_CHOSEN("A wrong option was never chosen, so it does not work as a distractor."),
        WRONG_OPTION_MORE_POPULAR("A wrong option was chosen more often than the most chosen correct option."
                + " Check the key, or a misconception.");

        private final String explanation;

        Flag(String explanation) {
            this.explanation = explanation;
        }

        /** An English explanation, for logs and as the source text of the translation. */
        public String explanation() {
            return explanation;
        }
    }
}
