package org.latentlab.challenge.music;

/** How a path goes from one melody's code to another's. */
public enum MelodyInterpolation {
    /** A straight line: a + t (b - a). */
    LINEAR,
    /**
     * Along the great circle through both codes around the prior's centre, the origin (slerp, White, "Sampling
     * Generative Networks", 2016), with the length interpolated linearly; codes pointing the same or opposite way
     * take the straight line.
     */
    SPHERICAL;

    /** The point at {@code t} (0 = a, 1 = b). */
    public float[] between(float[] a, float[] b, double t) {
        int size = a.length;
        float[] out = new float[size];
        double normA = 0;
        double normB = 0;
        double dot = 0;
        for (int d = 0; d < size; d++) {
            normA += a[d] * (double) a[d];
            normB += b[d] * (double) b[d];
            dot += a[d] * (double) b[d];
        }
        normA = Math.sqrt(normA);
        normB = Math.sqrt(normB);
        double omega = normA < 1e-9 || normB < 1e-9 ? 0 : Math.acos(Math.clamp(dot / (normA * normB), -1, 1));
        if (this == LINEAR || omega < 1e-4 || Math.PI - omega < 1e-4) {
            for (int d = 0; d < size; d++) {
                out[d] = (float) (a[d] + t * (b[d] - a[d]));
            }
            return out;
        }
        double sin = Math.sin(omega);
        double wa = Math.sin((1 - t) * omega) / sin;
        double wb = Math.sin(t * omega) / sin;
        double radius = (1 - t) * normA + t * normB;
        double[] direction = new double[size];
        double norm = 0;
        for (int d = 0; d < size; d++) {
            direction[d] = wa * a[d] / normA + wb * b[d] / normB;
            norm += direction[d] * direction[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < size; d++) {
            out[d] = (float) (radius * direction[d] / norm);
        }
        return out;
    }
}
