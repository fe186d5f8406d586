package org.latentlab.challenge;

import org.latentlab.base.InvalidInputException;

/**
 * A challenge's parameters as the teacher set them; which fields matter depends on the kind.
 *
 * @param digit       the target digit (DIGIT)
 * @param threshold   the judge's confidence a DIGIT image needs, in percent
 * @param from        the first digit of a MORPH; the corpus entry (index) a MELODY_MORPH starts from
 * @param to          the last digit of a MORPH; the corpus entry a MELODY_MORPH leads to
 * @param steps       the number of images in a MORPH
 * @param lowResolution whether a REPAIR shows the original at half resolution (else with noise)
 * @param noiseLevel  the noise of a REPAIR (standard deviation)
 * @param hiddenDigit the data-set index of a REPAIR's hidden original (chosen by the server, never sent before reveal)
 */
public record ChallengeSettings(ChallengeKind kind, int digit, int threshold, int from, int to, int steps,
        boolean lowResolution, double noiseLevel, int hiddenDigit) {

    public static final int MIN_STEPS = 3;
    public static final int MAX_STEPS = 12;

    /** How many latent vectors a submission holds. */
    public int vectorCount() {
        return switch (kind) {
            case DIGIT, REPAIR -> 1;
            case VARIED -> 10;
            case MORPH -> steps;
            case MELODY -> 1;
            case MELODY_MORPH -> org.latentlab.music.MelodyRules.MORPH_STEPS;
        };
    }

    /** Refuses settings out of their ranges, naming the field. */
    ChallengeSettings validated() {
        if (kind == null) {
            throw new InvalidInputException("kind", "challenge.settings.kind");
        }
        switch (kind) {
            case DIGIT -> {
                digitInRange("digit", digit);
                if (threshold < 10 || threshold > 99) {
                    throw new InvalidInputException("threshold", "challenge.settings.threshold", 10, 99);
                }
            }
            case MORPH -> {
                digitInRange("from", from);
                digitInRange("to", to);
                if (from == to) {
                    throw new InvalidInputException("to", "challenge.settings.sameDigits");
                }
                if (steps < MIN_STEPS || steps > MAX_STEPS) {
                    throw new InvalidInputException("steps", "challenge.settings.steps", MIN_STEPS, MAX_STEPS);
                }
            }
            case REPAIR -> {
                if (!lowResolution && (!(noiseLevel >= 0.1) || noiseLevel > 1)) {
                    throw new InvalidInputException("noiseLevel", "challenge.settings.noise", 0.1, 1.0);
                }
            }
            case VARIED, MELODY -> {
                // nothing to set
            }
            case MELODY_MORPH -> {
                int tunes = org.latentlab.music.MelodyCorpus.entries().size();
                if (from < 0 || from >= tunes || to < 0 || to >= tunes) {
                    throw new InvalidInputException("to", "challenge.settings.tune");
                }
                if (from == to) {
                    throw new InvalidInputException("to", "challenge.settings.sameTunes");
                }
            }
        }
        return this;
    }

    private static void digitInRange(String field, int value) {
        if (value < 0 || value > 9) {
            throw new InvalidInputException(field, "challenge.settings.digit");
        }
    }
}
