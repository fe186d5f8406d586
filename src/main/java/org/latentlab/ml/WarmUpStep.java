package org.latentlab.ml;

/**
 * Work that needs the engine and belongs to the warm-up, such as loading shipped models: {@link DeepLearningEngine}
 * runs every such bean, in {@code @Order}, on its warm-up thread once PyTorch is loaded, and reports the engine
 * ready only after all of them. A step that fails is logged and the others still run.
 */
public interface WarmUpStep {

    void warmUp() throws Exception;
}
