package org.latentlab.music;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.latentlab.ml.BatchSource;

/**
 * The melody VAE's examples: the melodies of {@link MelodyData}'s three splits, one-hot (32 steps x 38 classes in
 * one row); the network is fed them and measured against them.
 */
final class MelodyBatches implements BatchSource {

    private final MelodyData data;

    MelodyBatches(MelodyData data) {
        this.data = data;
    }

    @Override
    public Shape exampleShape() {
        return new Shape(MelodyVaeBlock.INPUT);
    }

    @Override
    public int size(Split split) {
        return melodies(split).size();
    }

    @Override
    public Batch batch(NDManager manager, Split split, int[] examples) {
        NDArray oneHot = MelodyTensors.oneHot(manager, melodies(split, examples));
        return new Batch(examples, oneHot, oneHot);
    }

    /** The split's melodies with the given numbers. */
    List<Melody> melodies(Split split, int[] examples) {
        List<Melody> all = melodies(split);
        List<Melody> chosen = new ArrayList<>(examples.length);
        for (int example : examples) {
            chosen.add(all.get(example));
        }
        return chosen;
    }

    private List<Melody> melodies(Split split) {
        return switch (split) {
            case TRAIN -> data.train();
            case VALIDATION -> data.validation();
            case TEST -> data.test();
        };
    }
}
