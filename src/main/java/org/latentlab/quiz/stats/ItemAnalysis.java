package org.latentlab.quiz.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Item analysis of quiz attempts, computed as Moodle's quiz statistics report does. Sources: MoodleDocs (developer
 * docs), "Quiz statistics calculations", https://docs.moodle.org/dev/Quiz_statistics_calculations, and the code
 * that implements it, {@code question/classes/statistics/questions/calculator.php} (item statistics) and
 * {@code mod/quiz/report/statistics/classes/calculator.php} (test statistics) in moodle/moodle.
 *
 * <p>Notation: {@code s} attempts; {@code x} an item's mark in points ({@code fraction x maxPoints}), {@code T} the
 * attempt's total (sum of the item marks) and {@code R = T - x} the rest of the test. V is the sample variance and C
 * the sample covariance, both dividing by {@code s - 1} as Moodle does.
 * <ul>
 * <li>Facility index {@code F = 100 mean(x) / maxPoints}.
 * <li>Standard deviation {@code SD = 100 sqrt(V(x)) / maxPoints}.
 * <li>Discrimination index {@code D = 100 C(x, R) / sqrt(V(x) V(R))}: the Pearson correlation with the rest of the
 * test; undefined (null) when {@code s < 2} or {@code V(x) V(R) = 0}.
 * <li>Discriminative efficiency {@code DE = 100 C(x, R) / Cmax(x, R)}, where {@code Cmax} is the covariance of the
 * two lists after sorting each of them on its own: the largest covariance those two score distributions allow.
 * Undefined (null) when {@code Cmax = 0}.
 * <li>Test: mean, median (mean of the middle two for an even count) and {@code SD = sqrt(V(T))}, here as % of the
 * max total; coefficient of internal consistency {@code CIC = 100 P / (P - 1) (1 - sum V(x_i) / V(T))} for
 * {@code P} questions, which is Cronbach's alpha x 100. Moodle computes it only with at least 3 attempts, and so
 * does this class; it is also undefined for fewer than 2 questions or {@code V(T) = 0}.
 * </ul>
 * A question missing from an attempt's fractions counts as 0 points, as Moodle scores an unanswered question. The
 * flags and option shares are ours (Moodle's report has a separate response analysis); their thresholds are in
 * {@link ItemStatistics.Flag} and the constants below.
 */
public final class ItemAnalysis {

    /** Below this discrimination index (%), a question with enough attempts is flagged as discriminating little. */
    public static final double LOW_DISCRIMINATION_BELOW = 20;
    /** The fewest attempts for which a low discrimination index is flagged. */
    public static final int LOW_DISCRIMINATION_MIN_ATTEMPTS = 5;
    /** Above this facility (%), a question is too easy. */
    public static final double TOO_EASY_ABOVE = 95;
    /** Below this facility (%), a question is too hard. */
    public static final double TOO_HARD_BELOW = 5;
    /** The fewest attempts for which a never-chosen distractor is flagged. */
    public static final int UNUSED_DISTRACTOR_MIN_ATTEMPTS = 10;

    private ItemAnalysis() {
    }

    /**
     * Analyses the counted attempts (which ones count is the caller's choice; Moodle's default is each student's
     * first attempt) of a quiz made of {@code items}. Scores for question ids not among the items are ignored.
     */
    public static QuizStatistics analyze(List<ItemInfo> items, Collection<AttemptResult> attempts) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(attempts, "attempts");
        Set<String> ids = new HashSet<>();
        for (ItemInfo item : items) {
            if (!ids.add(item.questionId())) {
                throw new IllegalArgumentException("Question " + item.questionId() + " is listed twice");
            }
        }
        List<AttemptResult> counted = List.copyOf(attempts);
        int s = counted.size();
        int p = items.size();

        // marks[i][a]: points of item i in attempt a; totals[a]: the attempt's total.
        double[][] marks = new double[p][s];
        double[] totals = new double[s];
        for (int i = 0; i < p; i++) {
            ItemInfo item = items.get(i);
            for (int a = 0; a < s; a++) {
                marks[i][a] = counted.get(a).fraction(item.questionId()) * item.maxPoints();
                totals[a] += marks[i][a];
            }
        }

        List<ItemStatistics> itemStats = new ArrayList<>(p);
        double sumOfItemVariances = 0;
        for (int i = 0; i < p; i++) {
            // Summed from the other items rather than as total minus this item, so that a constant rest of the
            // test stays exactly constant despite rounding.
            double[] rest = new double[s];
            for (int j = 0; j < p; j++) {
                if (j != i) {
                    for (int a = 0; a < s; a++) {
                        rest[a] += marks[j][a];
                    }
                }
            }
            itemStats.add(item(items.get(i), counted, marks[i], rest));
            sumOfItemVariances += variance(marks[i]);
        }

        double maxTotal = items.stream().mapToDouble(ItemInfo::maxPoints).sum();
        double totalVariance = variance(totals);
        Double alpha = null;
        if (s > 2 && p > 1 && !isConstant(totals)) {
            alpha = (double) p / (p - 1) * (1 - sumOfItemVariances / totalVariance);
        }
        return new QuizStatistics(s, percentOf(mean(totals), maxTotal), percentOf(median(totals), maxTotal),
                percentOf(Math.sqrt(totalVariance), maxTotal), alpha, itemStats);
    }

    private static ItemStatistics item(ItemInfo item, List<AttemptResult> attempts, double[] marks, double[] rest) {
        int s = marks.length;
        double facility = percentOf(mean(marks), item.maxPoints());
        double markVariance = variance(marks);
        double sd = percentOf(Math.sqrt(markVariance), item.maxPoints());

        // V(x) V(R) = 0 exactly when either list is constant, and so is Cmax (sorted, the two lists rise together,
        // so their covariance is positive unless one of them does not vary). Testing that directly keeps rounding
        // noise in the variances from producing an index out of nothing.
        Double discrimination = null;
        Double efficiency = null;
        if (s > 1 && !isConstant(marks) && !isConstant(rest)) {
            double covariance = covariance(marks, rest);
            discrimination = 100 * covariance / Math.sqrt(markVariance * variance(rest));
            double[] sortedMarks = marks.clone();
            double[] sortedRest = rest.clone();
            Arrays.sort(sortedMarks);
            Arrays.sort(sortedRest);
            efficiency = 100 * covariance / covariance(sortedMarks, sortedRest);
        }

        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String option : item.optionIds()) {
            counts.put(option, 0);
        }
        for (AttemptResult attempt : attempts) {
            for (String option : attempt.chosen(item.questionId())) {
                counts.computeIfPresent(option, (o, n) -> n + 1);
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.forEach((option, n) -> shares.put(option, s == 0 ? 0.0 : (double) n / s));

        return new ItemStatistics(item.questionId(), s, facility, sd, discrimination, efficiency, shares,
                flags(item, s, facility, discrimination, counts));
    }

    private static List<ItemStatistics.Flag> flags(ItemInfo item, int s, double facility, Double discrimination,
            Map<String, Integer> counts) {
        Set<ItemStatistics.Flag> flags = EnumSet.noneOf(ItemStatistics.Flag.class);
        if (s == 0) {
            return List.of();
        }
        if (discrimination != null && discrimination < 0) {
            flags.add(ItemStatistics.Flag.NEGATIVE_DISCRIMINATION);
        }
        if (discrimination != null && discrimination >= 0 && discrimination < LOW_DISCRIMINATION_BELOW
                && s >= LOW_DISCRIMINATION_MIN_ATTEMPTS) {
            flags.add(ItemStatistics.Flag.LOW_DISCRIMINATION);
        }
        if (facility > TOO_EASY_ABOVE) {
            flags.add(ItemStatistics.Flag.TOO_EASY);
        }
        if (facility < TOO_HARD_BELOW) {
            flags.add(ItemStatistics.Flag.TOO_HARD);
        }
        if (item.isChoice()) {
            int bestCorrect = 0;
            int mostPopularWrong = 0;
            boolean unusedWrong = false;
            for (var entry : counts.entrySet()) {
                if (item.correctOptionIds().contains(entry.getKey())) {
                    bestCorrect = Math.max(bestCorrect, entry.getValue());
                } else {
                    mostPopularWrong = Math.max(mostPopularWrong, entry.getValue());
                    unusedWrong |= entry.getValue() == 0;
                }
            }
            if (unusedWrong && s >= UNUSED_DISTRACTOR_MIN_ATTEMPTS) {
                flags.add(ItemStatistics.Flag.DISTRACTOR_NEVER_CHOSEN);
            }
            // Without a correct option (e.g. a survey question) there is no key to compare with.
            if (!item.correctOptionIds().isEmpty() && mostPopularWrong > bestCorrect) {
                flags.add(ItemStatistics.Flag.WRONG_OPTION_MORE_POPULAR);
            }
        }
        return List.copyOf(flags);
    }

    private static double percentOf(double value, double max) {
        return 100 * value / max;
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Sample variance (divides by n - 1); 0 for fewer than 2 values or equal values. */
    private static double variance(double[] values) {
        return isConstant(values) ? 0 : covariance(values, values);
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    /** Sample covariance (divides by n - 1); 0 for fewer than 2 values. */
    private static double covariance(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double meanX = mean(x);
        double meanY = mean(y);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += (x[k] - meanX) * (y[k] - meanY);
        }
        return sum / (n - 1);
    }
}
