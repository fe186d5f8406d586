package org.latentlab.ml;

import ai.djl.Device;

/**
 * How a training is steered from outside while it runs.
 *
 * @param cancellation    checked before every batch: set it and the training stops within one batch
 * @param beforeEachBatch called before every batch, after the cancellation check; it may block, e.g. until it is this
 *                        run's turn on a machine that trains many runs at once
 * @param device          where the network computes: the CPU, or a CUDA GPU on a worker with PyTorch's CUDA build
 */
public record TrainingControl(Cancellation cancellation, Runnable beforeEachBatch, Device device) {

    /** On the CPU, without pauses, stopped by {@code cancellation}. */
    public static TrainingControl of(Cancellation cancellation) {
        return new TrainingControl(cancellation, () -> { }, Device.cpu());
    }

    /** The device for a setting value: {@code cpu} (the default) or {@code gpu}. */
    public static Device device(String name) {
        return switch (name == null ? "cpu" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "cpu", "" -> Device.cpu();
            case "gpu", "cuda" -> Device.gpu();
            default -> throw new IllegalArgumentException("latentlab.training.device must be cpu or gpu, not " + name);
        };
    }
}
