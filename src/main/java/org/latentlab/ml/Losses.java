package org.latentlab.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** The training losses, each averaged over the batch. */
public final class Losses {

    private static final float LOG_EPSILON = 1e-7f;

    private Losses() {
    }

    /** Mean squared error per pixel: the plain autoencoders' loss. */
    public static NDArray meanSquaredError(NDArray reconstruction, NDArray target) {
        return reconstruction.sub(target).square().mean();
    }

    /**
     * The VAE loss in its two parts, per image and averaged over the batch: reconstruction as binary cross-entropy
     * summed over the pixels, and the Kullback-Leibler divergence of N(mean, exp(logVariance)) from N(0, I),
     * {@code -1/2 * sum(1 + logVariance - mean^2 - exp(logVariance))}.
     */
    public static VaeLoss vae(NDArray reconstruction, NDArray target, NDArray mean, NDArray logVariance) {
        return vae(reconstruction, target, mean, logVariance, 1.0);
    }

    /**
     * The same with the KL term weighted by {@code beta} (a beta-VAE): 0 leaves a plain autoencoder with a noisy
     * code, a large beta pulls every code towards the prior. The parts are reported unweighted.
     */
    public static VaeLoss vae(NDArray reconstruction, NDArray target, NDArray mean, NDArray logVariance,
            double beta) {
        long batch = target.getShape().get(0);
        NDArray r = reconstruction.reshape(batch, -1).clip(LOG_EPSILON, 1 - LOG_EPSILON);
        NDArray t = target.reshape(batch, -1);
        NDArray crossEntropy = t.mul(r.log()).add(t.neg().add(1).mul(r.neg().add(1).log())).neg().sum(new int[] {1});
        NDArray kl = logVariance.add(1).sub(mean.square()).sub(logVariance.exp()).sum(new int[] {1}).mul(-0.5f);
        NDArray reconstructionPart = crossEntropy.mean();
        NDArray klPart = kl.mean();
        return new VaeLoss(beta == 1.0 ? reconstructionPart.add(klPart)
                : reconstructionPart.add(klPart.mul((float) beta)), reconstructionPart, klPart);
    }

    /** Cross-entropy of logits (n, 10) against class labels (n). */
    public static NDArray softmaxCrossEntropy(NDArray logits, NDArray labels) {
        NDArray oneHot = labels.toType(DataType.INT32, false).oneHot(Math.toIntExact(logits.getShape().get(1)));
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    /** The VAE loss and its two parts. */
    public record VaeLoss(NDArray total, NDArray reconstruction, NDArray kl) {
    }
}
