package org.latentlab.ml;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

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

    /** A convolutional VAE of the lesson's own kind was another network in format 1 (not a designed one). */
    @Override
    public SortedMap<Integer, Supplier<Block>> networksOfEarlierFormats() {
        if (config.kind() == ModelKind.CONV_VAE && config.design() == null) {
            return new TreeMap<>(Map.of(1, () -> Networks.convVaeOfFormat1(config.effectiveLatentSize())));
        }
        return ModelFamily.super.networksOfEarlierFormats();
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
