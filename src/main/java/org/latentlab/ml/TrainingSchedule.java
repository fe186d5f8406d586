package org.latentlab.ml;

/**
 * How a family trains: the passes over the training split, the examples per optimiser step, Adam's step size, and
 * the seed of the initial parameters, the order of the examples and every random draw of the run.
 */
public record TrainingSchedule(int epochs, int batchSize, double learningRate, long seed) {

    public TrainingSchedule {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("A training needs at least one epoch, one example per batch and a "
                    + "positive learning rate, not " + epochs + ", " + batchSize + " and " + learningRate);
        }
    }
}
