package org.latentlab.playground;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.latentlab.base.ClusterEvents;
import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.TemporarilyUnavailableException;
import org.latentlab.ml.CheckpointException;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.LoadedModel;
import org.latentlab.ml.InferenceLimits;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ShippedModels;
import org.latentlab.lab.LabRunDeleted;
import org.latentlab.lab.LabRunFinished;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunState;
import org.latentlab.lab.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The models the Playground can open, and their latent spaces. Shipped models are open to everyone; a Lab run's
 * model only to those {@link LabRuns#model} lets see it (its owner and the owner's teachers), and anyone else gets
 * the same "not found" as for an id that does not exist. Spaces are built once (encoding the held-out digits takes
 * about a second) and cached: shipped ones for good, students' ones up to a limit, least recently used first out.
 */
@Service
public class LatentSpaces implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LatentSpaces.class);
    private static final Duration WARM_UP_RETRY = Duration.ofSeconds(3);

    private final ShippedModels shipped;
    private final DeepLearningEngine engine;
    private final LabRuns labRuns;
    private final CurrentUser currentUser;
    private final HeldOutDigits digits;
    private final InferenceLimits limits;
    private final Map<ModelKind, LatentSpace> shippedSpaces = new ConcurrentHashMap<>();
    private final LinkedHashMap<UUID, LatentSpace> runSpaces;

    LatentSpaces(ShippedModels shipped, DeepLearningEngine engine, LabRuns labRuns, CurrentUser currentUser, HeldOutDigits digits,
            InferenceLimits limits, PlaygroundProperties properties, ClusterEvents events) {
        // A run trained again or deleted, on any node: its old model must not be served any more.
        events.subscribe(LabRunFinished.class, finished -> forget(finished.runId()));
        events.subscribe(LabRunDeleted.class, deleted -> forget(deleted.runId()));
        this.shipped = shipped;
        this.engine = engine;
        this.labRuns = labRuns;
        this.currentUser = currentUser;
        this.digits = digits;
        this.limits = limits;
        int capacity = Math.max(1, properties.cachedRunModels());
        this.runSpaces = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, LatentSpace> eldest) {
                if (size() > capacity) {
                    eldest.getValue().model().close();
                    return true;
                }
                return false;
            }
        };
    }

    /** Shipped models of these kinds first, then the signed-in user's finished Lab runs of these kinds, newest first. */
    public List<ModelChoice> choices(Set<ModelKind> kinds) {
        List<ModelChoice> choices = new ArrayList<>();
        for (ModelKind kind : ShippedModels.KINDS) {
            if (kinds.contains(kind)) {
                shipped.get(kind).ifPresent(model -> choices.add(new ModelChoice(
                        ModelChoice.SHIPPED + ShippedModels.folderName(kind), kind, model.latentSize(), null, null,
                        null, model.metadata().testLoss())));
            }
        }
        if (currentUser.get().isPresent()) {
            for (RunSummary run : labRuns.myRuns()) {
                ModelKind kind = run.experiment().kind();
                if (run.state() == RunState.FINISHED && kinds.contains(kind)) {
                    choices.add(runChoice(run));
                }
            }
        }
        return choices;
    }

    private static ModelChoice runChoice(RunSummary run) {
        return new ModelChoice(ModelChoice.runId(run.id()), run.experiment().kind(),
                run.config().effectiveLatentSize(), run.id(), run.experiment().messageKey(), run.endedAt(),
                run.testLoss());
    }

    /** Every kind with a latent space: what the map, grid, sliders, paths and drawing work with. */
    public static Set<ModelKind> latentKinds() {
        Set<ModelKind> kinds = java.util.EnumSet.allOf(ModelKind.class);
        kinds.remove(ModelKind.CLASSIFIER);
        return kinds;
    }

    /** The shipped model a page opens first for a kind, if it is loaded. */
    public Optional<String> shippedId(ModelKind kind) {
        return shipped.get(kind).map(model -> ModelChoice.SHIPPED + ShippedModels.folderName(kind));
    }

    /**
     * Opens a model's latent space, checking that the signed-in user (or a visitor) may use it. While the engine
     * warms up after a start, it asks to try again in a moment.
     */
    public LatentSpace open(String modelId) {
        if (engine.warmingUp()) {
            throw new TemporarilyUnavailableException(WARM_UP_RETRY, "model", "ml.warmingUp");
        }
        if (modelId != null && modelId.startsWith(ModelChoice.SHIPPED)) {
            ModelKind kind = shippedKind(modelId.substring(ModelChoice.SHIPPED.length()));
            LoadedModel model = shipped.get(kind).orElseThrow(
                    () -> new InvalidInputException("model", "playground.model.unavailable"));
            return shippedSpaces.computeIfAbsent(kind, k -> new LatentSpace(new ModelChoice(modelId, k,
                    model.latentSize(), null, null, null, model.metadata().testLoss()), model, digits.heldOut()));
        }
        UUID run = runId(modelId);
        if (currentUser.get().isEmpty()) {
            throw new InvalidInputException("model", "playground.model.signIn");
        }
        // Throws "not found" for a run the user may not see, and "not finished" for one without a final model.
        Path folder = labRuns.model(run);
        synchronized (runSpaces) {
            LatentSpace cached = runSpaces.get(run);
            if (cached != null) {
                return cached;
            }
        }
        RunSummary summary = labRuns.run(run);
        LatentSpace space = build(runChoice(summary), folder);
        synchronized (runSpaces) {
            LatentSpace raced = runSpaces.get(run);
            if (raced != null) {
                space.model().close();
                return raced;
            }
            runSpaces.put(run, space);
            return space;
        }
    }

    /**
     * The space of a model this HTTP session has already been allowed to open ({@code granted}), straight from the
     * cache, so the decode-on-pointer-move path does no database work; otherwise the full check of {@link #open}.
     */
    public LatentSpace openGranted(String modelId, Set<String> granted) {
        if (granted.contains(modelId) && modelId.startsWith(ModelChoice.RUN)) {
            UUID run = runId(modelId);
            synchronized (runSpaces) {
                LatentSpace cached = runSpaces.get(run);
                if (cached != null) {
                    return cached;
                }
            }
        }
        LatentSpace space = open(modelId);
        granted.add(modelId);
        return space;
    }

    /**
     * Runs an operation on a model's space. If the cache unloads that model meanwhile (it does so only for students'
     * models, when others need the room), the model is loaded again and the operation repeated once.
     */
    public <T> T use(String modelId, Function<LatentSpace, T> operation) {
        try {
            return operation.apply(open(modelId));
        } catch (LoadedModel.ModelClosedException unloaded) {
            return operation.apply(open(modelId));
        }
    }

    /** The classifier that says which digit an image shows (the Challenges' judge), if it is loaded. */
    public Optional<LoadedModel> classifier() {
        return shipped.get(ModelKind.CLASSIFIER);
    }

    private LatentSpace build(ModelChoice choice, Path folder) {
        try {
            LoadedModel model = Checkpoints.load(folder, limits);
            if (!model.kind().isAutoencoder()) {
                model.close();
                throw new InvalidInputException("model", "playground.model.noLatentSpace");
            }
            return new LatentSpace(choice, model, digits.heldOut());
        } catch (CheckpointException e) {
            log.warn("Cannot open the model of run {}: {}", choice.runId(), e.getMessage());
            throw new InvalidInputException("model", "playground.model.broken");
        }
    }

    private static ModelKind shippedKind(String folder) {
        for (ModelKind kind : ShippedModels.KINDS) {
            if (ShippedModels.folderName(kind).equals(folder) && kind.isAutoencoder()) {
                return kind;
            }
        }
        throw new InvalidInputException("model", "playground.model.unknown");
    }

    private static UUID runId(String modelId) {
        if (modelId == null || !modelId.startsWith(ModelChoice.RUN)) {
            throw new InvalidInputException("model", "playground.model.unknown");
        }
        try {
            return UUID.fromString(modelId.substring(ModelChoice.RUN.length()));
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("model", "playground.model.unknown");
        }
    }


    private void forget(UUID run) {
        LatentSpace removed;
        synchronized (runSpaces) {
            removed = runSpaces.remove(run);
        }
        if (removed != null) {
            removed.model().close();
        }
    }

    @Override
    public void destroy() {
        synchronized (runSpaces) {
            runSpaces.values().forEach(space -> space.model().close());
            runSpaces.clear();
        }
    }
}
