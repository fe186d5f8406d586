package org.latentlab.ml;

import ai.djl.Model;

/**
 * A network fresh from the training loop, with what the run measured; save it with {@link Checkpoints#save}, and
 * close it to free its native memory.
 */
public final class TrainedNetwork implements AutoCloseable {

    private final Model model;
    private final TrainingHistory history;
    private final int checkpointFormat;

    TrainedNetwork(Model model, TrainingHistory history, int checkpointFormat) {
        this.model = model;
        this.history = history;
        this.checkpointFormat = checkpointFormat;
    }

    Model model() {
        return model;
    }

    public TrainingHistory history() {
        return history;
    }

    /**
     * The checkpoint format whose network this is: {@link CheckpointMetadata#FORMAT}, or an earlier one for a run
     * that resumed from epochs an older build saved.
     */
    public int checkpointFormat() {
        return checkpointFormat;
    }

    @Override
    public void close() {
        model.close();
    }
}
