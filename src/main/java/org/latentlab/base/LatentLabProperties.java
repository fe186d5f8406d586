package org.latentlab.base;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application-wide settings.
 *
 * @param dataDir folder for everything the app writes: the H2 database, students' checkpoints, engine cache.
 *                It survives restarts; point it elsewhere with {@code latentlab.data-dir} or {@code LATENTLAB_DATA_DIR}.
 */
@ConfigurationProperties("latentlab")
public record LatentLabProperties(@DefaultValue("data") Path dataDir) {
}
