package org.latentlab.ml;

import java.time.Duration;
import java.util.List;

/** What a running training reports; listeners receive these on the training thread and must return quickly. */
public sealed interface TrainingProgress {

    /** The loss of one batch, every few batches. */
    record BatchLoss(int epoch, int batch, int batchesPerEpoch, double loss) implements TrainingProgress {
    }

    /**
     * The end of an epoch: mean training loss, validation loss, a few validation images beside the network's output.
     * For a VAE the losses are the total; {@code validationParts} holds reconstruction and KL separately, for the
     * classifier the validation accuracy.
     */
    record EpochFinished(int epoch, int epochs, double trainLoss, double validationLoss,
            java.util.Map<String, Double> validationParts, List<Sample> samples, Duration elapsed)
            implements TrainingProgress {
    }

    /** One validation image: what the network saw, what it produced, and the clean original (all 0..1). */
    record Sample(int label, float[] original, float[] input, int inputSide, float[] output) {
    }
}
