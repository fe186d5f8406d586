package org.latentlab.music;

/**
 * How the melody VAE is built and trained.
 *
 * @param latentSize     numbers in a melody's code
 * @param hidden1        units of the encoder's first and the decoder's last hidden layer
 * @param hidden2        units of the encoder's second and the decoder's first hidden layer
 * @param epochs         passes over the training melodies
 * @param batchSize      melodies per optimiser step
 * @param learningRate   Adam's step size
 * @param klWeight       weight of the KL term in the training loss (1 is the plain VAE; below 1 favours faithful
 *                       reconstructions over a tidy latent space, as in a beta-VAE with beta below 1)
 * @param freeBits       per latent dimension, the KL (in nats, averaged over the batch) below which it is not
 *                       pushed further down: the loss uses {@code max(freeBits, KL_d)} for each dimension d, so the
 *                       code keeps some information instead of collapsing to the prior (Kingma et al. 2016); 0
 *                       switches it off
 * @param klWarmupEpochs epochs over which the KL weight rises linearly from 0 to {@code klWeight} (0: from the
 *                       start), so the decoder first learns to use the code
 * @param dropout        share of hidden units dropped at random in each training step (0 switches it off): with
 *                       a corpus this small it keeps the network from learning the training tunes by heart
 * @param seed           seeds the weights, the sampling noise and the batch order
 */
public record MelodyVaeConfig(int latentSize, int hidden1, int hidden2, int epochs, int batchSize,
        double learningRate, double klWeight, double freeBits, int klWarmupEpochs, double dropout, long seed) {

    /**
     * The shipped model's settings, chosen on the validation tunes: 16 numbers (as many as the sliders show) and
     * 1 nat of free bits per number keep more of an unseen tune than 8 numbers and 0.25, and 256 / 128 hidden
     * units a little more than 160 / 96; stronger dropout or KL weight lost pitches. A checkpoint under 3 MB and
     * well under a minute on 2 cores.
     */
    public static MelodyVaeConfig defaults() {
        return new MelodyVaeConfig(16, 256, 128, 120, 64, 1e-3, 0.5, 1.0, 20, 0.1, 9);
    }

    public MelodyVaeConfig withEpochs(int value) {
        return new MelodyVaeConfig(latentSize, hidden1, hidden2, value, batchSize, learningRate, klWeight, freeBits,
                klWarmupEpochs, dropout, seed);
    }

    public MelodyVaeConfig withLatentSize(int value) {
        return new MelodyVaeConfig(value, hidden1, hidden2, epochs, batchSize, learningRate, klWeight, freeBits,
                klWarmupEpochs, dropout, seed);
    }

    public MelodyVaeConfig withHidden(int first, int second) {
        return new MelodyVaeConfig(latentSize, first, second, epochs, batchSize, learningRate, klWeight, freeBits,
                klWarmupEpochs, dropout, seed);
    }

    public MelodyVaeConfig withKl(double weight, double bits, int warmupEpochs) {
        return new MelodyVaeConfig(latentSize, hidden1, hidden2, epochs, batchSize, learningRate, weight, bits,
                warmupEpochs, dropout, seed);
    }

    public MelodyVaeConfig withDropout(double rate) {
        return new MelodyVaeConfig(latentSize, hidden1, hidden2, epochs, batchSize, learningRate, klWeight, freeBits,
                klWarmupEpochs, rate, seed);
    }

    public MelodyVaeConfig withSeed(long value) {
        return new MelodyVaeConfig(latentSize, hidden1, hidden2, epochs, batchSize, learningRate, klWeight, freeBits,
                klWarmupEpochs, dropout, value);
    }

    /** The KL weight used in the given epoch (1-based), after the warm-up. */
    public double klWeightAt(int epoch) {
        return klWarmupEpochs <= 0 ? klWeight : klWeight * Math.min(1.0, epoch / (double) klWarmupEpochs);
    }

    /** Refuses settings that cannot train. */
    public void validate() {
        require(latentSize >= 1 && latentSize <= 64, "latent size must be 1 to 64");
        require(hidden1 >= 8 && hidden1 <= 2048 && hidden2 >= 8 && hidden2 <= 2048, "hidden sizes must be 8 to 2048");
        require(epochs >= 1 && epochs <= 10_000, "epochs must be 1 to 10000");
        require(batchSize >= 1 && batchSize <= 4096, "batch size must be 1 to 4096");
        require(learningRate > 0 && learningRate < 1, "learning rate must be between 0 and 1");
        require(dropout >= 0 && dropout < 1, "dropout must be at least 0 and below 1");
        require(klWeight >= 0 && freeBits >= 0 && klWarmupEpochs >= 0, "KL weight, free bits and warm-up must be >= 0");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("Melody VAE config: " + message);
        }
    }
}
