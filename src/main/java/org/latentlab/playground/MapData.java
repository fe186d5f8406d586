package org.latentlab.playground;

/**
 * What the map draws: one point per held-out digit, at its code's place on the plane.
 *
 * @param bounds      the digits' extent: x from, x to, y from, y to
 * @param limits      how far requests may go (beyond that, points are clamped): same order
 * @param explained   share of the codes' variance the plane shows (1 for a 2-D space)
 * @param digitIndices each point's index in the data set, to show the original digit
 */
public record MapData(String model, int latentSize, boolean projected, double explained, float[] x, float[] y,
        int[] labels, int[] digitIndices, double[] bounds, double[] limits) {
}
