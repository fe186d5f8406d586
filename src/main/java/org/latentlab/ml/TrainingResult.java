package org.latentlab.ml;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A finished training: the final losses, the loss of every epoch, and how long it took. */
public record TrainingResult(TrainingConfig config, double finalTrainLoss, double finalValidationLoss,
        Map<String, Double> finalValidationParts, List<Double> trainLosses, List<Double> validationLosses,
        Duration duration) {
}
