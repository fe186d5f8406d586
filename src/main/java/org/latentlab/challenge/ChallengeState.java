package org.latentlab.challenge;

/** Whether a challenge takes submissions: open, paused by the teacher, or closed (by the teacher or its deadline). */
public enum ChallengeState {
    OPEN, PAUSED, CLOSED
}
