package org.latentlab.lab;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jobrunr.scheduling.JobRequestScheduler;
import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.NetworkDesign;
import org.latentlab.ml.TrainingConfig;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Admission to training, on any node: a run is stored first (waiting, within the per-user limit, the queue's capacity
 * and the owner's storage quota, all counted in the database so they hold across nodes), then handed to JobRunr as a
 * job that any worker node trains ({@link TrainingJob}). Cancelling asks the worker that trains a run to stop. This
 * class does not check who asks; {@link LabRuns} does. A run's checkpoint folder is {@link RunFolders}' business.
 */
@Service
public class TrainingQueue {

    private final TrainingProperties properties;
    private final DeepLearningEngine engine;
    private final RunRecords records;
    private final RunFolders folders;
    private final JobRequestScheduler jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrainingQueue(TrainingProperties properties, DeepLearningEngine engine, RunRecords records, RunFolders folders,
            JobRequestScheduler jobs, ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.engine = engine;
        this.records = records;
        this.folders = folders;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** Stores and queues a new run; refused with a message when the config is invalid or a limit is reached. */
    public UUID submit(long ownerId, Experiment experiment, TrainingConfig config) {
        config.validate();
        if (config.kind() != experiment.kind()) {
            throw new InvalidInputException("kind", "training.config.kind");
        }
        if (config.design() != null && !experiment.designable()) {
            throw new InvalidInputException("design", "training.config.designKind");
        }
        checkWork(config);
        checkEngine();
        checkQuota(ownerId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        refuse(records.admit(id, ownerId, experiment, config, now, folders.storedName(id),
                properties.queuedPerUser(), properties.queueCapacity()));
        enqueue(new TrainingJob.Request(id, 0), now);
        return id;
    }

    /**
     * Puts a stopped run back in the queue as a new attempt: from its last saved epoch ({@code fromCheckpoint}) or
     * from scratch. The caller has checked that the run is the requester's.
     */
    void requeue(RunRecords.Row row, boolean fromCheckpoint) {
        RunSummary stored = row.summary();
        if (!stored.state().canContinue()) {
            throw new InvalidInputException("run", "training.run.notStopped");
        }
        if (fromCheckpoint && !resumable(row)) {
            throw new InvalidInputException("run", "training.run.noCheckpoint");
        }
        checkEngine();
        int keep = fromCheckpoint ? stored.epochsDone() : 0;
        Instant now = clock.instant();
        // Guarded: of two Continue requests at once (on any nodes) only one requeues the run.
        RunRecords.Requeued requeued = records.requeue(stored.id(), stored.ownerId(), keep, now,
                properties.queuedPerUser(), properties.queueCapacity());
        refuse(requeued.refusal());
        if (!requeued.done()) {
            throw new InvalidInputException("run", "training.run.notStopped");
        }
        if (keep == 0) {
            folders.delete(row);
        }
        enqueue(new TrainingJob.Request(stored.id(), requeued.attempt()), now);
    }

    private void enqueue(TrainingJob.Request request, Instant at) {
        jobs.enqueue(request.jobId(), request);
        events.publishEvent(new RunUpdate.StateChanged(request.runId(), RunState.QUEUED, 0, at));
    }

    /**
     * A waiting run is cancelled at once (its job finds it cancelled and does nothing); a training one is asked to
     * stop, and its worker stops within a batch. The caller has checked the rights.
     */
    void cancel(UUID runId) {
        Instant now = clock.instant();
        if (records.cancelWaiting(runId, now)) {
            events.publishEvent(new RunUpdate.StateChanged(runId, RunState.CANCELLED, 0, now));
            return;
        }
        if (!records.requestCancel(runId)) {
            throw new InvalidInputException("run", "training.run.notActive");
        }
        events.publishEvent(new RunUpdate.CancelRequested(runId));
    }

    /** 1 for the next run to start, 0 for a run that is not waiting. */
    public int position(UUID runId) {
        return records.queuePosition(runId);
    }

    /** Whether a run is waiting or training (on any node). */
    public boolean isActive(UUID runId) {
        return records.find(runId).map(row -> !row.summary().state().ended()).orElse(false);
    }

    /** The runs waiting or training (on any node). */
    public List<UUID> activeIds() {
        return records.active().stream().map(row -> row.summary().id()).toList();
    }

    /** Every run waiting or training, on any node: the training ones first, then in queue order. */
    List<RunRecords.Row> active() {
        return records.active();
    }

    /** Whether training can go on from the run's last saved epoch. */
    boolean resumable(RunRecords.Row row) {
        RunSummary run = row.summary();
        return run.state().canContinue() && run.epochsDone() > 0 && run.epochsDone() <= run.config().epochs()
                && folders.hasEpoch(folders.folder(row), run.epochsDone());
    }

    /** Runs are accepted while the engine warms up (they wait for it in the queue), refused when it is missing. */
    private void checkEngine() {
        if (!engine.available() && !engine.warmingUp()) {
            throw new InvalidInputException("engine", "training.engineUnavailable");
        }
    }

    /**
     * No run may take the machine for hours: its examples (epochs x training digits) are bounded. A designed network
     * with more work per digit than the Lab's largest own network counts each digit as many times as it has that
     * network's work ({@link NetworkDesign#WORK_UNIT_MULTIPLY_ADDS}), so a bigger design trains fewer epochs within
     * the same limit.
     */
    private void checkWork(TrainingConfig config) {
        double weight = workPerDigit(config);
        long perEpoch = (long) Math.ceil(config.effectiveTrainExamples() * weight);
        long examples = config.epochs() * perEpoch;
        if (examples > properties.maxExamples()) {
            throw new InvalidInputException("epochs", config.design() == null ? "training.config.tooMuchWork"
                    : "training.config.tooMuchWorkForDesign", properties.maxExamples(),
                    Math.max(1, properties.maxExamples() / perEpoch), Math.round(weight * 10) / 10.0);
        }
    }

    /** How many digits of the Lab's own networks one digit through the run's network counts as (at least 1). */
    public static double workPerDigit(TrainingConfig config) {
        if (config.design() == null) {
            return 1;
        }
        return Math.max(1, (double) config.design().analyse().multiplyAdds() / NetworkDesign.WORK_UNIT_MULTIPLY_ADDS);
    }

    private void checkQuota(long ownerId) {
        long used = records.storageOf(ownerId);
        if (used >= properties.storageQuotaBytes()) {
            throw new InvalidInputException("quota", "training.quota.full", megabytes(used),
                    properties.storageQuotaMb());
        }
    }

    private void refuse(RunRecords.Refusal refusal) {
        if (refusal == RunRecords.Refusal.USER_LIMIT) {
            throw new InvalidInputException("queue", "training.queue.userLimit", properties.queuedPerUser());
        }
        if (refusal == RunRecords.Refusal.QUEUE_FULL) {
            throw new InvalidInputException("queue", "training.queue.full", properties.queueCapacity());
        }
    }

    static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }
}
