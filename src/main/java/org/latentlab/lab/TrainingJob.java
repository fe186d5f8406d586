package org.latentlab.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.latentlab.base.ClusterEvents;
import org.latentlab.ml.Cancellation;
import org.latentlab.ml.CheckpointMetadata;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.EpochCheckpoints;
import org.latentlab.ml.ModelTrainer;
import org.latentlab.ml.TrainedModel;
import org.latentlab.ml.TrainingControl;
import org.latentlab.ml.TrainingProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trains one attempt of one Lab run, as a JobRunr job on a worker node. Everything it needs is in the database and
 * the checkpoint folder, so any worker can run it, and a job retried after its worker died (or stopped) goes on from
 * the last stored epoch: the curve never holds an epoch twice. While it trains, it takes turns with the worker's
 * other runs ({@link ComputeTurns}), stops within a batch when someone asks it to ({@code cancel_requested}, heard
 * from any node through {@link RunUpdate.CancelRequested}, and read from the database every few seconds in case
 * that notice was lost), and tells every node's pages about each point ({@link RunUpdate}).
 * <p>
 * A run that fails ends FAILED with a reference for the log and is not retried: the same settings would fail again.
 * Only a stopping server ends the job with an exception, so that JobRunr hands it to a worker again.
 */
@Component
public class TrainingJob implements JobRequestHandler<TrainingJob.Request>, DisposableBean {

    /** The job of one attempt of one run; its id is derived from both, so enqueuing it twice makes one job. */
    public record Request(UUID runId, int attempt) implements JobRequest {

        @Override
        public Class<TrainingJob> getJobRequestHandler() {
            return TrainingJob.class;
        }

