package org.latentlab.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.latentlab.ml.Cancellation;
import org.latentlab.ml.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run the queue holds in memory while it waits or trains: its state, its curve so far, and the listeners
 * following it. What lasts is in the database (see {@link RunRecords}); this is the live side.
 */
public final class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final UUID id;
    private final long ownerId;
    private final Experiment experiment;
    private final TrainingConfig config;
    private final Instant submittedAt;
    private final Path folder;
    private final int resumeAfterEpoch;
    private final Cancellation cancellation = new Cancellation();
    private final List<Consumer<TrainingEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<CurvePoint> curve = new ArrayList<>();
    private int storedPoints;
    private volatile RunState state = RunState.QUEUED;
    private volatile TrainingEvent lastEvent;
    private volatile boolean cancelledByUser;
    private volatile Instant startedAt;

    TrainingRun(UUID id, long ownerId, Experiment experiment, TrainingConfig config, Instant submittedAt, Path folder,
            List<CurvePoint> storedCurve, int resumeAfterEpoch) {
        this.id = id;
        this.ownerId = ownerId;
        this.experiment = experiment;
        this.config = config;
        this.submittedAt = submittedAt;
        this.folder = folder;
        this.resumeAfterEpoch = resumeAfterEpoch;
        this.curve.addAll(storedCurve);
        this.storedPoints = storedCurve.size();
    }

    public UUID id() {
        return id;
    }

    public long ownerId() {
        return ownerId;
    }

    public Experiment experiment() {
        return experiment;
    }

    public TrainingConfig config() {
        return config;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** When training (this attempt of it) began, or null while waiting. */
    public Instant startedAt() {
        return startedAt;
    }

    public RunState state() {
        return state;
    }

    /** Epochs already done before this attempt (a resumed run), 0 for a fresh one. */
    public int resumeAfterEpoch() {
        return resumeAfterEpoch;
    }

    /** The latest event, so a view that opens mid-run can show where the run is. */
    public TrainingEvent lastEvent() {
        return lastEvent;
    }

    /** The whole curve so far, stored and live. */
    public synchronized List<CurvePoint> curve() {
        return List.copyOf(curve);
    }

    /** Follows the run until the returned handle is closed (views close it when they detach). */
    public AutoCloseable subscribe(Consumer<TrainingEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    Path folder() {
        return folder;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    void cancelByUser() {
        cancelledByUser = true;
        cancellation.cancel();
    }

    boolean cancelledByUser() {
        return cancelledByUser;
    }

    void started(Instant at) {
        startedAt = at;
        state = RunState.RUNNING;
    }

    synchronized CurvePoint addPoint(CurvePoint.Kind kind, int epoch, int batch, int batches, double trainLoss,
            Double validationLoss) {
        CurvePoint point = new CurvePoint(curve.size(), kind, epoch, batch, batches, trainLoss, validationLoss);
        curve.add(point);
        return point;
    }

    /** The points not yet written to the database; they count as written from now on. */
    synchronized List<CurvePoint> unstoredPoints() {
        List<CurvePoint> points = List.copyOf(curve.subList(storedPoints, curve.size()));
        storedPoints = curve.size();
        return points;
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
