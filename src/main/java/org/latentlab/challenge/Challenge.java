package org.latentlab.challenge;

import java.time.Instant;

/**
 * A challenge as pages show it.
 *
 * @param state     the stored state, with CLOSED also when the deadline has passed
 * @param classVote whether the class votes for a favourite answer between the close and the reveal
 */
public record Challenge(long id, long classId, String className, ChallengeSettings settings, String modelId,
        String modelVersion, KeepPolicy keep, ChallengeState state, boolean revealed, boolean classVote,
        Instant createdAt, Instant closesAt) {

    Challenge withClassName(String name) {
        return new Challenge(id, classId, name, settings, modelId, modelVersion, keep, state, revealed, classVote,
                createdAt, closesAt);
    }

    public ChallengeKind kind() {
        return settings.kind();
    }

    public boolean open() {
        return state == ChallengeState.OPEN;
    }

    /** Students may vote (or change their vote): the challenge has a class vote, has closed, and is not revealed. */
    public boolean votingOpen() {
        return classVote && state == ChallengeState.CLOSED && !revealed;
    }
}
