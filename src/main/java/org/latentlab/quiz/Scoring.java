package org.latentlab.quiz;

import java.util.List;
import java.util.Set;

/**
 * How answers are scored; the rules are stated for students and teachers in docs/quiz-format.md.
 * <ul>
 * <li>single choice, true/false, numeric: all points or none (numeric: within value ± tolerance);</li>
 * <li>multiple choice: partial credit, (right choices − wrong choices) ÷ number of right options, never below 0,
 * so ticking everything earns nothing;</li>
 * <li>options with explicit weights (imported GIFT questions): the sum of the chosen weights, between 0 and 1;</li>
 * <li>order the steps: the share of steps in their right place.</li>
 * </ul>
 * A missing or malformed answer scores 0.
 */
public final class Scoring {

    private Scoring() {
    }

    /** The share 0..1 of the question's points the answer earns. */
    public static double fraction(Question question, GivenAnswer answer) {
        if (answer == null) {
            return 0;
        }
        return switch (question.type()) {
            case SINGLE, MULTIPLE -> answer instanceof GivenAnswer.Choices(Set<String> chosen)
                    ? choices(question, chosen) : 0;
            case TRUE_FALSE -> answer instanceof GivenAnswer.TrueFalse(boolean value)
                    && question.answer() != null && value == question.answer() ? 1 : 0;
            case NUMERIC -> answer instanceof GivenAnswer.Number(double value) && question.numeric() != null
                    && question.numeric().accepts(value) ? 1 : 0;
            case ORDER -> answer instanceof GivenAnswer.Order(List<String> order) ? order(question, order) : 0;
        };
    }

    public static double points(Question question, GivenAnswer answer) {
        return fraction(question, answer) * question.points();
    }

    private static double choices(Question question, Set<String> chosen) {
        if (chosen.isEmpty() || !question.options().stream().map(Choice::id).toList().containsAll(chosen)) {
            return 0;
        }
        if (question.options().stream().anyMatch(o -> o.weight() != null)) {
            double sum = question.options().stream().filter(o -> chosen.contains(o.id()))
                    .mapToDouble(o -> o.weight() == null ? 0 : o.weight()).sum();
            return Math.clamp(sum, 0, 1);
        }
        if (question.type() == QuestionType.SINGLE) {
            return chosen.size() == 1 && question.options().stream()
                    .anyMatch(o -> o.correct() && chosen.contains(o.id())) ? 1 : 0;
        }
        long right = question.options().stream().filter(o -> o.correct() && chosen.contains(o.id())).count();
        long wrong = question.options().stream().filter(o -> !o.correct() && chosen.contains(o.id())).count();
        long correct = question.correctOptionCount();
        return correct == 0 ? 0 : Math.max(0, (double) (right - wrong) / correct);
    }

    private static double order(Question question, List<String> given) {
        List<String> right = question.steps().stream().map(Step::id).toList();
        if (given.size() != right.size() || !Set.copyOf(given).equals(Set.copyOf(right))) {
            return 0;
        }
        int inPlace = 0;
        for (int i = 0; i < right.size(); i++) {
            if (right.get(i).equals(given.get(i))) {
                inPlace++;
            }
        }
        return (double) inPlace / right.size();
    }
}
