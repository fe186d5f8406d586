package org.latentlab.lab;

/** Where a training run is in its life. */
public enum RunState {
    QUEUED, RUNNING, FINISHED, CANCELLED, FAILED,
    /** The server stopped while the run was waiting or training; it can be resumed or restarted. */
    INTERRUPTED;

    public boolean ended() {
        return this != QUEUED && this != RUNNING;
    }

    /** Runs that stopped before their last epoch may go on or start again. */
    public boolean canContinue() {
        return this == CANCELLED || this == FAILED || this == INTERRUPTED;
    }
}
