package org.latentlab.music;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.CheckpointException;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.InferenceLimits;
import org.latentlab.ml.InferenceSlots;
import org.latentlab.ml.Interpolation;

/**
 * A trained melody VAE in memory: melodies to codes and back. Thread-safe: at most {@code concurrency} calls run
 * at once, each in its own NDManager (closed after the call) with autograd off, so a burst of requests waits
 * briefly instead of oversubscribing the CPU. Codes are the encoder's means.
 */
public final class MelodyCodec implements AutoCloseable {

    /** Longest path {@link #interpolate} draws. */
    public static final int MAX_STEPS = 32;

    private final Model model;
    private final MelodyVaeBlock block;
    private final MelodyVaeMetadata metadata;
    private final InferenceSlots slots;

    private MelodyCodec(Model model, MelodyVaeMetadata metadata, InferenceLimits limits) {
        this.model = model;
        this.block = (MelodyVaeBlock) model.getBlock();
        this.metadata = metadata;
        this.slots = new InferenceSlots(model, limits);
    }

    /** Loads a melody VAE folder ({@code metadata.json} and DJL parameters), as {@link Checkpoints} loads any. */
    public static MelodyCodec load(Path folder, InferenceLimits limits) throws CheckpointException {
        MelodyVaeMetadata metadata = MelodyVaeMetadata.read(folder);
        return new MelodyCodec(Checkpoints.loadParameters(folder, metadata, new MelodyVaeBlock(metadata.config()),
                "a melody VAE of its metadata's size"), metadata, limits);
    }

    public MelodyVaeMetadata metadata() {
        return metadata;
    }

    public int latentSize() {
        return block.latentSize();
    }

    public float[] encode(Melody melody) {
        return encode(List.of(melody)).getFirst();
    }

    /** The codes (the encoder's means) of several melodies, in one call. */
    public List<float[]> encode(List<Melody> melodies) {
        float[] values = run(manager -> block.encode(new ParameterStore(manager, false),
                MelodyTensors.oneHot(manager, melodies)));
        List<float[]> codes = new ArrayList<>();
        int size = latentSize();
        for (int i = 0; i < melodies.size(); i++) {
            codes.add(java.util.Arrays.copyOfRange(values, i * size, (i + 1) * size));
        }
        return codes;
    }

    /**
     * The melody a code stands for: the most likely token at each step; a hold after a rest (or at the start)
     * becomes a rest. Codes must have {@link #latentSize()} finite numbers.
     */
    public Melody decode(float[] code) {
        return decode(List.of(code)).getFirst();
    }

    public List<Melody> decode(List<float[]> codes) {
        int size = latentSize();
        float[] flat = new float[codes.size() * size];
        for (int i = 0; i < codes.size(); i++) {
            float[] code = codes.get(i);
            if (code == null || code.length != size) {
                throw new InvalidInputException("code", "challenge.music.code.size", i + 1, size);
            }
            for (int d = 0; d < size; d++) {
                if (!Float.isFinite(code[d])) {
                    throw new InvalidInputException("code", "challenge.music.code.size", i + 1, size);
                }
                flat[i * size + d] = code[d];
            }
        }
        float[] logits = run(manager -> block.decode(new ParameterStore(manager, false),
                manager.create(flat, new Shape(codes.size(), size))));
        List<Melody> melodies = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            melodies.add(MelodyTensors.fromLogits(logits, i));
        }
        return melodies;
    }

    /** The melody decoded from the melody's own code. */
    public Melody reconstruct(Melody melody) {
        return decode(encode(melody));
    }

    /** {@code steps} melodies (2 to 32) on the straight line from a's code to b's, both ends included. */
    public List<Melody> interpolate(Melody a, Melody b, int steps) {
        return interpolate(a, b, steps, Interpolation.LINEAR);
    }

    public List<Melody> interpolate(Melody a, Melody b, int steps, Interpolation how) {
        List<float[]> ends = encode(List.of(a, b));
        return decode(path(ends.get(0), ends.get(1), steps, how));
    }

    /** {@code steps} codes from a to b (ends included), evenly spaced in t. */
    public static List<float[]> path(float[] a, float[] b, int steps, Interpolation how) {
        if (steps < 2 || steps > MAX_STEPS) {
            throw new InvalidInputException("steps", "challenge.music.steps", 2, MAX_STEPS);
        }
        List<float[]> codes = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            codes.add(how.between(a, b, i / (double) (steps - 1)));
        }
        return codes;
    }

    /** A code drawn from the prior, N(0, I). */
    public float[] randomCode(Random random) {
        float[] code = new float[latentSize()];
        for (int d = 0; d < code.length; d++) {
            code[d] = (float) random.nextGaussian();
        }
        return code;
    }

    private interface Forward {
        NDArray apply(NDManager manager);
    }

    private float[] run(Forward forward) {
        return slots.call(forward::apply);
    }

    /** Waits for the calls in progress, then frees the native memory. */
    @Override
    public void close() {
        slots.close();
    }
}
