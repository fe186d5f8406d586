package org.latentlab.ml;

/** How a path goes from one code to another. */
public enum Interpolation {
    /** A straight line: a + t (b - a). */
    LINEAR,
    /**
     * Along the great circle around a centre (slerp, as in White, "Sampling Generative Networks", 2016), with the
     * distance from the centre interpolated linearly; it falls back to a line when the two directions coincide.
     */
    SPHERICAL;

    /** The point at {@code t} (0 = a, 1 = b), turning around the origin (a VAE's prior mean). */
    public float[] between(float[] a, float[] b, double t) {
        return between(a, b, new float[a.length], t);
    }

    /** The point at {@code t} (0 = a, 1 = b), turning around {@code centre}. */
    public float[] between(float[] a, float[] b, float[] centre, double t) {
        int size = a.length;
        float[] out = new float[size];
        if (this == LINEAR) {
            for (int d = 0; d < size; d++) {
                out[d] = (float) (a[d] + t * (b[d] - a[d]));
            }
            return out;
        }
        double[] u = new double[size];
        double[] v = new double[size];
        double normU = 0;
        double normV = 0;
        for (int d = 0; d < size; d++) {
            u[d] = a[d] - centre[d];
            v[d] = b[d] - centre[d];
            normU += u[d] * u[d];
            normV += v[d] * v[d];
        }
        normU = Math.sqrt(normU);
        normV = Math.sqrt(normV);
        if (normU < 1e-9 || normV < 1e-9) {
            return LINEAR.between(a, b, centre, t);
        }
        double cos = 0;
        for (int d = 0; d < size; d++) {
            cos += u[d] / normU * (v[d] / normV);
        }
        double omega = Math.acos(Math.clamp(cos, -1, 1));
        if (omega < 1e-4 || Math.PI - omega < 1e-4) {
            // Same or opposite directions: the great circle is not defined, the line is the honest path.
            return LINEAR.between(a, b, centre, t);
        }
        double sin = Math.sin(omega);
        double wa = Math.sin((1 - t) * omega) / sin;
        double wb = Math.sin(t * omega) / sin;
        double radius = (1 - t) * normU + t * normV;
        double[] direction = new double[size];
        double norm = 0;
        for (int d = 0; d < size; d++) {
            direction[d] = wa * u[d] / normU + wb * v[d] / normV;
            norm += direction[d] * direction[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < size; d++) {
            out[d] = (float) (centre[d] + radius * direction[d] / norm);
        }
        return out;
    }
}
