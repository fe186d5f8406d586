package org.latentlab.challenge;

/** A line of a leaderboard: the student's counted submission (best or last) and how many they made. */
public record LeaderboardEntry(int rank, Submission counted, int submissions) {
}
