package org.latentlab.lab;

import java.time.Instant;
import java.util.UUID;

import org.latentlab.base.BroadcastEvent;

/**
 * What pages following a run hear, on every node, from the worker that trains it (through
 * {@link org.latentlab.base.ClusterEvents}). Small on purpose: the samples of an epoch and the whole curve are read
 * from the database when an epoch's point says it is stored, and whenever a page (re)connects.
 */
public sealed interface RunUpdate extends BroadcastEvent {

    UUID runId();

    /** The run's state changed: queued, training (again, after {@code resumedAfterEpoch} epochs), or ended. */
    record StateChanged(UUID runId, RunState state, int resumedAfterEpoch, Instant at) implements RunUpdate {
    }

    /**
     * A curve point: a batch loss, or an epoch's end (then stored, with the epoch's samples).
     *
     * @param trainingSince when this attempt began training, for the time left
     */
    record Progressed(UUID runId, CurvePoint point, Instant trainingSince) implements RunUpdate {
    }

    /** Someone asked the run to stop: the worker that trains it stops within a batch. */
    record CancelRequested(UUID runId) implements RunUpdate {
    }
}
