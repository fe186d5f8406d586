package org.latentlab.classroom;

import java.io.Serial;

import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins in a row for this username here: the login page tells how many seconds to wait. */
public class LoginDelayedException extends LockedException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long secondsToWait;

    LoginDelayedException(long secondsToWait) {
        super("Too many failed sign-ins; try again in " + secondsToWait + " seconds");
        this.secondsToWait = secondsToWait;
    }

    public long secondsToWait() {
        return secondsToWait;
    }
}
