package org.latentlab.lab;

import java.util.UUID;

import org.latentlab.base.BroadcastEvent;

/** Published when a student deletes a run with its files: anything on any node holding its model lets go of it. */
public record LabRunDeleted(UUID runId) implements BroadcastEvent {
}
