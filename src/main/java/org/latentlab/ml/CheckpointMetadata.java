package org.latentlab.ml;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON file beside a digit model's parameters: enough to rebuild the network and to tell what it is.
 *
 * @param parametersFile the file written by DJL, e.g. {@code model-0010.params}
 */
public record CheckpointMetadata(int format, ModelKind kind, TrainingConfig config, DatasetName dataset, int epochs,
        int latentSize, double finalTrainLoss, double finalValidationLoss, Map<String, Double> validationParts,
        List<Double> trainLosses, List<Double> validationLosses, double testLoss, Map<String, Double> testParts,
        long trainingSeconds, Instant createdAt, String appVersion,
        String engine, String parametersFile) implements ModelMetadata {

    /**
     * Format 2: a convolutional VAE without a design is the lesson's recipe ({@link NetworkDesign#assignment()}).
     * A checkpoint of format 1 holds the same files; only its convolutional VAE was another network.
     */
    public static final int FORMAT = 2;
    /** The oldest format that still loads. */
    public static final int OLDEST_FORMAT = 1;

    @Override
    public void check() {
        if (format < OLDEST_FORMAT || format > FORMAT || kind == null || config == null || parametersFile == null) {
            throw new IllegalArgumentException("not a digit model's metadata of format " + OLDEST_FORMAT + " to "
                    + FORMAT);
        }
    }

    /** The metadata of a freshly trained model, in the format of the network it trained (see TrainedModel). */
    public static CheckpointMetadata of(TrainedModel trained, Instant createdAt, String appVersion, String engine) {
        return of(trained.result(), trained.checkpointFormat(), createdAt, appVersion, engine);
    }

    public static CheckpointMetadata of(TrainingResult result, Instant createdAt, String appVersion, String engine) {
        return of(result, FORMAT, createdAt, appVersion, engine);
    }

    private static CheckpointMetadata of(TrainingResult result, int format, Instant createdAt, String appVersion,
            String engine) {
        TrainingConfig config = result.config();
        return new CheckpointMetadata(format, config.kind(), config, config.dataset(), config.epochs(),
                config.effectiveLatentSize(), result.finalTrainLoss(), result.finalValidationLoss(),
                result.finalValidationParts(), result.trainLosses(), result.validationLosses(), result.testLoss(),
                result.testParts(), result.duration().toSeconds(), createdAt, appVersion,
                engine, Checkpoints.parametersFile(config.epochs()));
    }
}
