package org.latentlab.base;

import java.io.Serial;
import java.time.Duration;

/**
 * One client asked for more than its share (see {@link RateLimits}): views show the message like any
 * {@link InvalidInputException}; the JSON API answers 429 with {@code Retry-After}.
 */
public class TooManyRequestsException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super("request", "limits.tooMany", wholeSeconds(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up and at least 1: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
