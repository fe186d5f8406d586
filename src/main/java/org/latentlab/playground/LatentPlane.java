package org.latentlab.playground;

import java.util.Random;

/**
 * The flat 2-D view of a latent space that the map, the manifold grid and the path lines are drawn on. A model with
 * two latent dimensions is its own plane. A larger latent space is shown through the plane of its two principal
 * directions (PCA of the held-out digits' codes) through their mean: a point (x, y) on the map is the code
 * {@code mean + x * first + y * second}, so every point of the map can still be decoded.
 *
 * @param origin    the code at (0, 0)
 * @param first     unit vector of the x axis
 * @param second    unit vector of the y axis, orthogonal to the first
 * @param projected false when the plane is the whole latent space (two dimensions)
 * @param explained share of the codes' variance the two directions hold (1 when not projected)
 */
public record LatentPlane(float[] origin, float[] first, float[] second, boolean projected, double explained) {

    private static final int POWER_ITERATIONS = 200;

    /** The plane for these codes (all of the same length, at least two). */
    static LatentPlane of(float[][] codes) {
        int size = codes[0].length;
        if (size == 2) {
            return new LatentPlane(new float[2], new float[] {1, 0}, new float[] {0, 1}, false, 1);
        }
        double[] mean = new double[size];
        for (float[] code : codes) {
            for (int d = 0; d < size; d++) {
                mean[d] += code[d];
            }
        }
        for (int d = 0; d < size; d++) {
            mean[d] /= codes.length;
        }
        double[][] covariance = new double[size][size];
        double[] centred = new double[size];
        for (float[] code : codes) {
            for (int d = 0; d < size; d++) {
                centred[d] = code[d] - mean[d];
            }
            for (int i = 0; i < size; i++) {
                double ci = centred[i];
                if (ci == 0) {
                    continue;
                }
                double[] row = covariance[i];
                for (int j = i; j < size; j++) {
                    row[j] += ci * centred[j];
                }
            }
        }
        double total = 0;
        for (int i = 0; i < size; i++) {
            for (int j = i; j < size; j++) {
                covariance[i][j] /= codes.length;
                covariance[j][i] = covariance[i][j];
            }
            total += covariance[i][i];
        }
        double[] first = principal(covariance, null);
        double firstVariance = rayleigh(covariance, first);
        double[] second = principal(covariance, first);
        double secondVariance = rayleigh(covariance, second);
        double explained = total == 0 ? 0 : (firstVariance + secondVariance) / total;
        return new LatentPlane(toFloats(mean), toFloats(first), toFloats(second), true, explained);
    }

    /** Power iteration; with {@code orthogonalTo} the found direction is kept orthogonal to it (deflation). */
    private static double[] principal(double[][] covariance, double[] orthogonalTo) {
        int size = covariance.length;
        Random random = new Random(7);
        double[] vector = new double[size];
        for (int d = 0; d < size; d++) {
            vector[d] = random.nextGaussian();
        }
        for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
            if (orthogonalTo != null) {
                removeComponent(vector, orthogonalTo);
            }
            normalise(vector);
            double[] next = new double[size];
            for (int i = 0; i < size; i++) {
                double sum = 0;
                double[] row = covariance[i];
                for (int j = 0; j < size; j++) {
                    sum += row[j] * vector[j];
                }
                next[i] = sum;
            }
            vector = next;
        }
        if (orthogonalTo != null) {
            removeComponent(vector, orthogonalTo);
        }
        normalise(vector);
        // A fixed sign, so that the same model always gives the same picture.
        int largest = 0;
        for (int d = 1; d < size; d++) {
            if (Math.abs(vector[d]) > Math.abs(vector[largest])) {
                largest = d;
            }
        }
        if (vector[largest] < 0) {
            for (int d = 0; d < size; d++) {
                vector[d] = -vector[d];
            }
        }
        return vector;
    }

    private static double rayleigh(double[][] covariance, double[] vector) {
        double sum = 0;
        for (int i = 0; i < vector.length; i++) {
            for (int j = 0; j < vector.length; j++) {
                sum += vector[i] * covariance[i][j] * vector[j];
            }
        }
        return sum;
    }

    private static void removeComponent(double[] vector, double[] direction) {
        double dot = 0;
        for (int d = 0; d < vector.length; d++) {
            dot += vector[d] * direction[d];
        }
        for (int d = 0; d < vector.length; d++) {
            vector[d] -= dot * direction[d];
        }
    }

    private static void normalise(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            vector[0] = 1;
            return;
        }
        for (int d = 0; d < vector.length; d++) {
            vector[d] /= norm;
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    public int latentSize() {
        return origin.length;
    }

    /** The code at map point (x, y). */
    public float[] code(double x, double y) {
        float[] code = new float[origin.length];
        for (int d = 0; d < code.length; d++) {
            code[d] = (float) (origin[d] + x * first[d] + y * second[d]);
        }
        return code;
    }

    /** Where a code lands on the map: its coordinates along the two directions (its shadow on the plane). */
    public double[] project(float[] code) {
        double x = 0;
        double y = 0;
        for (int d = 0; d < code.length; d++) {
            double centred = code[d] - origin[d];
            x += centred * first[d];
            y += centred * second[d];
        }
        return new double[] {x, y};
    }
}
