package org.latentlab.ml;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set from any thread; the training loop checks it before every batch, so a run stops within one batch. */
public final class Cancellation {

    private final AtomicBoolean requested = new AtomicBoolean();

    public void cancel() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }

    /** Thrown inside the training loop when cancellation was requested. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("Training cancelled");
        }
    }
}
