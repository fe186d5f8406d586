package org.latentlab.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.LatentLabProperties;
import org.latentlab.base.SignedInUser;
import org.latentlab.ml.Cancellation;
import org.latentlab.ml.CheckpointMetadata;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.ModelTrainer;
import org.latentlab.ml.TrainedModel;
import org.latentlab.ml.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Every training goes through this queue: at most {@code concurrentRuns} at once on dedicated threads, the rest
 * waiting in submission order with a visible position. One user cannot fill the machine: each may have only
 * {@code queuedPerUser} runs waiting or running. Finished runs are saved as checkpoints under the data folder.
 */
@Service
public class TrainingQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrainingQueue.class);

    private final TrainingProperties properties;
    private final DeepLearningEngine engine;
    private final Clock clock;
    private final Path runsFolder;
    private final ExecutorService workers;
    private final Map<UUID, TrainingRun> runs = new ConcurrentHashMap<>();
    private final List<TrainingRun> waiting = new ArrayList<>();

    public TrainingQueue(TrainingProperties properties, DeepLearningEngine engine, LatentLabProperties settings,
            Clock clock) {
        this.properties = properties;
        this.engine = engine;
        this.clock = clock;
        this.runsFolder = settings.dataDir().toAbsolutePath().resolve("runs");
        this.workers = new ThreadPoolExecutor(properties.concurrentRuns(), properties.concurrentRuns(), 0,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), trainingThreads());
    }

    /** Queues a run; refused with a message when the config is invalid or a limit is reached. */
    public TrainingRun submit(long ownerId, TrainingConfig config) {
        config.validate();
        if (!engine.available()) {
            throw new InvalidInputException("engine", "training.engineUnavailable");
        }
        TrainingRun run = new TrainingRun(ownerId, config, clock.instant());
        synchronized (waiting) {
            long active = runs.values().stream().filter(r -> r.ownerId() == ownerId && !r.state().ended()).count();
            if (active >= properties.queuedPerUser()) {
                throw new InvalidInputException("queue", "training.queue.userLimit", properties.queuedPerUser());
            }
            if (waiting.size() >= properties.queueCapacity()) {
                throw new InvalidInputException("queue", "training.queue.full", properties.queueCapacity());
            }
            runs.put(run.id(), run);
            waiting.add(run);
            run.publish(new TrainingEvent.Queued(run.id(), waiting.size()));
        }
        workers.execute(() -> execute(run));
        return run;
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

    public List<TrainingRun> runsOf(long ownerId) {
        return runs.values().stream().filter(r -> r.ownerId() == ownerId)
                .sorted((a, b) -> b.submittedAt().compareTo(a.submittedAt())).toList();
    }

    /** Every run, for teachers and admins watching the machine. */
    public List<TrainingRun> allRuns() {
        return runs.values().stream().sorted((a, b) -> b.submittedAt().compareTo(a.submittedAt())).toList();
    }

    /** The owner, a teacher or an admin may cancel; a waiting run is dropped, a running one stops within a batch. */
    public void cancel(UUID runId, SignedInUser requester) {
        TrainingRun run = runs.get(runId);
        if (run == null) {
            throw new InvalidInputException("run", "training.run.notFound");
        }
        if (run.ownerId() != requester.userId() && !requester.isTeacher()) {
            throw new AccessDeniedException("Run " + runId + " belongs to another user");
        }
        run.cancellation().cancel();
        boolean wasWaiting;
        synchronized (waiting) {
            wasWaiting = waiting.remove(run);
        }
        if (wasWaiting) {
            run.end(RunState.CANCELLED, new TrainingEvent.Cancelled(run.id()));
            announcePositions();
        }
    }

    private void execute(TrainingRun run) {
        synchronized (waiting) {
            if (!waiting.remove(run)) {
                return; // cancelled while waiting
            }
            run.state(RunState.RUNNING);
        }
        announcePositions();
        run.publish(new TrainingEvent.Started(run.id()));
        try (TrainedModel trained = ModelTrainer.train(run.config(),
                progress -> run.publish(new TrainingEvent.Progress(run.id(), progress)), run.cancellation())) {
            Path folder = runsFolder.resolve(run.id().toString());
            CheckpointMetadata metadata = CheckpointMetadata.of(trained.result(), clock.instant(), appVersion(),
                    engine.status().engineName() + " " + engine.status().engineVersion());
            Checkpoints.save(trained, folder, metadata);
            run.end(RunState.FINISHED, new TrainingEvent.Finished(run.id(), trained.result(), folder));
        } catch (Cancellation.CancelledException cancelled) {
            run.end(RunState.CANCELLED, new TrainingEvent.Cancelled(run.id()));
        } catch (IOException | RuntimeException | Error failure) {
            log.error("Training run {} ({}) failed", run.id(), run.config().kind(), failure);
            run.end(RunState.FAILED, new TrainingEvent.Failed(run.id(), failure.getClass().getSimpleName() + ": "
                    + failure.getMessage()));
        }
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

    @Override
    public void destroy() {
        runs.values().forEach(run -> run.cancellation().cancel());
        workers.shutdownNow();
    }
}
