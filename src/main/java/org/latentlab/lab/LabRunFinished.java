package org.latentlab.lab;

import java.util.UUID;

import org.latentlab.base.BroadcastEvent;

/**
 * Published once when a Lab run finishes all its epochs: the lesson counts the exercise as done (once, where it
 * happened), and every node forgets any older model of the run it holds.
 */
public record LabRunFinished(UUID runId, long ownerId, String experiment, String lesson) implements BroadcastEvent {
}
