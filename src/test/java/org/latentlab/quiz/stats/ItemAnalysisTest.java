package org.latentlab.quiz.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.latentlab.quiz.stats.ItemStatistics.Flag;

class ItemAnalysisTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private static final ItemInfo Q1 = new ItemInfo("q1", 1, List.of("a", "b", "c", "d"), Set.of("a"));
    private static final ItemInfo Q2 = ItemInfo.of("q2", 2);
    private static final ItemInfo Q3 = ItemInfo.of("q3", 1);

    /**
     * The hand-computed example: 5 attempts x 3 questions, q1 a 1-point single choice (key a), q2 worth 2 points
     * (partial credit), q3 worth 1 point. Marks in points and totals (max total 4):
     *
     * <pre>
     * attempt  q1 (chose)  q2   q3   total
     *   1      1  (a)      2    1    4
     *   2      1  (a)      1    0    2
     *   3      0  (b)      2    1    3
     *   4      1  (a)      0    1    2
     *   5      0  (c)      0    0    0
     * </pre>
     *
     * Test: mean 11/5 = 2.2 -> 55%; sorted totals 0 2 2 3 4, median 2 -> 50%; deviations 1.8 -0.2 0.8 -0.2 -2.2,
     * squares sum 8.8, V(T) = 8.8/4 = 2.2, SD = sqrt(2.2) = 1.4832 -> 37.08%.
     *
     * <p>q1: x = 1 1 0 1 0, mean 0.6 -> F 60%; squares .16 .16 .36 .16 .36 = 1.2, V = 0.3, SD = sqrt(0.3) = 54.77%.
     * Rest R = 3 1 3 1 0, mean 1.6, deviations 1.4 -0.6 1.4 -0.6 -1.6, squares sum 7.2, V(R) = 1.8. Products of
     * deviations .56 -.24 -.84 -.24 .96 = 0.2, C = 0.05. D = 100 x 0.05 / sqrt(0.3 x 1.8) = 6.80%. Sorted: x 0 0 1 1 1
     * (dev -.6 -.6 .4 .4 .4), R 0 1 1 3 3 (dev -1.6 -.6 -.6 1.4 1.4), products .96 .36 -.24 .56 .56 = 2.2, Cmax =
     * 0.55, DE = 100 x 0.05 / 0.55 = 9.09%. 5 attempts and 0 <= D < 20: LOW_DISCRIMINATION.
     *
     * <p>q2: x = 2 1 2 0 0, mean 1 -> F 50%; deviations 1 0 1 -1 -1, V = 4/4 = 1, SD = 100 x 1/2 = 50%. R = 2 1 1 2 0,
     * mean 1.2, deviations .8 -.2 -.2 .8 -1.2, squares sum 2.8, V(R) = 0.7. Products .8 0 -.2 -.8 1.2 = 1.0, C = 0.25.
     * D = 100 x 0.25 / sqrt(1 x 0.7) = 29.88%. Sorted: x 0 0 1 2 2 (dev -1 -1 0 1 1), R 0 1 1 2 2 (dev -1.2 -.2 -.2 .8
     * .8), products 1.2 .2 0 .8 .8 = 3.0, Cmax = 0.75, DE = 33.33%.
     *
     * <p>q3: x = 1 0 1 1 0, mean 0.6 -> F 60%, V = 0.3, SD 54.77%. R = 3 2 2 1 0, mean 1.6, deviations 1.4 .4 .4 -.6
     * -1.6, squares sum 5.2, V(R) = 1.3. Products .56 -.24 .16 -.24 .96 = 1.2, C = 0.3. D = 100 x 0.3 / sqrt(0.3 x
     * 1.3) = 48.04%. Sorted: x 0 0 1 1 1, R 0 1 2 2 3 (dev -1.6 -.6 .4 .4 1.4), products .96 .36 .16 .16 .56 = 2.2,
     * Cmax = 0.55, DE = 100 x 0.3 / 0.55 = 54.55%.
     *
     * <p>Cronbach's alpha: P = 3, sum of item variances 0.3 + 1 + 0.3 = 1.6, alpha = 3/2 x (1 - 1.6/2.2) = 0.4091.
     *
     * <p>Option shares of q1: a 3/5, b 1/5, c 1/5, d 0.
     */
    @Nested
    class AHandComputedExample {

        private final QuizStatistics stats = ItemAnalysis.analyze(List.of(Q1, Q2, Q3), List.of(
                attempt(1, Map.of("q1", 1.0, "q2", 1.0, "q3", 1.0), Map.of("q1", Set.of("a"))),
                attempt(2, Map.of("q1", 1.0, "q2", 0.5, "q3", 0.0), Map.of("q1", Set.of("a"))),
                attempt(3, Map.of("q1", 0.0, "q2", 1.0, "q3", 1.0), Map.of("q1", Set.of("b"))),
                attempt(4, Map.of("q1", 1.0, "q2", 0.0, "q3", 1.0), Map.of("q1", Set.of("a"))),
                attempt(5, Map.of("q1", 0.0, "q2", 0.0, "q3", 0.0), Map.of("q1", Set.of("c")))));

        @Test
        void theQuizMeanMedianAndStandardDeviationArePercentOfTheMaxTotal() {
            assertThat(stats.attempts()).isEqualTo(5);
            assertThat(stats.meanScorePercent()).isCloseTo(55, EXACT);
            assertThat(stats.medianScorePercent()).isCloseTo(50, EXACT);
            assertThat(stats.standardDeviationPercent()).isCloseTo(100 * Math.sqrt(2.2) / 4, EXACT)
                    .isCloseTo(37.08, within(0.01));
        }

        @Test
        void cronbachsAlphaComparesTheItemVariancesWithTheTotalVariance() {
            assertThat(stats.cronbachAlpha()).isCloseTo(1.5 * (1 - 1.6 / 2.2), EXACT).isCloseTo(0.4091, within(1e-4));
        }

        @Test
        void theItemsComeInTheOrderGiven() {
            assertThat(stats.items()).extracting(ItemStatistics::questionId).containsExactly("q1", "q2", "q3");
            assertThat(stats.items()).extracting(ItemStatistics::attempts).containsOnly(5);
        }

        @Test
        void aChoiceQuestionThatHardlyDiscriminates() {
            ItemStatistics q1 = stats.items().get(0);
            assertThat(q1.facilityIndex()).isCloseTo(60, EXACT);
            assertThat(q1.standardDeviation()).isCloseTo(100 * Math.sqrt(0.3), EXACT).isCloseTo(54.77, within(0.01));
            assertThat(q1.discriminationIndex()).isCloseTo(100 * 0.05 / Math.sqrt(0.3 * 1.8), EXACT)
                    .isCloseTo(6.80, within(0.01));
            assertThat(q1.discriminativeEfficiency()).isCloseTo(100 * 0.05 / 0.55, EXACT).isCloseTo(9.09, within(0.01));
            assertThat(q1.flags()).containsExactly(Flag.LOW_DISCRIMINATION);
        }

        @Test
        void aTwoPointQuestionIsScaledByItsMaxPoints() {
            ItemStatistics q2 = stats.items().get(1);
            assertThat(q2.facilityIndex()).isCloseTo(50, EXACT);
            assertThat(q2.standardDeviation()).isCloseTo(50, EXACT);
            assertThat(q2.discriminationIndex()).isCloseTo(100 * 0.25 / Math.sqrt(0.7), EXACT)
                    .isCloseTo(29.88, within(0.01));
            assertThat(q2.discriminativeEfficiency()).isCloseTo(100.0 / 3, EXACT);
            assertThat(q2.optionShares()).isEmpty();
            assertThat(q2.flags()).isEmpty();
        }

        @Test
        void aQuestionThatDiscriminatesWell() {
            ItemStatistics q3 = stats.items().get(2);
            assertThat(q3.facilityIndex()).isCloseTo(60, EXACT);
            assertThat(q3.standardDeviation()).isCloseTo(100 * Math.sqrt(0.3), EXACT);
            assertThat(q3.discriminationIndex()).isCloseTo(100 * 0.3 / Math.sqrt(0.3 * 1.3), EXACT)
                    .isCloseTo(48.04, within(0.01));
            assertThat(q3.discriminativeEfficiency()).isCloseTo(100 * 0.3 / 0.55, EXACT)
                    .isCloseTo(54.55, within(0.01));
            assertThat(q3.flags()).isEmpty();
        }

        @Test
        void optionSharesCountEveryOptionInOrderIncludingTheUnchosen() {
            assertThat(stats.items().get(0).optionShares()).containsExactly(entry("a", 0.6), entry("b", 0.2),
                    entry("c", 0.2), entry("d", 0.0));
        }
    }

    @Nested
    class UndefinedCases {

        @Test
        void oneAttemptLeavesDiscriminationEfficiencyAndAlphaUndefined() {
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q1, Q2, Q3),
                    List.of(attempt(1, Map.of("q1", 1.0, "q2", 0.5, "q3", 0.0), Map.of())));

            assertThat(stats.attempts()).isEqualTo(1);
            assertThat(stats.meanScorePercent()).isCloseTo(50, EXACT);
            assertThat(stats.medianScorePercent()).isCloseTo(50, EXACT);
            assertThat(stats.standardDeviationPercent()).isZero();
            assertThat(stats.cronbachAlpha()).isNull();
            assertThat(stats.items()).allSatisfy(item -> {
                assertThat(item.attempts()).isEqualTo(1);
                assertThat(item.standardDeviation()).isZero();
                assertThat(item.discriminationIndex()).isNull();
                assertThat(item.discriminativeEfficiency()).isNull();
            });
            assertThat(stats.items()).extracting(ItemStatistics::facilityIndex).containsExactly(100.0, 50.0, 0.0);
        }

        @Test
        void aQuestionEveryoneScoresTheSameOnHasNoDiscrimination() {
            // q1 right every time; q2 varies. Facility 100 -> TOO_EASY, but no discrimination flag.
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q1, Q2), List.of(
                    attempt(1, Map.of("q1", 1.0, "q2", 0.0), Map.of()),
                    attempt(2, Map.of("q1", 1.0, "q2", 0.5), Map.of()),
                    attempt(3, Map.of("q1", 1.0, "q2", 1.0), Map.of()),
                    attempt(4, Map.of("q1", 1.0, "q2", 1.0), Map.of()),
                    attempt(5, Map.of("q1", 1.0, "q2", 0.0), Map.of())));

            ItemStatistics q1 = stats.items().get(0);
            assertThat(q1.standardDeviation()).isZero();
            assertThat(q1.discriminationIndex()).isNull();
            assertThat(q1.discriminativeEfficiency()).isNull();
            assertThat(q1.flags()).containsExactly(Flag.TOO_EASY);
            // q2's rest of the test is q1, which does not vary either.
            assertThat(stats.items().get(1).discriminationIndex()).isNull();
            assertThat(stats.items().get(1).discriminativeEfficiency()).isNull();
        }

        @Test
        void roundingDoesNotInventVarianceInEqualScores() {
            // 0.1 x 3 points is not exactly 0.3, and the mean of equal values need not be exactly that value.
            ItemInfo thirds = ItemInfo.of("t", 3);
            List<AttemptResult> attempts = new ArrayList<>();
            for (int a = 0; a < 7; a++) {
                attempts.add(attempt(a, Map.of("t", 0.1, "q3", a % 2), Map.of()));
            }
            ItemStatistics t = ItemAnalysis.analyze(List.of(thirds, Q3), attempts).items().get(0);

            assertThat(t.standardDeviation()).isZero();
            assertThat(t.discriminationIndex()).isNull();
            assertThat(t.discriminativeEfficiency()).isNull();
        }

        @Test
        void aOneQuestionQuizHasNoRestOfTheTestAndNoAlpha() {
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q3), List.of(
                    attempt(1, Map.of("q3", 1.0), Map.of()),
                    attempt(2, Map.of("q3", 0.0), Map.of()),
                    attempt(3, Map.of("q3", 1.0), Map.of())));

            assertThat(stats.items().get(0).discriminationIndex()).isNull();
            assertThat(stats.items().get(0).discriminativeEfficiency()).isNull();
            assertThat(stats.cronbachAlpha()).isNull();
            assertThat(stats.standardDeviationPercent()).isCloseTo(100 * Math.sqrt(1.0 / 3), EXACT);
        }

        @Test
        void alphaNeedsAtLeastThreeAttemptsAsInMoodle() {
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q2, Q3), List.of(
                    attempt(1, Map.of("q2", 1.0, "q3", 1.0), Map.of()),
                    attempt(2, Map.of("q2", 0.0, "q3", 0.0), Map.of())));

            assertThat(stats.cronbachAlpha()).isNull();
            assertThat(stats.items().get(0).discriminationIndex()).isCloseTo(100, EXACT);
        }

        @Test
        void equalTotalsLeaveAlphaUndefined() {
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q3, ItemInfo.of("q4", 1)), List.of(
                    attempt(1, Map.of("q3", 1.0, "q4", 0.0), Map.of()),
                    attempt(2, Map.of("q3", 0.0, "q4", 1.0), Map.of()),
                    attempt(3, Map.of("q3", 1.0, "q4", 0.0), Map.of())));

            assertThat(stats.standardDeviationPercent()).isZero();
            assertThat(stats.cronbachAlpha()).isNull();
        }

        @Test
        void noAttemptsGiveZerosAndNoFlags() {
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q1, Q2), List.of());

            assertThat(stats.attempts()).isZero();
            assertThat(stats.meanScorePercent()).isZero();
            assertThat(stats.medianScorePercent()).isZero();
            assertThat(stats.cronbachAlpha()).isNull();
            assertThat(stats.items()).allSatisfy(item -> {
                assertThat(item.discriminationIndex()).isNull();
                assertThat(item.flags()).isEmpty();
            });
            assertThat(stats.items().get(0).optionShares()).containsOnly(entry("a", 0.0), entry("b", 0.0),
                    entry("c", 0.0), entry("d", 0.0));
        }

        @Test
        void aQuestionMissingFromAnAttemptScoresZero() {
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q2, Q3), List.of(
                    attempt(1, Map.of("q2", 1.0), Map.of()),
                    attempt(2, Map.of("q3", 1.0, "unknown", 1.0), Map.of())));

            assertThat(stats.items()).extracting(ItemStatistics::facilityIndex).containsExactly(50.0, 50.0);
            assertThat(stats.medianScorePercent()).isCloseTo(100 * (2 + 1) / 2.0 / 3, EXACT);
        }

        @Test
        void aDuplicateQuestionOrNonPositiveMaxPointsIsRejected() {
            assertThatThrownBy(() -> ItemAnalysis.analyze(List.of(Q2, Q2), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ItemInfo.of("zero", 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Flags {

        @Test
        void aQuestionTheStrongerStudentsGetWrongDiscriminatesNegatively() {
            // q3 right exactly when q4 (the rest of the test) is wrong: D = DE = -100.
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q3, ItemInfo.of("q4", 1)), List.of(
                    attempt(1, Map.of("q3", 0.0, "q4", 1.0), Map.of()),
                    attempt(2, Map.of("q3", 0.0, "q4", 1.0), Map.of()),
                    attempt(3, Map.of("q3", 1.0, "q4", 0.0), Map.of()),
                    attempt(4, Map.of("q3", 1.0, "q4", 0.0), Map.of())));

            ItemStatistics q3 = stats.items().get(0);
            assertThat(q3.discriminationIndex()).isCloseTo(-100, EXACT);
            assertThat(q3.discriminativeEfficiency()).isCloseTo(-100, EXACT);
            assertThat(q3.flags()).containsExactly(Flag.NEGATIVE_DISCRIMINATION);
        }

        @Test
        void aQuestionUncorrelatedWithTheRestIsLowOnlyWithFiveAttemptsOrMore() {
            // (q3, q4) = (1,1) (0,1) (1,0) (0,0): covariance 0, so D = 0.
            List<AttemptResult> four = List.of(
                    attempt(1, Map.of("q3", 1.0, "q4", 1.0), Map.of()),
                    attempt(2, Map.of("q3", 0.0, "q4", 1.0), Map.of()),
                    attempt(3, Map.of("q3", 1.0, "q4", 0.0), Map.of()),
                    attempt(4, Map.of("q3", 0.0, "q4", 0.0), Map.of()));
            List<AttemptResult> eight = new ArrayList<>(four);
            eight.addAll(four);
            List<ItemInfo> items = List.of(Q3, ItemInfo.of("q4", 1));

            ItemStatistics fewAttempts = ItemAnalysis.analyze(items, four).items().get(0);
            ItemStatistics enough = ItemAnalysis.analyze(items, eight).items().get(0);

            assertThat(fewAttempts.discriminationIndex()).isCloseTo(0, EXACT);
            assertThat(fewAttempts.flags()).isEmpty();
            assertThat(enough.discriminationIndex()).isCloseTo(0, EXACT);
            assertThat(enough.flags()).containsExactly(Flag.LOW_DISCRIMINATION);
        }

        @Test
        void aQuestionAlmostEveryoneGetsRightIsTooEasyAboveNinetyFivePercent() {
            assertThat(flagsOfQ3WithRight(20, 21)).contains(Flag.TOO_EASY); // 95.24%
            assertThat(flagsOfQ3WithRight(19, 20)).doesNotContain(Flag.TOO_EASY); // exactly 95%
        }

        @Test
        void aQuestionAlmostNobodyGetsRightIsTooHardBelowFivePercent() {
            assertThat(flagsOfQ3WithRight(1, 21)).contains(Flag.TOO_HARD); // 4.76%
            assertThat(flagsOfQ3WithRight(1, 20)).doesNotContain(Flag.TOO_HARD); // exactly 5%
        }

        @Test
        void aWrongOptionNobodyChoseIsFlaggedFromTenAttempts() {
            ItemInfo q = new ItemInfo("q", 1, List.of("a", "b", "c"), Set.of("a"));
            // a 6 times, b 4 times, c never.
            assertThat(choiceFlags(q, "a", 6, "b", 4)).containsExactly(Flag.DISTRACTOR_NEVER_CHOSEN);
            assertThat(choiceFlags(q, "a", 5, "b", 4)).isEmpty(); // 9 attempts
            // A correct option nobody chose is not a distractor.
            ItemInfo twoKeys = new ItemInfo("q", 1, List.of("a", "b", "c"), Set.of("a", "c"));
            assertThat(choiceFlags(twoKeys, "a", 6, "b", 4)).isEmpty();
        }

        @Test
        void aWrongOptionChosenMoreOftenThanTheBestCorrectOneIsFlagged() {
            ItemInfo q = new ItemInfo("q", 1, List.of("a", "b", "c"), Set.of("a"));
            assertThat(choiceFlags(q, "a", 2, "b", 3)).containsExactly(Flag.WRONG_OPTION_MORE_POPULAR);
            assertThat(choiceFlags(q, "a", 3, "b", 2)).isEmpty();
            assertThat(choiceFlags(q, "a", 2, "b", 2)).isEmpty(); // a tie is not "more"
            // With two keys the better-chosen key counts: a 3, c 1 against b 2 is fine.
            ItemInfo twoKeys = new ItemInfo("q", 1, List.of("a", "b", "c"), Set.of("a", "c"));
            assertThat(choiceFlags(twoKeys, "a", 3, "b", 2, "c", 1)).isEmpty();
        }

        @Test
        void everyFlagExplainsItselfInEnglish() {
            assertThat(Flag.values()).allSatisfy(flag -> assertThat(flag.explanation()).isNotBlank().endsWith("."));
        }

        /** q3 right in {@code right} of {@code n} attempts; q4 varies independently so the totals vary. */
        private List<Flag> flagsOfQ3WithRight(int right, int n) {
            List<AttemptResult> attempts = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                attempts.add(attempt(a, Map.of("q3", a < right ? 1.0 : 0.0, "q4", a % 2 == 0 ? 1.0 : 0.0), Map.of()));
            }
            return ItemAnalysis.analyze(List.of(Q3, ItemInfo.of("q4", 1)), attempts).items().get(0).flags();
        }

        /**
         * Attempts on the choice question {@code q} plus a filler question that varies: the options and how many
         * attempts chose each, as pairs ({@code "a", 6, "b", 4}); an attempt scores 1 when its option is a key.
         * Discrimination flags are left out.
         */
        private List<Flag> choiceFlags(ItemInfo q, Object... optionsAndCounts) {
            List<AttemptResult> attempts = new ArrayList<>();
            for (int k = 0; k < optionsAndCounts.length; k += 2) {
                String chosen = (String) optionsAndCounts[k];
                int count = (Integer) optionsAndCounts[k + 1];
                for (int c = 0; c < count; c++) {
                    int a = attempts.size();
                    double fraction = q.correctOptionIds().contains(chosen) ? 1 : 0;
                    attempts.add(attempt(a, Map.of("q", fraction, "filler", (a % 3) / 2.0),
                            Map.of("q", Set.of(chosen))));
                }
            }
            return ItemAnalysis.analyze(List.of(q, ItemInfo.of("filler", 1)), attempts).items().get(0).flags()
                    .stream().filter(f -> f != Flag.LOW_DISCRIMINATION && f != Flag.NEGATIVE_DISCRIMINATION)
                    .toList();
        }
    }

    @Nested
    class OptionShares {

        @Test
        void sharesOfAMultipleAnswerQuestionCountEachAttemptOncePerOption() {
            ItemInfo multi = new ItemInfo("m", 1, List.of("x", "y", "z"), Set.of("x", "y"));
            QuizStatistics stats = ItemAnalysis.analyze(List.of(multi), List.of(
                    attempt(1, Map.of("m", 1.0), Map.of("m", Set.of("x", "y"))),
                    attempt(2, Map.of("m", 0.5), Map.of("m", Set.of("x"))),
                    attempt(3, Map.of("m", 0.0), Map.of("m", Set.of("z", "not-an-option"))),
                    attempt(4, Map.of(), Map.of())));

            assertThat(stats.items().get(0).optionShares()).containsExactly(entry("x", 0.5), entry("y", 0.25),
                    entry("z", 0.25));
        }

        @Test
        void aNonChoiceQuestionHasNoShares() {
            Map<String, Set<String>> chosen = new HashMap<>();
            chosen.put("q3", Set.of("stray"));
            QuizStatistics stats = ItemAnalysis.analyze(List.of(Q3),
                    List.of(attempt(1, Map.of("q3", 1.0), chosen)));

            assertThat(stats.items().get(0).optionShares()).isEmpty();
        }
    }

    private static AttemptResult attempt(long id, Map<String, ? extends Number> fractions,
            Map<String, Set<String>> chosen) {
        Map<String, Double> asDoubles = new HashMap<>();
        fractions.forEach((q, f) -> asDoubles.put(q, f.doubleValue()));
        return new AttemptResult(id, asDoubles, chosen);
    }
}
