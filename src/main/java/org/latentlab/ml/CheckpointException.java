package org.latentlab.ml;

import java.io.Serial;

/** A checkpoint that cannot be used: missing, corrupt, or not matching its metadata. The message says which. */
public class CheckpointException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    public CheckpointException(String message) {
        super(message);
    }
}
