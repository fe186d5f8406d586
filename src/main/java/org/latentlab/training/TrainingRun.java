package org.latentlab.training;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.latentlab.ml.Cancellation;
import org.latentlab.ml.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One training run in the queue: its owner, config, state, and the listeners following it. */
public final class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final UUID id = UUID.randomUUID();
    private final long ownerId;
    private final TrainingConfig config;
    private final Instant submittedAt;
    private final Cancellation cancellation = new Cancellation();
    private final List<Consumer<TrainingEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile RunState state = RunState.QUEUED;
    private volatile TrainingEvent lastEvent;

    TrainingRun(long ownerId, TrainingConfig config, Instant submittedAt) {
        this.ownerId = ownerId;
        this.config = config;
        this.submittedAt = submittedAt;
    }

    public UUID id() {
        return id;
    }

    public long ownerId() {
        return ownerId;
    }

    public TrainingConfig config() {
        return config;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public RunState state() {
        return state;
    }

    /** The latest event, so a view that opens mid-run can show where the run is. */
    public TrainingEvent lastEvent() {
        return lastEvent;
    }

    /** Follows the run until the returned handle is closed (views close it when they detach). */
    public AutoCloseable subscribe(Consumer<TrainingEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    void state(RunState newState) {
        this.state = newState;
    }

    void publish(TrainingEvent event) {
        lastEvent = event;
        notifyListeners(event);
    }

    /**
     * The run's last transition. The final event is recorded before the state turns final, so whoever sees an ended
     * run also sees how it ended; then the listeners hear it.
     */
    void end(RunState finalState, TrainingEvent finalEvent) {
        lastEvent = finalEvent;
        state = finalState;
        notifyListeners(finalEvent);
    }

    private void notifyListeners(TrainingEvent event) {
        for (Consumer<TrainingEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException broken) {
                // One broken listener (say, a closed browser tab) must not stop the training or the others.
                log.warn("A listener of run {} failed on {}: {}", id, event.getClass().getSimpleName(),
                        broken.toString());
            }
        }
    }
}
