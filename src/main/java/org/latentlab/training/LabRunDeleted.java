package org.latentlab.training;

import java.util.UUID;

/** Published when a student deletes a run with its files: anything holding its model lets go of it. */
public record LabRunDeleted(UUID runId) {
}
