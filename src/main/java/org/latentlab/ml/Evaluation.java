package org.latentlab.ml;

import java.util.List;
import java.util.Map;

/**
 * A split measured with the network in inference mode.
 *
 * @param loss     the family's loss per example (for a VAE the plain total, whatever the training weighted)
 * @param parts    named figures beside it: a VAE's reconstruction and KL, the classifier's accuracy, the melody
 *                 VAE's share of steps right
 * @param samples  a few images beside the network's output, to show (validation of the image autoencoders only)
 * @param examples how many examples were measured
 */
public record Evaluation(double loss, Map<String, Double> parts, List<TrainingProgress.Sample> samples,
        int examples) {

    public Evaluation {
        parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
        samples = List.copyOf(samples);
    }

    /** A named part; a name the family does not report is a programming error. */
    public double part(String name) {
        Double value = parts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No part " + name + " among " + parts.keySet());
        }
        return value;
    }
}
