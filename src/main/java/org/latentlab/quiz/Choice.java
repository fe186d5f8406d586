package org.latentlab.quiz;

/**
 * An option of a single- or multiple-choice question. {@code weight} is an explicit share of the question's points
 * for choosing it (-1..1, e.g. from a GIFT file's {@code ~%50%}); null means the standard rule (see Scoring).
 * {@code feedback} is shown after submission next to the option when the student chose it (may be empty).
 */
public record Choice(String id, LocalizedText text, boolean correct, Double weight, LocalizedText feedback) {

    public Choice {
        feedback = feedback == null ? LocalizedText.empty() : feedback;
    }

    public Choice(String id, LocalizedText text, boolean correct) {
        this(id, text, correct, null, LocalizedText.empty());
    }
}
