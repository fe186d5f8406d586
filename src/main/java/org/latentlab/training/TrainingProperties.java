package org.latentlab.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrentRuns  how many trainings run at once; each already uses the engine's intra-op threads
 * @param queuedPerUser   runs one user may have waiting or running at once
 * @param queueCapacity   runs the whole server may have waiting
 * @param storageQuotaMb  disk space one user's saved runs (their checkpoints) may take, in MiB
 */
@ConfigurationProperties("latentlab.training")
public record TrainingProperties(
        @DefaultValue("1") int concurrentRuns,
        @DefaultValue("2") int queuedPerUser,
        @DefaultValue("60") int queueCapacity,
        @DefaultValue("200") long storageQuotaMb) {

    public long storageQuotaBytes() {
        return storageQuotaMb * 1024 * 1024;
    }
}
