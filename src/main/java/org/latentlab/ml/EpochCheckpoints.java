package org.latentlab.ml;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a training keeps the parameters of its latest epoch, and how far an earlier, interrupted attempt got.
 *
 * @param resumeAfterEpoch 0 to start from scratch; otherwise the epoch whose saved parameters training goes on from
 * @param trainLosses      the losses of the epochs already done (as many as {@code resumeAfterEpoch})
 */
public record EpochCheckpoints(Path folder, int resumeAfterEpoch, List<Double> trainLosses,
        List<Double> validationLosses) {

    public EpochCheckpoints {
        if (folder == null || resumeAfterEpoch < 0 || trainLosses.size() != resumeAfterEpoch
                || validationLosses.size() != resumeAfterEpoch) {
            throw new IllegalArgumentException("Inconsistent checkpoints: after epoch " + resumeAfterEpoch + " with "
                    + trainLosses.size() + " and " + validationLosses.size() + " losses");
        }
        trainLosses = List.copyOf(trainLosses);
        validationLosses = List.copyOf(validationLosses);
    }

    public static EpochCheckpoints fresh(Path folder) {
        return new EpochCheckpoints(folder, 0, List.of(), List.of());
    }
}
