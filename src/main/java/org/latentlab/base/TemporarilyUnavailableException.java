package org.latentlab.base;

import java.io.Serial;
import java.time.Duration;

/**
 * A request that cannot be served right now but will be soon, such as a decode while the models are still loading:
 * views show its message like any {@link InvalidInputException}; the JSON API answers 503 with {@code Retry-After}.
 */
public class TemporarilyUnavailableException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TemporarilyUnavailableException(Duration retryAfter, String field, String messageKey,
            Object... arguments) {
        super(field, messageKey, arguments);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
