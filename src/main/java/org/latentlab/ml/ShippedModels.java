package org.latentlab.ml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.latentlab.base.LatentLabProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The pretrained digit models from the top-level {@code models/} folder, packed into the jar, loaded during the
 * engine's warm-up so the Playground and the Challenges work on a fresh server without training first. DJL loads
 * parameters from files, so the packed models are first copied to {@code <data-dir>/models-shipped} ({@link #folder},
 * which other families' shipped models use too). A model that fails to load is logged with the reason and left out;
 * the app runs on. Until the warm-up has loaded them, {@link #get} is empty
 * and {@link DeepLearningEngine#warmingUp()} says why.
 */
@Component
@Order(1)
public class ShippedModels implements WarmUpStep, DisposableBean {

    /** The kinds we ship, in the order the README lists them. */
    public static final List<ModelKind> KINDS = List.of(ModelKind.CONV_AE, ModelKind.DENOISING_AE,
            ModelKind.SUPER_RESOLUTION_AE, ModelKind.VAE_2D, ModelKind.VAE, ModelKind.CONV_VAE, ModelKind.CLASSIFIER);
    private static final Logger log = LoggerFactory.getLogger(ShippedModels.class);

    private final DeepLearningEngine engine;
    private final MlProperties properties;
    private final InferenceLimits limits;
    private final Path unpacked;
    private volatile Map<ModelKind, LoadedModel> models = Map.of();
    private volatile Map<ModelKind, String> problems = Map.of();

    ShippedModels(DeepLearningEngine engine, MlProperties properties, LatentLabProperties settings,
            InferenceLimits limits) {
        this.engine = engine;
        this.limits = limits;
        this.properties = properties;
        this.unpacked = settings.dataDir().toAbsolutePath().resolve("models-shipped");
    }

    /** Loads every shipped model; called once by the engine's warm-up, after PyTorch has loaded. */
    @Override
    public void warmUp() {
        Map<ModelKind, LoadedModel> loaded = new EnumMap<>(ModelKind.class);
        Map<ModelKind, String> missing = new EnumMap<>(ModelKind.class);
        for (ModelKind kind : KINDS) {
            try {
                loaded.put(kind, Checkpoints.load(folder(folderName(kind), CheckpointMetadata.class), limits));
            } catch (IOException | CheckpointException | RuntimeException e) {
                missing.put(kind, e.getMessage());
                log.warn("Pretrained {} model not available: {}", kind, e.getMessage());
            }
        }
        models = Collections.unmodifiableMap(loaded);
        problems = Collections.unmodifiableMap(missing);
        log.info("Pretrained models ready: {}", loaded.keySet());
    }

    public static String folderName(ModelKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Optional<LoadedModel> get(ModelKind kind) {
        return Optional.ofNullable(models.get(kind));
    }

    public Map<ModelKind, LoadedModel> all() {
        return models;
    }

    /** Why a kind is missing, for the admin page (every kind, with the reason, while the engine is not ready). */
    public Map<ModelKind, String> problems() {
        if (!models.isEmpty() || !problems.isEmpty()) {
            return problems;
        }
        String reason = waitingReason();
        Map<ModelKind, String> all = new EnumMap<>(ModelKind.class);
        KINDS.forEach(kind -> all.put(kind, reason));
        return all;
    }

    /**
     * Why a shipped model is not loaded while no load has been tried: the engine is still warming up, or it could
     * not start. For every family's shipped models.
     */
    public String waitingReason() {
        return engine.warmingUp() ? "warming up" : "the deep-learning engine is not available";
    }

    /**
     * The folder a packed model is loaded from, for every family: {@code latentlab.ml.models-dir/<name>} when that is
     * set, otherwise the jar's {@code latentlab/models/<name>/} copied to {@code <data-dir>/models-shipped/<name>}
     * (its {@code metadata.json}, read as {@code metadataType}, and the parameters file that names), since DJL loads
     * parameters from files only.
     */
    public <M extends ModelMetadata> Path folder(String name, Class<M> metadataType)
            throws IOException, CheckpointException {
        if (properties.modelsDir() != null) {
            return properties.modelsDir().resolve(name);
        }
        Path target = unpacked.resolve(name);
        String base = "latentlab/models/" + name + "/";
        ClassLoader loader = ShippedModels.class.getClassLoader();
        try (InputStream metadata = loader.getResourceAsStream(base + Checkpoints.METADATA)) {
            if (metadata == null) {
                throw new CheckpointException("no " + name + " model is packed in this build");
            }
            Files.createDirectories(target);
            Files.copy(metadata, target.resolve(Checkpoints.METADATA), StandardCopyOption.REPLACE_EXISTING);
        }
        String parameters = Checkpoints.readMetadata(target, metadataType).parametersFile();
        try (InputStream in = loader.getResourceAsStream(base + parameters)) {
            if (in == null) {
                throw new CheckpointException("the packed " + name + " model lacks " + parameters);
            }
            Files.copy(in, target.resolve(parameters), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public void destroy() {
        models.values().forEach(LoadedModel::close);
    }
}
