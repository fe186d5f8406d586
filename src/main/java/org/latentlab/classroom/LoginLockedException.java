package org.latentlab.classroom;

import java.io.Serial;

import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins: the login page tells how many minutes to wait. */
public class LoginLockedException extends LockedException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long minutesToWait;

    LoginLockedException(long minutesToWait) {
        super("Too many failed sign-ins; try again in " + minutesToWait + " minutes");
        this.minutesToWait = minutesToWait;
    }

    public long minutesToWait() {
        return minutesToWait;
    }
}
