package org.latentlab.lab;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param queuedPerUser  runs one user may have waiting or training at once (on all nodes together)
 * @param queueCapacity  runs the whole school may have waiting
 * @param storageQuotaMb disk space one user's saved runs (their checkpoints) may take, in MiB
 * @param runsPerWorker  runs one worker node trains at once, taking turns on its processors; more wait in the queue
 * @param computeSlots   runs that compute at the same moment on one worker node, each on its own thread with the
 *                       engine's intra-op threads; 0 (the default): one per processor
 * @param turn           how long a run computes before the next waiting run gets its turn
 * @param maxExamples    the most training examples a run may go through (epochs x examples per epoch), so that no
 *                       run can take the machine for hours
 * @param checkpointRoot the folder for runs' checkpoints; a shared folder mounted at the same place on every node of
 *                       a cluster; default {@code <data-dir>/runs}
 * @param device         where runs compute: {@code cpu}, or {@code gpu} on a worker with PyTorch's CUDA build
 *                       (docs/deploy.md)
 */
@ConfigurationProperties("latentlab.training")
public record TrainingProperties(
        @DefaultValue("2") int queuedPerUser,
        @DefaultValue("60") int queueCapacity,
        @DefaultValue("200") long storageQuotaMb,
        @DefaultValue("40") int runsPerWorker,
        @DefaultValue("0") int computeSlots,
        @DefaultValue("250ms") Duration turn,
        @DefaultValue("200000") long maxExamples,
        Path checkpointRoot,
        @DefaultValue("cpu") String device) {

    /** The compute slots this node uses: the setting, or one per processor when it is 0. */
    public int effectiveComputeSlots() {
        return computeSlots > 0 ? computeSlots : Runtime.getRuntime().availableProcessors();
    }

    public long storageQuotaBytes() {
        return storageQuotaMb * 1024 * 1024;
    }
}
