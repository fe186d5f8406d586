package org.latentlab.ml;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * How much inference may run at once: at most {@code perModel} calls on one loaded model and at most {@code total}
 * across every model of the process, so a flood of decode requests cannot take the CPU from sign-in and page views.
 * A call that cannot start within {@code wait} is refused as busy (the decode API answers 503 with Retry-After)
 * instead of queueing without end. One instance per application ({@link MlConfiguration}); tools and tests that
 * load a model on their own use {@link #forOneCaller()}.
 */
public final class InferenceLimits {

    private final Semaphore total;
    private final int perModel;
    private final Duration wait;

    public InferenceLimits(int total, int perModel, Duration wait) {
        this.total = new Semaphore(Math.max(1, total));
        this.perModel = Math.max(1, perModel);
        this.wait = wait;
    }

    /** For a command-line tool or a test that is the model's only caller: no sharing, generous waiting. */
    public static InferenceLimits forOneCaller() {
        return new InferenceLimits(Integer.MAX_VALUE / 2, 2, Duration.ofMinutes(1));
    }

    int perModel() {
        return perModel;
    }

    Duration maxWait() {
        return wait;
    }

    Semaphore total() {
        return total;
    }
}
