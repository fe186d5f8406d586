package org.latentlab.playground;

import java.time.Instant;
import java.util.UUID;

import org.latentlab.ml.ModelKind;

/**
 * A model the Playground can open: a shipped one ({@code shipped:<folder>}) or a finished Lab run of the user
 * ({@code run:<uuid>}).
 *
 * @param experimentKey message key of the Lab experiment, for runs; null for shipped models
 * @param finishedAt    when the run finished; null for shipped models
 * @param testLoss      the model's figure on the test digits (mse, or the VAE loss), if known
 */
public record ModelChoice(String id, ModelKind kind, int latentSize, UUID runId, String experimentKey,
        Instant finishedAt, Double testLoss) {

    static final String SHIPPED = "shipped:";
    static final String RUN = "run:";

    public boolean shipped() {
        return runId == null;
    }

    public static String runId(UUID run) {
        return RUN + run;
    }
}
