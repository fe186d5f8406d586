package org.latentlab.quiz.stats;

import java.util.List;

/**
 * Quiz-level statistics over the counted attempts, all scores as % of the quiz's max total.
 *
 * @param attempts                 number of attempts analysed
 * @param meanScorePercent         mean total
 * @param medianScorePercent       median total (mean of the two middle ones for an even count)
 * @param standardDeviationPercent sample standard deviation of the totals (0 with fewer than 2 attempts)
 * @param cronbachAlpha            Cronbach's alpha as a coefficient (at most 1; Moodle shows 100 x this as the
 *                                 "coefficient of internal consistency"); null, as in Moodle, with fewer than 3
 *                                 attempts, fewer than 2 questions or totals of zero variance
 * @param items                    per question, in the order the questions were given
 */
public record QuizStatistics(int attempts, double meanScorePercent, double medianScorePercent,
        double standardDeviationPercent, Double cronbachAlpha, List<ItemStatistics> items) {

    public QuizStatistics {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
