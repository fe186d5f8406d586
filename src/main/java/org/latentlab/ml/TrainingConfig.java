package org.latentlab.ml;

import org.latentlab.base.InvalidInputException;

/**
 * Everything that decides a training run. Two runs with the same config on the same machine give the same losses.
 *
 * @param latentSize  used by kinds whose latent size is configurable, see {@link ModelKind#latentConfigurable()}
 * @param noiseLevel  standard deviation of the Gaussian noise for the denoising autoencoder
 * @param trainLimit  use only the first n training images (0: all); for quick lesson runs and tests
 * @param design      a network the student designed (its latent size wins over {@code latentSize}), or null for
 *                    the kind's own network
 */
public record TrainingConfig(ModelKind kind, DatasetName dataset, int epochs, int batchSize, double learningRate,
        int latentSize, double noiseLevel, long seed, int trainLimit, NetworkDesign design) {

    /** A config for the kind's own network. */
    public TrainingConfig(ModelKind kind, DatasetName dataset, int epochs, int batchSize, double learningRate,
            int latentSize, double noiseLevel, long seed, int trainLimit) {
        this(kind, dataset, epochs, batchSize, learningRate, latentSize, noiseLevel, seed, trainLimit, null);
    }

    public static final int MAX_EPOCHS = 200;
    /** Smaller batches cost far more per example (a step's fixed work) without teaching more. */
    public static final int MIN_BATCH = 16;
    public static final int MAX_BATCH = 1024;
    /** Training images of a shipped data set: 80 % of its 10,000. */
    public static final int FULL_TRAIN = 8000;
    public static final double MAX_LEARNING_RATE = 1.0;
    public static final int MAX_LATENT = 64;
    public static final double MAX_NOISE = 1.0;

    /** Sensible defaults for a kind, as the Lab offers them. */
    public static TrainingConfig defaults(ModelKind kind) {
        return new TrainingConfig(kind, DatasetName.MNIST, 10, kind.defaultBatchSize(), kind.defaultLearningRate(),
                kind.defaultLatentSize(), kind == ModelKind.DENOISING_AE ? 0.5 : 0.0, 42, 0);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(kind, dataset, newEpochs, batchSize, learningRate, latentSize, noiseLevel, seed,
                trainLimit, design);
    }

    public TrainingConfig withTrainLimit(int limit) {
        return new TrainingConfig(kind, dataset, epochs, batchSize, learningRate, latentSize, noiseLevel, seed, limit,
                design);
    }

    public TrainingConfig withLatentSize(int size) {
        return new TrainingConfig(kind, dataset, epochs, batchSize, learningRate, size, noiseLevel, seed, trainLimit,
                design);
    }

    public TrainingConfig withBatchSize(int size) {
        return new TrainingConfig(kind, dataset, epochs, size, learningRate, latentSize, noiseLevel, seed, trainLimit,
                design);
    }

    /** The same settings training a designed network (null: the kind's own). */
    public TrainingConfig withDesign(NetworkDesign newDesign) {
        return new TrainingConfig(kind, dataset, epochs, batchSize, learningRate, latentSize, noiseLevel, seed,
                trainLimit, newDesign);
    }

    /** Whether the network is a VAE: its design says so when it has one. */
    public boolean variational() {
        return design != null ? design.variational() : kind.variational();
    }

    /** The weight of the KL term: a design's β, otherwise 1 (the plain VAE). */
    public double klWeight() {
        return design != null ? design.beta() : 1.0;
    }

    /** How many training images each epoch goes through. */
    public int effectiveTrainExamples() {
        return trainLimit > 0 ? Math.min(trainLimit, FULL_TRAIN) : FULL_TRAIN;
    }

    /** The latent size the model will really have. */
    public int effectiveLatentSize() {
        return design != null ? design.latentSize() : kind.latentSizeFor(latentSize);
    }

    /**
     * Refuses a config that cannot train, naming the field and the allowed range (message keys
     * {@code training.config.*}, arguments: the minimum and the maximum).
     */
    public TrainingConfig validate() {
        if (kind == null) {
            throw new InvalidInputException("kind", "training.config.kind");
        }
        if (dataset == null) {
            throw new InvalidInputException("dataset", "training.config.dataset");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new InvalidInputException("epochs", "training.config.epochs", 1, MAX_EPOCHS);
        }
        if (batchSize < MIN_BATCH || batchSize > MAX_BATCH) {
            throw new InvalidInputException("batchSize", "training.config.batchSize", MIN_BATCH, MAX_BATCH);
        }
        if (!Double.isFinite(learningRate) || learningRate <= 0 || learningRate > MAX_LEARNING_RATE) {
            throw new InvalidInputException("learningRate", "training.config.learningRate", "0", MAX_LEARNING_RATE);
        }
        if (design != null) {
            if (!kind.isAutoencoder() || kind.corruption() != Corruption.NONE) {
                throw new InvalidInputException("design", "training.config.designKind");
            }
            design.validate();
        } else if (kind.latentConfigurable() && (latentSize < 1 || latentSize > MAX_LATENT)) {
            throw new InvalidInputException("latentSize", "training.config.latentSize", 1, MAX_LATENT);
        }
        if (!Double.isFinite(noiseLevel) || noiseLevel < 0 || noiseLevel > MAX_NOISE) {
            throw new InvalidInputException("noiseLevel", "training.config.noiseLevel", 0, MAX_NOISE);
        }
        if (trainLimit < 0) {
            throw new InvalidInputException("trainLimit", "training.config.trainLimit", 0, Integer.MAX_VALUE);
        }
        return this;
    }
}
