package org.latentlab.ml;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

import org.latentlab.base.TemporarilyUnavailableException;

/**
 * Inference calls on one loaded model, within the process's {@link InferenceLimits}: each in its own NDManager
 * (closed after the call, so native memory stays flat), without an autograd graph. A call that finds no free slot
 * within the limits' wait is refused as busy. Closing waits for the calls in progress, frees the model, and makes
 * later calls fail with {@link LoadedModel.ModelClosedException}.
 */
public final class InferenceSlots {

    /** How soon a refused caller should try again. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final Model model;
    private final InferenceLimits limits;
    private final Semaphore slots;
    private volatile boolean closed;

    public InferenceSlots(Model model, InferenceLimits limits) {
        this.model = model;
        this.limits = limits;
        this.slots = new Semaphore(limits.perModel());
    }

    /** Runs one forward computation and returns its output's values. */
    public float[] call(Function<NDManager, NDArray> forward) {
        long deadline = System.nanoTime() + limits.maxWait().toNanos();
        acquire(slots, deadline);
        try {
            acquire(limits.total(), deadline);
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
                limits.total().release();
            }
        } finally {
            slots.release();
        }
    }

    private static void acquire(Semaphore semaphore, long deadline) {
        try {
            if (!semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new TemporarilyUnavailableException(RETRY, "model", "ml.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporarilyUnavailableException(RETRY, "model", "ml.busy");
        }
    }

    public void close() {
        slots.acquireUninterruptibly(limits.perModel());
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            slots.release(limits.perModel());
        }
    }
}
