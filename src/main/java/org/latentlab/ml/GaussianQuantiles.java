package org.latentlab.ml;

/**
 * The standard normal distribution's cumulative distribution function Φ and its inverse Φ⁻¹, for laying latent grids
 * on Gaussian quantiles (as Kingma and Welling draw their manifolds): a grid point at probability p sits where a
 * share p of the prior's samples lie below it.
 */
public final class GaussianQuantiles {

    // Coefficients of Peter Acklam's rational approximation of the inverse normal CDF (relative error below 1.2e-9,
    // brought to nearly full double precision by the refinement step below).
    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    private GaussianQuantiles() {
    }

    /** Φ(x): the probability that a standard normal sample is at most x. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** Φ⁻¹(p): the x with Φ(x) = p, for 0 &lt; p &lt; 1 (−∞ and +∞ at 0 and 1). */
    public static double inverseCdf(double p) {
        if (Double.isNaN(p) || p < 0 || p > 1) {
            throw new IllegalArgumentException("not a probability: " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x;
        if (p < P_LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        } else if (p <= 1 - P_LOW) {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                    / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        // One step of Halley's method on Φ(x) - p, so that Φ and Φ⁻¹ agree with each other.
        double e = cdf(x) - p;
        double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    /**
     * n points on Gaussian quantiles, Φ⁻¹((i + 0.5) / n) for i = 0 … n−1, in increasing order: the centres of n
     * slices that each hold the same share of the prior.
     */
    public static double[] grid(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a grid needs at least one point: " + n);
        }
        double[] points = new double[n];
        for (int i = 0; i < n; i++) {
            points[i] = inverseCdf((i + 0.5) / n);
        }
        return points;
    }

    /**
     * The complementary error function to nearly full double precision: a series of positive terms below 2.5 (no
     * cancellation), a continued fraction above, where it converges fast and keeps the tiny tail values exact.
     */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 2.5) {
            // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n (2x^2)^n x / (1 * 3 * ... * (2n+1))
            double term = x;
            double sum = x;
            for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
            }
            return 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
        }
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), by Lentz's method.
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
