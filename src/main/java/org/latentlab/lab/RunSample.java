package org.latentlab.lab;

import java.util.Arrays;

import org.latentlab.ml.TrainingProgress;

/**
 * A validation digit as a run last showed it, stored with the run: the original, what the network saw (noisy or
 * low-resolution for some experiments) and what it produced, as grey levels 0..255.
 */
public record RunSample(int label, int inputSide, byte[] original, byte[] input, byte[] output) {

    public static RunSample of(TrainingProgress.Sample sample) {
        return new RunSample(sample.label(), sample.inputSide(), grey(sample.original()), grey(sample.input()),
                grey(sample.output()));
    }

    /** Pixels back as 0..1, for drawing. */
    public static float[] pixels(byte[] grey) {
        float[] values = new float[grey.length];
        for (int i = 0; i < grey.length; i++) {
            values[i] = (grey[i] & 0xff) / 255f;
        }
        return values;
    }

    private static byte[] grey(float[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = Float.isFinite(values[i]) ? Math.clamp(values[i], 0f, 1f) : 0f;
            bytes[i] = (byte) Math.round(v * 255);
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunSample that && label == that.label && inputSide == that.inputSide
                && Arrays.equals(original, that.original) && Arrays.equals(input, that.input)
                && Arrays.equals(output, that.output);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(original) + Arrays.hashCode(output);
    }

    @Override
    public String toString() {
        return "RunSample[label=" + label + ", inputSide=" + inputSide + "]";
    }
}
