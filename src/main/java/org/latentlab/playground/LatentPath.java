package org.latentlab.playground;

import java.util.List;

import org.latentlab.ml.Interpolation;

/**
 * A path between two codes: the codes, their decoded images and where they fall on the map.
 *
 * @param adjusted whether the requested number of steps was outside 2..24 and was clamped
 */
public record LatentPath(Interpolation interpolation, List<float[]> codes, float[][] images, double[][] mapPoints,
        boolean adjusted) {

    public int steps() {
        return codes.size();
    }
}
