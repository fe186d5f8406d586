package org.latentlab.training;

import java.util.UUID;

/** Published once when a Lab run finishes all its epochs: the lesson counts the exercise as done. */
public record LabRunFinished(UUID runId, long ownerId, String experiment, String lesson) {
}
