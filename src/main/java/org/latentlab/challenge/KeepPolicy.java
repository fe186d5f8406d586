package org.latentlab.challenge;

/** Which of a student's submissions counts on the leaderboard. */
public enum KeepPolicy {
    BEST, LAST
}
