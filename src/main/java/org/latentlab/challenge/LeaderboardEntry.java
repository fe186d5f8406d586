package org.latentlab.challenge;

/**
 * A line of a leaderboard: the student's counted submission (best or last), how many they made, and the class
 * vote's count for it (0 when the challenge has no vote).
 */
public record LeaderboardEntry(int rank, Submission counted, int submissions, int votes) {
}
