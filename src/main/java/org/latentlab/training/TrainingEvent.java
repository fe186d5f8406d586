package org.latentlab.training;

import java.nio.file.Path;
import java.util.UUID;

import org.latentlab.ml.TrainingProgress;
import org.latentlab.ml.TrainingResult;

/** What a run's listeners hear, in order, on the training thread (views hand them to their UI with access()). */
public sealed interface TrainingEvent {

    UUID runId();

    /** Waiting; position 1 is next. Sent again whenever the position changes. */
    record Queued(UUID runId, int position) implements TrainingEvent {
    }

    record Started(UUID runId) implements TrainingEvent {
    }

    record Progress(UUID runId, TrainingProgress progress) implements TrainingEvent {
    }

    record Finished(UUID runId, TrainingResult result, Path checkpoint) implements TrainingEvent {
    }

    record Cancelled(UUID runId) implements TrainingEvent {
    }

    record Failed(UUID runId, String reason) implements TrainingEvent {
    }
}
