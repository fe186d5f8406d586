package org.latentlab.ml;

import java.util.Collections;
import java.util.Comparator;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;

import ai.djl.nn.Block;

/**
 * A kind of network that the one training loop, {@link ModelTrainer}, trains. The family supplies what is its own:
 * a network, its examples in batches and its loss. The loop does the rest alike for every family: Adam, a
 * sub-NDManager per step, gradients recorded on the run's own thread ({@link ThreadGradients}), the run's own random
 * generator ({@link RunRandom}), image batches in channels-last layout, cancellation before every batch, the
 * parameters saved after every epoch, resume. The digit models are one family ({@code DigitFamily}, made from a
 * {@link TrainingConfig}); the music module's melody VAE is another.
 */
public interface ModelFamily {

    /** The model's name, for DJL and logs. */
    String name();

    /** A fresh network; the loop draws its initial parameters. */
    Block block();

    /**
     * The networks this family's checkpoints held in earlier formats ({@link CheckpointMetadata#FORMAT}), by format,
     * for a run that resumes from epochs an older build saved: the upgrade changed the network, the run goes on with
     * the one it started with. Empty, the default: the family's network never changed.
     */
    default SortedMap<Integer, Supplier<Block>> networksOfEarlierFormats() {
        return Collections.emptySortedMap();
    }

    /** Epochs, batch size, learning rate and seed. */
    TrainingSchedule schedule();

    /** The examples of the training, validation and test splits, in batches. */
    BatchSource batches();

    /** What a training step minimises, and how a split is measured. */
    TrainingLoss loss();

    /**
     * Early stopping: how the epochs' validation evaluations rank. The loop keeps the parameters of the best epoch
     * (of equals, the earlier) and measures the three splits again with them. Empty, the default: the last epoch's
     * parameters are kept. A family that keeps its best epoch holds it in memory, so its runs cannot resume.
     */
    default Optional<Comparator<Evaluation>> bestEpochRanking() {
        return Optional.empty();
    }
}
