package org.latentlab.ml;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished training: the final losses, the loss of every epoch, the loss on the held-out test images (never used
 * for training), and how long it took. For the classifier the parts hold the accuracy.
 */
public record TrainingResult(TrainingConfig config, double finalTrainLoss, double finalValidationLoss,
        Map<String, Double> finalValidationParts, List<Double> trainLosses, List<Double> validationLosses,
        double testLoss, Map<String, Double> testParts, Duration duration) {
}
