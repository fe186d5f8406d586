package org.latentlab.challenge;

import org.latentlab.base.BroadcastEvent;

/** Something about a challenge changed (a submission, a pause, the reveal...): open pages on every node refresh it. */
public record ChallengeChanged(long challengeId) implements BroadcastEvent {
}
