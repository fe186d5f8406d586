package org.latentlab.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** A family's loss: what a training step minimises, and how a split is measured with the network in inference mode. */
public interface TrainingLoss {

    /**
     * The scalar a training step of the given epoch (from 1) minimises, from the network's output in training mode.
     * It may change with the epoch, e.g. a KL weight that rises over the first epochs.
     */
    NDArray objective(NDList output, BatchSource.Batch batch, int epoch);

    /** A fresh tally for one pass over the split. */
    Measure measure(BatchSource.Split split);

    /** Measures a split batch by batch. */
    interface Measure {

        /** Counts one batch; reads what it needs before the batch's arrays are closed. */
        void add(BatchSource.Batch batch, NDList output);

        /** The split's figures, over every batch counted (an empty split gives zeros). */
        Evaluation result();
    }
}
