package org.latentlab.ml;

import java.util.concurrent.Semaphore;
import java.util.function.Function;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Inference calls on one loaded model: at most {@code concurrency} at once, each in its own NDManager (closed after
 * the call, so native memory stays flat), without an autograd graph. Closing waits for the calls in progress, frees
 * the model, and makes later calls fail with {@link LoadedModel.ModelClosedException}.
 */
public final class InferenceSlots {

    private final Model model;
    private final Semaphore slots;
    private final int concurrency;
    private volatile boolean closed;

    public InferenceSlots(Model model, int concurrency) {
        this.model = model;
        this.concurrency = Math.max(1, concurrency);
        this.slots = new Semaphore(this.concurrency);
    }

    /** Runs one forward computation and returns its output's values. */
    public float[] call(Function<NDManager, NDArray> forward) {
        slots.acquireUninterruptibly();
        try {
            if (closed) {
                throw new LoadedModel.ModelClosedException();
            }
            try (NDManager call = model.getNDManager().newSubManager()) {
                // Inference only: no autograd graph, whatever thread this is.
                JniUtils.setGradMode(false);
                return forward.apply(call).toFloatArray();
            }
        } finally {
            slots.release();
        }
    }

    public void close() {
        slots.acquireUninterruptibly(concurrency);
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            slots.release(concurrency);
        }
    }
}
