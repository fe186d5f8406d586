package org.latentlab.ml;

import ai.djl.Model;

/** A model fresh from training, with its config and result; save it with {@link Checkpoints#save}. */
public final class TrainedModel implements AutoCloseable {

    private final Model model;
    private final TrainingConfig config;
    private final TrainingResult result;
    private final int checkpointFormat;

    TrainedModel(Model model, TrainingConfig config, TrainingResult result, int checkpointFormat) {
        this.model = model;
        this.config = config;
        this.result = result;
        this.checkpointFormat = checkpointFormat;
    }

    Model model() {
        return model;
    }

    public TrainingConfig config() {
        return config;
    }

    public TrainingResult result() {
        return result;
    }

    /** See {@link TrainedNetwork#checkpointFormat()}. */
    public int checkpointFormat() {
        return checkpointFormat;
    }

    /** The trained network, ready to encode and decode. */
    public LoadedModel toLoadedModel(CheckpointMetadata metadata, InferenceLimits limits) {
        return new LoadedModel(model, metadata, limits);
    }

    @Override
    public void close() {
        model.close();
    }
}
