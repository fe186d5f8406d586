package org.latentlab.music;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.latentlab.base.LatentLabProperties;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.InferenceLimits;
import org.latentlab.ml.MlProperties;
import org.latentlab.ml.WarmUpStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The pretrained melody VAE from {@code models/melody-vae}, packed into the jar under {@code latentlab/models/}
 * and loaded during the engine's warm-up after the image models: DJL loads parameters from files, so the packed
 * files are first copied to {@code <data-dir>/models-shipped/melody-vae} (or read straight from
 * {@code latentlab.ml.models-dir} when that is set). Without the engine or the model the app runs on: the problem
 * is logged and {@link #get()} is empty, as it is while the engine warms up.
 */
@Component
@Order(2)
public class ShippedMelodyModel implements WarmUpStep, DisposableBean {

    public static final String FOLDER = "melody-vae";
    private static final Logger log = LoggerFactory.getLogger(ShippedMelodyModel.class);

    private final DeepLearningEngine engine;
    private final MlProperties properties;
    private final LatentLabProperties settings;
    private final InferenceLimits limits;
    private volatile MelodyCodec codec;
    private volatile String problem;

    ShippedMelodyModel(DeepLearningEngine engine, MlProperties properties, LatentLabProperties settings,
            InferenceLimits limits) {
        this.engine = engine;
        this.limits = limits;
        this.properties = properties;
        this.settings = settings;
    }

    @Override
    public void warmUp() {
        try {
            Path folder = properties.modelsDir() != null ? properties.modelsDir().resolve(FOLDER)
                    : unpack(settings.dataDir().toAbsolutePath().resolve("models-shipped").resolve(FOLDER));
            MelodyCodec loaded = MelodyCodec.load(folder, limits);
            log.info("Melody VAE ready: {} latent numbers, test accuracy {} of steps", loaded.latentSize(),
                    String.format(java.util.Locale.ROOT, "%.3f", loaded.metadata().testAccuracy()));
            codec = loaded;
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
            log.warn("Pretrained melody VAE not available: {}", e.getMessage());
        }
    }

    public Optional<MelodyCodec> get() {
        return Optional.ofNullable(codec);
    }

    /** Why the model is missing, if it is. */
    public Optional<String> problem() {
        if (codec == null && problem == null) {
            return Optional.of(engine.warmingUp() ? "warming up" : "the deep-learning engine is not available");
        }
        return Optional.ofNullable(problem);
    }

    /** Copies the packed model ({@code metadata.json} and the parameters it names) into {@code target}. */
    static Path unpack(Path target) throws IOException {
        String base = "latentlab/models/" + FOLDER + "/";
        ClassLoader loader = ShippedMelodyModel.class.getClassLoader();
        try (InputStream metadata = loader.getResourceAsStream(base + MelodyVaeMetadata.FILE)) {
            if (metadata == null) {
                throw new IOException("no " + FOLDER + " model is packed in this build");
            }
            Files.createDirectories(target);
            Files.copy(metadata, target.resolve(MelodyVaeMetadata.FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        String parameters = MelodyVaeMetadata.read(target).parametersFile();
        try (InputStream in = loader.getResourceAsStream(base + parameters)) {
            if (in == null) {
                throw new IOException("the packed " + FOLDER + " model lacks " + parameters);
            }
            Files.copy(in, target.resolve(parameters), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public void destroy() {
        MelodyCodec loaded = codec;
        if (loaded != null) {
            loaded.close();
        }
    }
}
