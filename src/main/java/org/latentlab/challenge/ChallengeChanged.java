package org.latentlab.challenge;

/** Something about a challenge changed (a submission, a pause, the reveal...): open pages refresh it. */
public record ChallengeChanged(long challengeId) {
}
