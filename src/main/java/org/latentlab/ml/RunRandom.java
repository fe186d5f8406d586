package org.latentlab.ml;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The random draws of the training run on this thread: a VAE's ε and a denoising run's noise come from the run's
 * own generator, seeded from its settings, instead of from the engine's one generator that every run in the JVM
 * shares. On a worker, runs train side by side on their own threads; with a shared generator each run's draws
 * depended on what the others drew meanwhile, so the same seed gave another curve under a class's load than alone
 * (and a run starting up had its initial parameters shifted by others' draws). Now a seed gives the same run either
 * way, and the engine's generator is used only to initialise parameters, under {@link ModelTrainer}'s lock. Outside
 * a training run (inference, tools) draws come from the engine's generator as before.
 */
final class RunRandom {

    private static final ThreadLocal<SplittableRandom> CURRENT = new ThreadLocal<>();

    private RunRandom() {
    }

    /** From now on, this thread's draws come from a generator seeded with {@code seed}. */
    static void begin(long seed) {
        CURRENT.set(new SplittableRandom(seed));
    }

    /** This thread's run has ended. */
    static void end() {
        CURRENT.remove();
    }

    /** Standard normal numbers of the given shape: from the run's generator on this thread, else the engine's. */
    static NDArray normal(NDManager manager, Shape shape) {
        SplittableRandom random = CURRENT.get();
        if (random == null) {
            return manager.randomNormal(shape);
        }
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, shape);
    }
}
