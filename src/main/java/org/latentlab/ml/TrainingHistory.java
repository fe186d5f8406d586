package org.latentlab.ml;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run of the training loop measured, for any family.
 *
 * @param trainLosses      each epoch's mean training loss (the objective, in training mode)
 * @param validationLosses each epoch's validation loss
 * @param validationParts  each epoch's validation parts, for the epochs this attempt ran (a resumed run's earlier
 *                         epochs left only their losses)
 * @param keptEpoch        the epoch whose parameters the network has: the last, or the best one for a family that
 *                         ranks its epochs ({@link ModelFamily#bestEpochRanking()})
 * @param train            the kept parameters measured again on the training split, for a family that ranks its
 *                         epochs; otherwise null (the last training loss says how training ended)
 * @param validation       the kept epoch's validation
 * @param test             the kept parameters on the test split, which training never saw
 */
public record TrainingHistory(List<Double> trainLosses, List<Double> validationLosses,
        List<Map<String, Double>> validationParts, int keptEpoch, Evaluation train, Evaluation validation,
        Evaluation test, Duration duration) {

    public TrainingHistory {
        trainLosses = List.copyOf(trainLosses);
        validationLosses = List.copyOf(validationLosses);
        validationParts = List.copyOf(validationParts);
    }
}
