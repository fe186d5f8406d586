package org.latentlab.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Records gradients for one training step on the calling thread. DJL's own collector ({@code
 * PtGradientCollector}) allows one collector in the whole JVM at a time (a static flag), which would make a worker
 * train one run at a time however many processors it has. PyTorch itself keeps its grad mode per thread and the
 * autograd graphs of different runs share nothing, so several runs may each record and apply their gradients on
 * their own threads at once ({@code latentlab.training.compute-slots}). Gradients are cleared by the optimizer
 * step as with DJL's collector.
 */
final class ThreadGradients implements AutoCloseable {

    private final boolean gradModeBefore;

    ThreadGradients() {
        gradModeBefore = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Back-propagates {@code loss} (a scalar or any shape: every element weighs 1), as DJL's collector does. */
    void backward(NDArray loss) {
        try (NDArray ones = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
        }
    }

    @Override
    public void close() {
        if (!gradModeBefore) {
            JniUtils.setGradMode(false);
        }
    }
}
