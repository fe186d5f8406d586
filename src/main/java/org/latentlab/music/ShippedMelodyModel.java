package org.latentlab.music;

import java.io.IOException;
import java.util.Optional;

import org.latentlab.ml.CheckpointException;
import org.latentlab.ml.InferenceLimits;
import org.latentlab.ml.ShippedModels;
import org.latentlab.ml.WarmUpStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The pretrained melody VAE from {@code models/melody-vae}, packed into the jar under {@code latentlab/models/}
 * and loaded during the engine's warm-up after the digit models, from the folder {@link ShippedModels#folder} gives
 * (unpacked from the jar, or {@code latentlab.ml.models-dir}). Without the engine or the model the app runs on: the
 * problem is logged and {@link #get()} is empty, as it is while the engine warms up.
 */
@Component
@Order(2)
public class ShippedMelodyModel implements WarmUpStep, DisposableBean {

    public static final String FOLDER = "melody-vae";
    private static final Logger log = LoggerFactory.getLogger(ShippedMelodyModel.class);

    private final ShippedModels shipped;
    private final InferenceLimits limits;
    private volatile MelodyCodec codec;
    private volatile String problem;

    ShippedMelodyModel(ShippedModels shipped, InferenceLimits limits) {
        this.shipped = shipped;
        this.limits = limits;
    }

    @Override
    public void warmUp() {
        try {
            MelodyCodec loaded = MelodyCodec.load(shipped.folder(FOLDER, MelodyVaeMetadata.class), limits);
            log.info("Melody VAE ready: {} latent numbers, test accuracy {} of steps", loaded.latentSize(),
                    String.format(java.util.Locale.ROOT, "%.3f", loaded.metadata().testAccuracy()));
            codec = loaded;
        } catch (IOException | CheckpointException | RuntimeException e) {
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
            return Optional.of(shipped.waitingReason());
        }
        return Optional.ofNullable(problem);
    }

    @Override
    public void destroy() {
        MelodyCodec loaded = codec;
        if (loaded != null) {
            loaded.close();
        }
    }
}
