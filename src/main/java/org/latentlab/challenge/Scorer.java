package org.latentlab.challenge;

import java.util.List;

import org.latentlab.base.InvalidInputException;

/**
 * How the server makes, checks and scores one family of challenges: images decoded by a shipped digit model and read
 * by the judge ({@link ImageScorer}), or melodies of the shipped melody model ({@link MusicScorer}). {@link Scorers}
 * picks one by the challenge's kind.
 */
sealed interface Scorer permits ImageScorer, MusicScorer {

    /** What a new challenge stores: its model and that model's version, and its settings completed by the server. */
    record Opening(ChallengeSettings settings, String modelId, String modelVersion) {
    }

    /** The model (and any hidden part) of a new challenge with these valid settings; {@code modelId} as chosen. */
    Opening open(ChallengeSettings settings, String modelId);

    /**
     * The score of a submission: refused for another model version, for vectors of the wrong number or length, and
     * for values beyond the model's limits.
     */
    Scored score(Challenge challenge, List<float[]> vectors, String modelVersion);

    /** A score before submitting, from a full set of vectors; from fewer, only what they decode to (no score). */
    Scored preview(Challenge challenge, List<float[]> vectors);

    static void requireCount(List<float[]> vectors, int expected) {
        if (vectors == null || vectors.size() != expected) {
            throw new InvalidInputException("vectors", "challenge.vectorCount", expected,
                    vectors == null ? 0 : vectors.size());
        }
    }

    /** A preview takes one vector up to as many as the challenge needs. */
    static void requirePreviewCount(List<float[]> vectors, int expected) {
        if (vectors.isEmpty() || vectors.size() > expected) {
            throw new InvalidInputException("vectors", "challenge.vectorCount", expected, vectors.size());
        }
    }
}
