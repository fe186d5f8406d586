package org.latentlab.ml;

import java.util.Locale;

import ai.djl.nn.Block;

/**
 * The digit models (the lesson's autoencoders, VAEs and the classifier, designed networks included) as one family of
 * the training loop: the network {@link Networks} builds for the config, the images of its data set
 * ({@link DigitBatches}) and the kind's loss ({@link DigitLoss}).
 */
final class DigitFamily implements ModelFamily {

    private final TrainingConfig config;
    private final DigitBatches batches;
    private final DigitLoss loss;

    /** Refuses a config that cannot train ({@link TrainingConfig#validate()}). */
    DigitFamily(TrainingConfig config) {
        this.config = config.validate();
        this.batches = new DigitBatches(config);
        this.loss = new DigitLoss(config, batches);
    }

    @Override
    public String name() {
        return config.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Block block() {
        return Networks.build(config);
    }

    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(config.epochs(), config.batchSize(), config.learningRate(), config.seed());
    }

    @Override
    public DigitBatches batches() {
        return batches;
    }

    @Override
    public DigitLoss loss() {
        return loss;
    }
}
