package org.latentlab.training;

/** Where a training run is in its life. */
public enum RunState {
    QUEUED, RUNNING, FINISHED, CANCELLED, FAILED;

    public boolean ended() {
        return this == FINISHED || this == CANCELLED || this == FAILED;
    }
}
