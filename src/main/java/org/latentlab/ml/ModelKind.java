package org.latentlab.ml;

/**
 * The networks of the lesson. {@code latentConfigurable} kinds take the latent size from the training config; the
 * others have the size their architecture fixes.
 */
public enum ModelKind {
    DENSE_AE(Corruption.NONE, false, true, 32, 1e-3, 64),
    CONV_AE(Corruption.NONE, false, false, 128, 1e-3, 64),
    DENOISING_AE(Corruption.GAUSSIAN_NOISE, false, false, 128, 1e-3, 64),
    // A lower learning rate: at 1e-3 this narrow network often collapses to a constant image in epoch 1.
    SUPER_RESOLUTION_AE(Corruption.DOWNSAMPLE_2X, false, false, 16 * 7 * 7, 3e-4, 64),
    VAE_2D(Corruption.NONE, true, false, 2, 1e-3, 64),
    VAE(Corruption.NONE, true, true, 16, 1e-3, 64),
    CONV_VAE(Corruption.NONE, true, true, 2, 1e-3, 64),
    CLASSIFIER(Corruption.NONE, false, false, 0, 1e-3, 64);

    private final Corruption corruption;
    private final boolean variational;
    private final boolean latentConfigurable;
    private final int defaultLatentSize;
    private final double defaultLearningRate;
    private final int defaultBatchSize;

    ModelKind(Corruption corruption, boolean variational, boolean latentConfigurable, int defaultLatentSize,
            double defaultLearningRate, int defaultBatchSize) {
        this.corruption = corruption;
        this.variational = variational;
        this.latentConfigurable = latentConfigurable;
        this.defaultLatentSize = defaultLatentSize;
        this.defaultLearningRate = defaultLearningRate;
        this.defaultBatchSize = defaultBatchSize;
    }

    public Corruption corruption() {
        return corruption;
    }

    public boolean variational() {
        return variational;
    }

    public boolean latentConfigurable() {
        return latentConfigurable;
    }

    public boolean isAutoencoder() {
        return this != CLASSIFIER;
    }

    public int defaultLatentSize() {
        return defaultLatentSize;
    }

    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    public int defaultBatchSize() {
        return defaultBatchSize;
    }

    /** The latent size a model of this kind has for a requested size. */
    public int latentSizeFor(int requested) {
        return latentConfigurable ? requested : defaultLatentSize;
    }
}
