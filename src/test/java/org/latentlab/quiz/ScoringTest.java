package org.latentlab.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.latentlab.base.Language;

class ScoringTest {

    private static LocalizedText en(String text) {
        return LocalizedText.of(Language.ENGLISH, text);
    }

    private static Question choice(QuestionType type, int points, Choice... options) {
        return new Question("q", type, null, points, en("?"), List.of(options), null, null, null, null);
    }

    private static Choice right(String id) {
        return new Choice(id, en(id), true);
    }

    private static Choice wrong(String id) {
        return new Choice(id, en(id), false);
    }

    @Test
    void singleChoiceIsAllOrNothing() {
        Question q = choice(QuestionType.SINGLE, 2, right("a"), wrong("b"), wrong("c"));
        assertThat(Scoring.points(q, new GivenAnswer.Choices(Set.of("a")))).isEqualTo(2);
        assertThat(Scoring.points(q, new GivenAnswer.Choices(Set.of("b")))).isZero();
        assertThat(Scoring.points(q, new GivenAnswer.Choices(Set.of("a", "b")))).isZero();
        assertThat(Scoring.points(q, null)).isZero();
    }

    @Test
    void multipleChoiceGivesPartialCreditAndWrongChoicesTakeItAway() {
        // Two right options (a, b) and two wrong (c, d): (right - wrong) / 2, never below 0.
        Question q = choice(QuestionType.MULTIPLE, 2, right("a"), right("b"), wrong("c"), wrong("d"));
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a", "b")))).isEqualTo(1.0);
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a")))).isEqualTo(0.5);
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a", "b", "c")))).isEqualTo(0.5);
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a", "c")))).isZero();
        // Ticking everything earns nothing.
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a", "b", "c", "d")))).isZero();
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("c", "d")))).isZero();
        assertThat(Scoring.points(q, new GivenAnswer.Choices(Set.of("a")))).isEqualTo(1.0);
        // An option the question does not have makes the answer invalid.
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a", "zzz")))).isZero();
    }

    @Test
    void explicitWeightsReplaceTheRule() {
        Question q = choice(QuestionType.MULTIPLE, 1,
                new Choice("a", en("a"), true, 0.5, LocalizedText.empty()),
                new Choice("b", en("b"), true, 0.5, LocalizedText.empty()),
                new Choice("c", en("c"), false, -1.0, LocalizedText.empty()));
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a")))).isEqualTo(0.5);
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a", "b")))).isEqualTo(1.0);
        assertThat(Scoring.fraction(q, new GivenAnswer.Choices(Set.of("a", "c")))).isZero();
    }

    @Test
    void trueFalseAndNumericWithTolerance() {
        Question tf = new Question("t", QuestionType.TRUE_FALSE, null, 1, en("?"), null, false, null, null, null);
        assertThat(Scoring.points(tf, new GivenAnswer.TrueFalse(false))).isEqualTo(1);
        assertThat(Scoring.points(tf, new GivenAnswer.TrueFalse(true))).isZero();
        Question n = new Question("n", QuestionType.NUMERIC, null, 1, en("?"), null, null,
                new NumericAnswer(128, 0.5, null), null, null);
        assertThat(Scoring.points(n, new GivenAnswer.Number(128))).isEqualTo(1);
        assertThat(Scoring.points(n, new GivenAnswer.Number(128.5))).isEqualTo(1);
        assertThat(Scoring.points(n, new GivenAnswer.Number(127.4))).isZero();
        assertThat(Scoring.points(n, new GivenAnswer.Number(Double.NaN))).isZero();
    }

    @Test
    void orderEarnsTheShareOfStepsInTheirPlace() {
        Question q = new Question("o", QuestionType.ORDER, null, 2, en("?"), null, null, null,
                List.of(new Step("s1", en("1")), new Step("s2", en("2")), new Step("s3", en("3")),
                        new Step("s4", en("4"))), null);
        assertThat(Scoring.points(q, new GivenAnswer.Order(List.of("s1", "s2", "s3", "s4")))).isEqualTo(2);
        assertThat(Scoring.points(q, new GivenAnswer.Order(List.of("s1", "s2", "s4", "s3")))).isEqualTo(1);
        assertThat(Scoring.points(q, new GivenAnswer.Order(List.of("s4", "s3", "s2", "s1")))).isZero();
        assertThat(Scoring.points(q, new GivenAnswer.Order(List.of("s1", "s2")))).isZero();
    }

    @Test
    void theAttemptThatCountsFollowsThePolicy() {
        List<AttemptSummary> attempts = List.of(attempt(1, 5), attempt(2, 9), attempt(3, 7));
        assertThat(AttemptService.counted(attempts, new QuizPolicy(null, QuizPolicy.CountedAttempt.BEST, null, true)))
                .get().extracting(AttemptSummary::number).isEqualTo(2);
        assertThat(AttemptService.counted(attempts, new QuizPolicy(null, QuizPolicy.CountedAttempt.LAST, null, true)))
                .get().extracting(AttemptSummary::number).isEqualTo(3);
        assertThat(AttemptService.counted(attempts, new QuizPolicy(null, QuizPolicy.CountedAttempt.FIRST, null, true)))
                .get().extracting(AttemptSummary::number).isEqualTo(1);
    }

    private static AttemptSummary attempt(int number, double score) {
        return new AttemptSummary(number, "q", 1, 1, number, AttemptState.SUBMITTED, java.time.Instant.EPOCH, null,
                java.time.Instant.EPOCH.plusSeconds(60), score, 10);
    }

    @Test
    void csvCellsAreQuotedAndFormulasNeutralised() {
        assertThat(QuizResultsService.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(QuizResultsService.csvCell("+1")).isEqualTo("'+1");
        assertThat(QuizResultsService.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(QuizResultsService.csvCell("Noa, Levi")).isEqualTo("\"Noa, Levi\"");
        assertThat(QuizResultsService.csvCell("plain")).isEqualTo("plain");
    }
}
