package org.latentlab.quiz;

import java.util.List;

/**
 * One question of a quiz. Which fields are used depends on the type: {@code options} for single and multiple
 * choice, {@code answer} for true/false, {@code numeric} for numeric answers, {@code steps} (in the right order) for
 * "order the steps". {@code section} is the lesson section to revisit after a wrong answer (may be null).
 */
public record Question(String id, QuestionType type, String section, int points, LocalizedText text,
        List<Choice> options, Boolean answer, NumericAnswer numeric, List<Step> steps, LocalizedText explanation) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        steps = steps == null ? List.of() : List.copyOf(steps);
        explanation = explanation == null ? LocalizedText.empty() : explanation;
    }

    public long correctOptionCount() {
        return options.stream().filter(Choice::correct).count();
    }
}
