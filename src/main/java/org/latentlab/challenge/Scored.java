package org.latentlab.challenge;

import java.util.List;

/** A submission's score (0..100) with the rules behind it and the images the server decoded. */
public record Scored(double score, List<RuleResult> rules, List<float[]> images) {
}
