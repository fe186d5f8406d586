package org.latentlab.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A family's examples, split into training, validation and test, handed to the training loop a batch at a time.
 * Each split's examples are numbered from 0; the loop shuffles the training numbers every epoch with the run's seed
 * and measures the other two in order.
 */
public interface BatchSource {

    /** The three parts of the data. */
    enum Split {
        TRAIN, VALIDATION, TEST
    }

    /** The shape of one example as the network takes it, without the batch dimension. */
    Shape exampleShape();

    /** How many examples the split has (validation and test may be empty). */
    int size(Split split);

    /**
     * The split's examples with the given numbers as one batch, its arrays in {@code manager} (closed after the
     * step). Any random corruption of the input draws from the run's generator.
     */
    Batch batch(NDManager manager, Split split, int[] examples);

    /**
     * Examples on their way through the network.
     *
     * @param examples their numbers in their split
     * @param input    what the network is fed
     * @param target   what its output is measured against: the clean images, the class labels, the melodies
     */
    record Batch(int[] examples, NDArray input, NDArray target) {
    }
}
