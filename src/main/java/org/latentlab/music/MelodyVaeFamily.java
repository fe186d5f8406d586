package org.latentlab.music;

import java.util.Comparator;
import java.util.Optional;

import ai.djl.nn.Block;

import org.latentlab.ml.Evaluation;
import org.latentlab.ml.ModelFamily;
import org.latentlab.ml.TrainingSchedule;

/**
 * The melody VAE as a family of {@code ml}'s one training loop: its block ({@link MelodyVaeBlock}), its melodies in
 * batches ({@link MelodyBatches}) and its loss ({@link MelodyVaeLoss}). Same config and data give the same losses up
 * to the rounding of PyTorch's multi-threaded kernels.
 * <p>
 * Early stopping: after each epoch the validation melodies are measured, and the network keeps the parameters of
 * the epoch with the best validation accuracy ({@link #BEST_FIRST}); the last epochs, which mostly learn the training
 * tunes by heart, are still run so the curves show it, but their parameters are dropped.
 */
final class MelodyVaeFamily implements ModelFamily {

    static final String NAME = "melody-vae";
    /**
     * How epochs rank: the higher share of validation steps right, then, among equals, the more note starts right.
     */
    static final Comparator<Evaluation> BEST_FIRST = Comparator
            .comparingDouble((Evaluation evaluation) -> evaluation.part(MelodyVaeLoss.ACCURACY))
            .thenComparingDouble(evaluation -> evaluation.part(MelodyVaeLoss.NOTE_ACCURACY));

    private final MelodyVaeConfig config;
    private final MelodyBatches batches;
    private final MelodyVaeLoss loss;

    /** Refuses settings that cannot train, and data without training or validation melodies. */
    MelodyVaeFamily(MelodyVaeConfig config, MelodyData data) {
        config.validate();
        if (data.train().isEmpty() || data.validation().isEmpty()) {
            throw new IllegalArgumentException("The melody VAE needs training and validation melodies");
        }
        this.config = config;
        this.batches = new MelodyBatches(data);
        this.loss = new MelodyVaeLoss(config, batches);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Block block() {
        return new MelodyVaeBlock(config);
    }

    @Override
    public TrainingSchedule schedule() {
        return new TrainingSchedule(config.epochs(), config.batchSize(), config.learningRate(), config.seed());
    }

    @Override
    public MelodyBatches batches() {
        return batches;
    }

    @Override
    public MelodyVaeLoss loss() {
        return loss;
    }

    @Override
    public Optional<Comparator<Evaluation>> bestEpochRanking() {
        return Optional.of(BEST_FIRST);
    }
}
