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

    /** Training begins (after {@code resumedAfterEpoch} epochs when the run goes on from a checkpoint). */
    record Started(UUID runId, int resumedAfterEpoch) implements TrainingEvent {
    }

    /** A batch loss or an epoch's end, with the curve point it added. */
    record Progress(UUID runId, TrainingProgress progress, CurvePoint point) implements TrainingEvent {
    }

    record Finished(UUID runId, TrainingResult result, Path checkpoint) implements TrainingEvent {
    }

    record Cancelled(UUID runId) implements TrainingEvent {
    }

    /** The server is stopping; the run can be resumed after the restart. */
    record Interrupted(UUID runId) implements TrainingEvent {
    }

    record Failed(UUID runId, String reason) implements TrainingEvent {
    }
}
