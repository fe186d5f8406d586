package org.latentlab.quiz;

/** The right answer of a numeric question: any number within value ± tolerance is right. */
public record NumericAnswer(double value, double tolerance, LocalizedText unit) {

    public boolean accepts(double given) {
        return Double.isFinite(given) && Math.abs(given - value) <= tolerance + 1e-9 * Math.max(1, Math.abs(value));
    }
}
