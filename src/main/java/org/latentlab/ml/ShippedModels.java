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
import org.springframework.stereotype.Component;

/**
 * The pretrained models from the top-level {@code models/} folder, packed into the jar, loaded at start-up so the
 * Playground and the Challenges work on a fresh server without training first. DJL loads parameters from files,
 * so the packed models are first copied to {@code <data-dir>/models-shipped}. A model that fails to load is
 * logged with the reason and left out; the app runs on.
 */
@Component
public class ShippedModels implements DisposableBean {

    /** The kinds we ship, in the order the README lists them. */
    public static final List<ModelKind> KINDS = List.of(ModelKind.CONV_AE, ModelKind.DENOISING_AE,
            ModelKind.SUPER_RESOLUTION_AE, ModelKind.VAE_2D, ModelKind.VAE, ModelKind.CONV_VAE, ModelKind.CLASSIFIER);
    private static final Logger log = LoggerFactory.getLogger(ShippedModels.class);

    private final Map<ModelKind, LoadedModel> models = new EnumMap<>(ModelKind.class);
    private final Map<ModelKind, String> problems = new EnumMap<>(ModelKind.class);

    ShippedModels(DeepLearningEngine engine, MlProperties properties, LatentLabProperties settings) {
        if (!engine.available()) {
            KINDS.forEach(kind -> problems.put(kind, "the deep-learning engine is not available"));
            return;
        }
        Path unpacked = settings.dataDir().toAbsolutePath().resolve("models-shipped");
        for (ModelKind kind : KINDS) {
            try {
                Path folder = properties.modelsDir() != null ? properties.modelsDir().resolve(folderName(kind))
                        : unpack(kind, unpacked.resolve(folderName(kind)));
                models.put(kind, Checkpoints.load(folder, properties.inferenceSlots()));
            } catch (IOException | CheckpointException | RuntimeException e) {
                problems.put(kind, e.getMessage());
                log.warn("Pretrained {} model not available: {}", kind, e.getMessage());
            }
        }
        log.info("Pretrained models ready: {}", models.keySet());
    }

    public static String folderName(ModelKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Optional<LoadedModel> get(ModelKind kind) {
        return Optional.ofNullable(models.get(kind));
    }

    public Map<ModelKind, LoadedModel> all() {
        return Collections.unmodifiableMap(models);
    }

    /** Why a kind is missing, for the admin page. */
    public Map<ModelKind, String> problems() {
        return Collections.unmodifiableMap(problems);
    }

    private static Path unpack(ModelKind kind, Path target) throws IOException, CheckpointException {
        String base = "latentlab/models/" + folderName(kind) + "/";
        ClassLoader loader = ShippedModels.class.getClassLoader();
        try (InputStream metadata = loader.getResourceAsStream(base + Checkpoints.METADATA)) {
            if (metadata == null) {
                throw new CheckpointException("no " + folderName(kind) + " model is packed in this build");
            }
            Files.createDirectories(target);
            Files.copy(metadata, target.resolve(Checkpoints.METADATA), StandardCopyOption.REPLACE_EXISTING);
        }
        String parameters = Checkpoints.readMetadata(target).parametersFile();
        try (InputStream in = loader.getResourceAsStream(base + parameters)) {
            if (in == null) {
                throw new CheckpointException("the packed " + folderName(kind) + " model lacks " + parameters);
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
