package org.latentlab.ml;

import ai.djl.Model;

/**
 * A network fresh from the training loop, with what the run measured; save it with {@link Checkpoints#save}, and
 * close it to free its native memory.
 */
public final class TrainedNetwork implements AutoCloseable {

    private final Model model;
    private final TrainingHistory history;

    TrainedNetwork(Model model, TrainingHistory history) {
        this.model = model;
        this.history = history;
    }

    Model model() {
        return model;
    }

    public TrainingHistory history() {
        return history;
    }

    @Override
    public void close() {
        model.close();
    }
}
