package org.latentlab.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.latentlab.ml.TrainingConfig;

/**
 * A stored training run as lists and pages show it.
 *
 * @param queuePosition 1 for the next run to start, 0 when the run is not waiting
 * @param testMetrics   on the held-out test digits once finished: "mse", or "reconstruction" and "kl"
 * @param resumable     whether its latest epoch checkpoint is on disk so training can go on from there
 */
public record RunSummary(UUID id, long ownerId, String ownerName, Experiment experiment, TrainingConfig config,
        RunState state, Instant submittedAt, Instant startedAt, Instant endedAt, int epochsDone,
        Duration trainingTime, Double finalTrainLoss, Double finalValidationLoss, Double testLoss,
        Map<String, Double> testMetrics, String failure, long storageBytes, int queuePosition, boolean resumable) {
}
