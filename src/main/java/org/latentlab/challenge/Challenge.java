package org.latentlab.challenge;

import java.time.Instant;

/**
 * A challenge as pages show it.
 *
 * @param state the stored state, with CLOSED also when the deadline has passed
 */
public record Challenge(long id, long classId, String className, ChallengeSettings settings, String modelId,
        String modelVersion, KeepPolicy keep, ChallengeState state, boolean revealed, Instant createdAt,
        Instant closesAt) {

    public ChallengeKind kind() {
        return settings.kind();
    }

    public boolean open() {
        return state == ChallengeState.OPEN;
    }
}
