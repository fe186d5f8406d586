package org.latentlab.ml;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * How much inference may run at once: at most {@code perModel} calls on one loaded model and at most {@code total}
 * across every model of the process, so a flood of decode requests cannot take the CPU from sign-in and page views.
 * A call waits for a slot up to {@code wait} when it comes from the map's decode API ({@link #impatiently}: a drag
 * asks again a moment later anyway), and then is refused as busy (the API answers 503 with Retry-After) instead of
 * queueing without end; any other call (scoring a challenge, a grid) waits up to {@value #PATIENT_SECONDS} s. One instance per application ({@link MlConfiguration}); tools and tests that
 * load a model on their own use {@link #forOneCaller()}.
 */
public final class InferenceLimits {

    static final int PATIENT_SECONDS = 30;
    private static final ThreadLocal<Boolean> IMPATIENT = ThreadLocal.withInitial(() -> false);

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

    /** How long the current call may wait for a slot. */
    Duration maxWait() {
        return IMPATIENT.get() ? wait : Duration.ofSeconds(Math.max(PATIENT_SECONDS, wait.toSeconds()));
    }

    /** Runs inference calls that would rather be refused at once than wait: the map's decodes on pointer move. */
    public static <T> T impatiently(java.util.function.Supplier<T> calls) {
        boolean before = IMPATIENT.get();
        IMPATIENT.set(true);
        try {
            return calls.get();
        } finally {
            IMPATIENT.set(before);
        }
    }

    Semaphore total() {
        return total;
    }
}
