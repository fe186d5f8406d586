package org.latentlab.challenge;

/**
 * What a challenge asks for. Image kinds are scored by {@link ImageScoring} with the shipped classifier as judge.
 */
public enum ChallengeKind {
    /** One image the judge reads as the target digit with at least the threshold's confidence. */
    DIGIT,
    /** Ten images: as many different digits as possible, clearly drawn, far apart from each other. */
    VARIED,
    /** One image as close as possible to a hidden original shown only noisy or at half resolution. */
    REPAIR,
    /** A sequence of images from one digit to another, every step a plausible digit. */
    MORPH,
    /** One melody of the melody VAE in C major that ends on the tonic ({@code MelodyRules}). */
    MELODY,
    /** Eight melodies of the melody VAE leading from one corpus tune to another ({@code MelodyRules}). */
    MELODY_MORPH;

    /** Whether submissions are melody codes (decoded by the melody VAE) rather than image codes. */
    public boolean musical() {
        return this == MELODY || this == MELODY_MORPH;
    }

    String messageKey() {
        return "challenge.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
