package org.latentlab.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.LatentLabProperties;
import org.latentlab.ml.Cancellation;
import org.latentlab.ml.CheckpointMetadata;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.EpochCheckpoints;
import org.latentlab.ml.ModelTrainer;
import org.latentlab.ml.TrainedModel;
import org.latentlab.ml.TrainingConfig;
import org.latentlab.ml.TrainingProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Every training goes through this queue: at most {@code concurrentRuns} at once on dedicated low-priority threads,
 * the rest waiting in submission order with a visible position. One user cannot fill the machine: each may have only
 * {@code queuedPerUser} runs waiting or running, and their saved runs may take only {@code storageQuotaMb}.
 * <p>
 * A run is stored before it is queued, its curve and samples at the end of every epoch together with the epoch's
 * parameters on disk, so a stopped server loses at most the epoch in progress: at the next start such runs are
 * marked interrupted and can be resumed from their last epoch. This class does not check who asks; {@link LabRuns}
 * does.
 */
@Service
public class TrainingQueue implements DisposableBean, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TrainingQueue.class);
    private static final Pattern PARAMETERS = Pattern.compile(Checkpoints.NAME + "-(\\d{4})\\.params");

    private final TrainingProperties properties;
    private final DeepLearningEngine engine;
    private final RunRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path runsFolder;
    private final ExecutorService workers;
    private final Map<UUID, TrainingRun> live = new ConcurrentHashMap<>();
    private final List<TrainingRun> waiting = new ArrayList<>();
    private volatile boolean stopping;

    TrainingQueue(TrainingProperties properties, DeepLearningEngine engine, RunRecords records,
            ApplicationEventPublisher events, LatentLabProperties settings, Clock clock) {
        this.properties = properties;
        this.engine = engine;
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.runsFolder = settings.dataDir().toAbsolutePath().resolve("runs");
        this.workers = new ThreadPoolExecutor(properties.concurrentRuns(), properties.concurrentRuns(), 0,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), trainingThreads());
    }

    /** Runs that were waiting or training when the server last stopped are marked interrupted, never lost. */
    @Override
    public void afterSingletonsInstantiated() {
        int interrupted = records.interruptUnfinished(clock.instant());
        if (interrupted > 0) {
            log.info("{} training run(s) were interrupted by the last shutdown; their owners can resume them",
                    interrupted);
        }
    }

    /** Stores and queues a new run; refused with a message when the config is invalid or a limit is reached. */
    public TrainingRun submit(long ownerId, Experiment experiment, TrainingConfig config) {
        config.validate();
        if (config.kind() != experiment.kind()) {
            throw new InvalidInputException("kind", "training.config.kind");
        }
        checkEngine();
        long used = records.storageOf(ownerId);
        if (used >= properties.storageQuotaBytes()) {
            throw new InvalidInputException("quota", "training.quota.full", megabytes(used),
                    properties.storageQuotaMb());
        }
        UUID id = UUID.randomUUID();
        Path folder = runsFolder.resolve(id.toString());
        TrainingRun run = new TrainingRun(id, ownerId, experiment, config, clock.instant(), folder, List.of(), 0);
        synchronized (waiting) {
            checkLimits(ownerId);
            records.insert(id, ownerId, experiment, config, run.submittedAt(), folder.toString());
            enqueue(run);
        }
        workers.execute(() -> execute(run));
        return run;
    }

    /**
     * Puts a stopped run back in the queue: from its last saved epoch ({@code fromCheckpoint}) or from scratch.
     * The caller has checked that the run is the requester's.
     */
    TrainingRun requeue(RunRecords.Row row, boolean fromCheckpoint) {
        RunSummary stored = row.summary();
        if (!stored.state().canContinue() || live.containsKey(stored.id())) {
            throw new InvalidInputException("run", "training.run.notStopped");
        }
        if (fromCheckpoint && !resumable(row)) {
            throw new InvalidInputException("run", "training.run.noCheckpoint");
        }
        checkEngine();
        int keep = fromCheckpoint ? stored.epochsDone() : 0;
        Path folder = Path.of(row.checkpointDir());
        List<CurvePoint> curve = keep == 0 ? List.of()
                : records.curve(stored.id()).stream().filter(p -> p.epoch() <= keep).toList();
        TrainingRun run = new TrainingRun(stored.id(), stored.ownerId(), stored.experiment(), stored.config(),
                stored.submittedAt(), folder, curve, keep);
        synchronized (waiting) {
            checkLimits(stored.ownerId());
            // Guarded: of two Continue requests at once (or one on another node) only one requeues the run.
            if (!records.requeue(stored.id(), keep)) {
                throw new InvalidInputException("run", "training.run.notStopped");
            }
            if (keep == 0) {
                deleteFolder(folder);
            }
            enqueue(run);
        }
        workers.execute(() -> execute(run));
        return run;
    }

    /** Runs are accepted while the engine warms up (they wait for it in the queue), refused when it is missing. */
    private void checkEngine() {
        if (!engine.available() && !engine.warmingUp()) {
            throw new InvalidInputException("engine", "training.engineUnavailable");
        }
    }

    private void checkLimits(long ownerId) {
        long active = live.values().stream().filter(r -> r.ownerId() == ownerId).count();
        if (active >= properties.queuedPerUser()) {
            throw new InvalidInputException("queue", "training.queue.userLimit", properties.queuedPerUser());
        }
        if (waiting.size() >= properties.queueCapacity()) {
            throw new InvalidInputException("queue", "training.queue.full", properties.queueCapacity());
        }
    }

    private void enqueue(TrainingRun run) {
        live.put(run.id(), run);
        waiting.add(run);
        run.publish(new TrainingEvent.Queued(run.id(), waiting.size()));
    }

    /** 1 for the next run to start, 0 for a run that is not waiting. */
    public int position(UUID runId) {
        synchronized (waiting) {
            for (int i = 0; i < waiting.size(); i++) {
                if (waiting.get(i).id().equals(runId)) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    /** The run while it waits or trains; empty once it has ended (then the database has all of it). */
    public Optional<TrainingRun> live(UUID runId) {
        return Optional.ofNullable(live.get(runId));
    }

    /** Every run waiting or training, the next to start first after the running ones. */
    public List<TrainingRun> liveRuns() {
        return live.values().stream()
                .sorted((a, b) -> a.state() != b.state() ? (a.state() == RunState.RUNNING ? -1 : 1)
                        : Integer.compare(position(a.id()), position(b.id())))
                .toList();
    }

    /** Whether training can go on from the run's last saved epoch. */
    boolean resumable(RunRecords.Row row) {
        RunSummary run = row.summary();
        return run.state().canContinue() && run.epochsDone() > 0 && run.epochsDone() <= run.config().epochs()
                && Files.isRegularFile(Path.of(row.checkpointDir()).resolve(
                        Checkpoints.parametersFile(run.epochsDone())));
    }

    /** A waiting run is dropped at once, a running one stops within a batch. The caller has checked the rights. */
    void cancel(UUID runId) {
        TrainingRun run = live.get(runId);
        if (run == null) {
            throw new InvalidInputException("run", "training.run.notActive");
        }
        run.cancelByUser();
        boolean wasWaiting;
        synchronized (waiting) {
            wasWaiting = waiting.remove(run);
        }
        if (wasWaiting) {
            recordEnd(run, RunState.CANCELLED, null);
            finish(run, RunState.CANCELLED, new TrainingEvent.Cancelled(run.id()));
            announcePositions();
        }
    }

    /** Removes a stopped run's files; its rows are deleted by the caller. */
    void deleteFiles(RunRecords.Row row) {
        deleteFolder(Path.of(row.checkpointDir()));
    }

    private void execute(TrainingRun run) {
        engine.awaitWarm();
        synchronized (waiting) {
            if (!waiting.remove(run)) {
                return; // cancelled while waiting
            }
            run.started(clock.instant());
        }
        announcePositions();
        try {
            if (!records.started(run.id(), run.startedAt())) {
                log.warn("Training run {} was no longer queued in the database when it started", run.id());
            }
            long earlierSeconds = run.resumeAfterEpoch() == 0 ? 0
                    : records.find(run.id()).map(r -> r.summary().trainingTime().toSeconds()).orElse(0L);
            run.publish(new TrainingEvent.Started(run.id(), run.resumeAfterEpoch()));
            EpochCheckpoints checkpoints = checkpointsFor(run);
            try (TrainedModel trained = ModelTrainer.train(run.config(),
                    progress -> onProgress(run, progress, earlierSeconds), run.cancellation(), checkpoints)) {
                CheckpointMetadata metadata = CheckpointMetadata.of(trained.result(), clock.instant(), appVersion(),
                        engine.status().engineName() + " " + engine.status().engineVersion());
                Checkpoints.save(trained, run.folder(), metadata);
                pruneParameters(run.folder(), run.config().epochs());
                if (!records.finished(run.id(), trained.result(), clock.instant(), folderSize(run.folder()))) {
                    log.warn("Training run {} finished but was no longer running in the database", run.id());
                }
                finish(run, RunState.FINISHED, new TrainingEvent.Finished(run.id(), trained.result(), run.folder()));
                events.publishEvent(new LabRunFinished(run.id(), run.ownerId(), run.experiment().slug(),
                        Experiment.LESSON));
            }
        } catch (Cancellation.CancelledException cancelled) {
            if (stopping && !run.cancelledByUser()) {
                endQuietly(run, RunState.INTERRUPTED, null, new TrainingEvent.Interrupted(run.id()));
            } else {
                endQuietly(run, RunState.CANCELLED, null, new TrainingEvent.Cancelled(run.id()));
            }
        } catch (IOException | RuntimeException | Error failure) {
            // Students see a reference, never paths or exception texts; the log has the details under it.
            String reason = Long.toString(Math.floorMod(java.util.concurrent.ThreadLocalRandom.current().nextLong(),
                    36L * 36 * 36 * 36 * 36 * 36), 36).toUpperCase(java.util.Locale.ROOT);
            log.error("Training run {} ({}) failed, reference {}", run.id(), run.config().kind(), reason, failure);
            endQuietly(run, RunState.FAILED, reason, new TrainingEvent.Failed(run.id(), reason));
        }
    }

    private EpochCheckpoints checkpointsFor(TrainingRun run) {
        if (run.resumeAfterEpoch() == 0) {
            return EpochCheckpoints.fresh(run.folder());
        }
        List<CurvePoint> epochs = run.curve().stream().filter(p -> p.kind() == CurvePoint.Kind.EPOCH).toList();
        return new EpochCheckpoints(run.folder(), run.resumeAfterEpoch(),
                epochs.stream().map(CurvePoint::trainLoss).toList(),
                epochs.stream().map(p -> p.validationLoss() == null ? Double.NaN : p.validationLoss()).toList());
    }

    private void onProgress(TrainingRun run, TrainingProgress progress, long earlierSeconds) {
        CurvePoint point = switch (progress) {
            case TrainingProgress.BatchLoss batch -> run.addPoint(CurvePoint.Kind.BATCH, batch.epoch(), batch.batch(),
                    batch.batchesPerEpoch(), batch.loss(), null);
            case TrainingProgress.EpochFinished epoch -> {
                CurvePoint added = run.addPoint(CurvePoint.Kind.EPOCH, epoch.epoch(), 1, 1, epoch.trainLoss(),
                        epoch.validationLoss());
                // The epoch's parameters are already on disk (the trainer saves them before reporting the epoch),
                // so once this commits, a resume can start from here.
                records.epochDone(run.id(), run.unstoredPoints(), epoch.epoch(),
                        epoch.samples().stream().map(RunSample::of).toList(),
                        epoch.elapsed().plus(Duration.ofSeconds(earlierSeconds)), folderSize(run.folder()));
                pruneParameters(run.folder(), epoch.epoch());
                yield added;
            }
        };
        run.publish(new TrainingEvent.Progress(run.id(), progress, point));
    }

    private void endQuietly(TrainingRun run, RunState state, String failure, TrainingEvent event) {
        try {
            recordEnd(run, state, failure);
            records.storage(run.id(), folderSize(run.folder()));
        } catch (RuntimeException e) {
            // The database is going away with the server: the next start marks the run interrupted anyway.
            log.warn("Could not record the end of run {}: {}", run.id(), e.toString());
        }
        finish(run, state, event);
    }

    private void recordEnd(TrainingRun run, RunState state, String failure) {
        if (!records.ended(run.id(), state, clock.instant(), failure)) {
            log.warn("Training run {} had already ended in the database; not marked {}", run.id(), state);
        }
    }

    private void finish(TrainingRun run, RunState state, TrainingEvent event) {
        live.remove(run.id());
        run.end(state, event);
    }

    private void announcePositions() {
        List<TrainingRun> snapshot;
        synchronized (waiting) {
            snapshot = List.copyOf(waiting);
        }
        for (int i = 0; i < snapshot.size(); i++) {
            snapshot.get(i).publish(new TrainingEvent.Queued(snapshot.get(i).id(), i + 1));
        }
    }

    /** Keeps only the parameters of {@code keepEpoch}: older epochs are no longer needed to resume. */
    private static void pruneParameters(Path folder, int keepEpoch) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher name = PARAMETERS.matcher(file.getFileName().toString());
                if (name.matches() && Integer.parseInt(name.group(1)) != keepEpoch) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove old checkpoints in {}: {}", folder, e.toString());
        }
    }

    static long folderSize(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void deleteFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }

    static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }

    private ThreadFactory trainingThreads() {
        AtomicInteger count = new AtomicInteger();
        ClassLoader appLoader = getClass().getClassLoader();
        return task -> {
            Thread thread = new Thread(task, "training-" + count.incrementAndGet());
            thread.setDaemon(true);
            // Inside the Boot jar only the application class loader sees DJL's engine provider.
            thread.setContextClassLoader(appLoader);
            // Page requests come first: the OS may prefer them when both cores are busy.
            thread.setPriority(Thread.NORM_PRIORITY - 2);
            return thread;
        };
    }

    private static String appVersion() {
        String version = TrainingQueue.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** A stopping server interrupts its runs (they can be resumed after the restart) rather than cancelling them. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        live.values().forEach(run -> run.cancellation().cancel());
        workers.shutdown();
        if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