        UUID jobId() {
            return UUID.nameUUIDFromBytes((runId + "/" + attempt).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The worker stopped while the run trained: JobRunr retries the job, which goes on from the last epoch. */
    static final class WorkerStopped extends Exception {
        private static final long serialVersionUID = 1L;

        WorkerStopped(UUID runId) {
            super("The worker stopped while run " + runId + " trained; it goes on from its last epoch");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(TrainingJob.class);
    private static final Duration CANCEL_POLL = Duration.ofSeconds(3);

    private final RunRecords records;
    private final RunFolders folders;
    private final ComputeTurns turns;
    private final DeepLearningEngine engine;
    private final ApplicationEventPublisher events;
    private final TrainingProperties properties;
    private final Clock clock;
    private final String worker;
    /** The runs this worker trains now, to stop them on request. */
    private final Map<UUID, Cancellation> training = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    TrainingJob(RunRecords records, RunFolders folders, ComputeTurns turns, DeepLearningEngine engine,
            ApplicationEventPublisher events, ClusterEvents cluster, TrainingProperties properties, Clock clock) {
        this.records = records;
        this.folders = folders;
        this.turns = turns;
        this.engine = engine;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.worker = workerName();
        cluster.subscribe(RunUpdate.CancelRequested.class, request -> {
            Cancellation cancellation = training.get(request.runId());
            if (cancellation != null) {
                cancellation.cancel();
            }
        });
    }

    @Override
    @Job(name = "Lab run %0")
    public void run(Request request) throws Exception {
        engine.awaitWarm();
        RunRecords.Row row = records.find(request.runId()).orElse(null);
        if (row == null || row.attempt() != request.attempt()) {
            return; // deleted, or put back in the queue as a newer attempt that has its own job
        }
        if (!engine.available()) {
            records.claim(request.runId(), request.attempt(), worker, clock.instant());
            fail(row, request, new IllegalStateException(engine.status().problem()));
            return;
        }
        if (!records.claim(request.runId(), request.attempt(), worker, clock.instant())) {
            return; // cancelled while it waited, or finished meanwhile
        }
        Cancellation cancellation = new Cancellation();
        training.put(request.runId(), cancellation);
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        // Inside the Boot jar only the application class loader sees DJL's engine provider.
        Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        try {
            train(row, request, cancellation);
        } finally {
            training.remove(request.runId());
            Thread.currentThread().setContextClassLoader(caller);
        }
    }

    private void train(RunRecords.Row row, Request request, Cancellation cancellation) throws WorkerStopped {
        RunSummary run = row.summary();
        Path folder = folders.folder(row);
        int resumeAfter = folders.hasEpoch(folder, run.epochsDone()) ? run.epochsDone() : 0;
        if (resumeAfter == 0 && run.epochsDone() > 0) {
            log.warn("Run {} has no checkpoint of epoch {}; it starts again", run.id(), run.epochsDone());
        }
        records.deletePointsAfter(run.id(), resumeAfter);
        List<CurvePoint> stored = records.curve(run.id());
        Instant since = clock.instant();
        long earlierSeconds = resumeAfter == 0 ? 0 : run.trainingTime().toSeconds();
        events.publishEvent(new RunUpdate.StateChanged(run.id(), RunState.RUNNING, resumeAfter, since));
        Progress progress = new Progress(run.id(), stored, since, earlierSeconds, folder);
        CancelWatch watch = new CancelWatch(run.id(), cancellation);
        try (ComputeTurns.Turn turn = turns.join(cancellation);
                TrainedModel trained = ModelTrainer.train(run.config(), progress::on,
                        new TrainingControl(cancellation, () -> {
                            watch.check();
                            turn.beforeBatch();
                        }, TrainingControl.device(properties.device())),
                        checkpoints(run, folder, resumeAfter, stored))) {
            CheckpointMetadata metadata = CheckpointMetadata.of(trained, clock.instant(), appVersion(),
                    engine.status().engineName() + " " + engine.status().engineVersion());
            Checkpoints.save(trained, folder, metadata);
            folders.pruneParameters(folder, run.config().epochs());
            if (records.finished(run.id(), request.attempt(), trained.result(), clock.instant(),
                    RunFolders.size(folder))) {
                events.publishEvent(new RunUpdate.StateChanged(run.id(), RunState.FINISHED, 0, clock.instant()));
                announceFinished(run);
            }
        } catch (Cancellation.CancelledException cancelled) {
            if (stopping && !records.cancelRequested(run.id())) {
                end(run, row.checkpointDir(), request, RunState.INTERRUPTED, null);
                throw new WorkerStopped(run.id());
            }
            end(run, row.checkpointDir(), request, RunState.CANCELLED, null);
        } catch (IOException | RuntimeException | Error failure) {
            fail(row, request, failure);
        }
    }

    /**
     * The lesson counts the exercise as done and every node forgets older models of the run: after the run is
     * stored as finished, so that nothing they do can turn it into a failed run.
     */
    private void announceFinished(RunSummary run) {
        try {
            events.publishEvent(new LabRunFinished(run.id(), run.ownerId(), run.experiment().slug(),
                    Experiment.LESSON));
        } catch (RuntimeException e) {
            log.warn("Run {} finished, but a listener failed: {}", run.id(), e.toString());
        }
    }

    private void fail(RunRecords.Row row, Request request, Throwable failure) {
        // Students see a reference, never paths or exception texts; the log has the details under it.
        String reference = Long.toString(Math.floorMod(ThreadLocalRandom.current().nextLong(),
                36L * 36 * 36 * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
        log.error("Training run {} ({}) failed, reference {}", row.summary().id(), row.summary().config().kind(),
                reference, failure);
        end(row.summary(), row.checkpointDir(), request, RunState.FAILED, reference);
    }

    private void end(RunSummary run, String checkpointDir, Request request, RunState state, String failure) {
        try {
            if (records.ended(run.id(), request.attempt(), state, clock.instant(), failure)) {
                records.storage(run.id(), RunFolders.size(folders.folder(checkpointDir)));
                events.publishEvent(new RunUpdate.StateChanged(run.id(), state, 0, clock.instant()));
            }
        } catch (RuntimeException e) {
            // The database is going away with the server: the job is retried and the run goes on.
            log.warn("Could not record the end of run {}: {}", run.id(), e.toString());
        }
    }

    private EpochCheckpoints checkpoints(RunSummary run, Path folder, int resumeAfter, List<CurvePoint> stored) {
        if (resumeAfter == 0) {
            return EpochCheckpoints.fresh(folder);
        }
        List<CurvePoint> epochs = stored.stream().filter(p -> p.kind() == CurvePoint.Kind.EPOCH).toList();
        return new EpochCheckpoints(folder, resumeAfter, epochs.stream().map(CurvePoint::trainLoss).toList(),
                epochs.stream().map(p -> p.validationLoss() == null ? Double.NaN : p.validationLoss()).toList());
    }

    /** A run's curve as it grows: batch points are told at once, an epoch's are stored with the epoch. */
    private final class Progress {

        private final UUID runId;
        private final Path folder;
        private final Instant since;
        private final long earlierSeconds;
        private final List<CurvePoint> unstored = new ArrayList<>();
        private int nextSeq;

        Progress(UUID runId, List<CurvePoint> stored, Instant since, long earlierSeconds, Path folder) {
            this.runId = runId;
            this.nextSeq = stored.size();
            this.since = since;
            this.earlierSeconds = earlierSeconds;
            this.folder = folder;
        }

        void on(TrainingProgress progress) {
            CurvePoint point = switch (progress) {
                case TrainingProgress.BatchLoss batch -> add(CurvePoint.Kind.BATCH, batch.epoch(), batch.batch(),
                        batch.batchesPerEpoch(), batch.loss(), null);
                case TrainingProgress.EpochFinished epoch -> {
                    CurvePoint added = add(CurvePoint.Kind.EPOCH, epoch.epoch(), 1, 1, epoch.trainLoss(),
                            epoch.validationLoss());
                    // The epoch's parameters are already on disk (the trainer saves them before reporting the
                    // epoch), so once this commits, a resume can start from here.
                    records.epochDone(runId, List.copyOf(unstored), epoch.epoch(),
                            epoch.samples().stream().map(RunSample::of).toList(),
                            epoch.elapsed().plus(Duration.ofSeconds(earlierSeconds)), RunFolders.size(folder));
                    unstored.clear();
                    folders.pruneParameters(folder, epoch.epoch());
                    yield added;
                }
            };
            events.publishEvent(new RunUpdate.Progressed(runId, point, since));
        }

        private CurvePoint add(CurvePoint.Kind kind, int epoch, int batch, int batches, double trainLoss,
                Double validationLoss) {
            CurvePoint point = new CurvePoint(nextSeq++, kind, epoch, batch, batches, trainLoss, validationLoss);
            unstored.add(point);
            return point;
        }
    }

    /** Reads the run's cancel flag now and then, in case the notice from another node was lost. */
    private final class CancelWatch {

        private final UUID runId;
        private final Cancellation cancellation;
        private long nextCheck = System.nanoTime() + CANCEL_POLL.toNanos();

        CancelWatch(UUID runId, Cancellation cancellation) {
            this.runId = runId;
            this.cancellation = cancellation;
        }

        void check() {
            if (System.nanoTime() >= nextCheck) {
                nextCheck = System.nanoTime() + CANCEL_POLL.toNanos();
                if (records.cancelRequested(runId)) {
                    cancellation.cancel();
                    throw new Cancellation.CancelledException();
                }
            }
        }
    }

    private static String workerName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "worker/" + ProcessHandle.current().pid();
        }
    }

    private static String appVersion() {
        String version = TrainingJob.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /**
     * A stopping server interrupts its runs (another worker, or this one after its restart, goes on with them): told
     * as soon as the context starts closing, before JobRunr stops its workers.
     */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
        training.values().forEach(Cancellation::cancel);
    }

    @Override
    public void destroy() {
        stopping();
    }
}
