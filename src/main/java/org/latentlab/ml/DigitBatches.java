package org.latentlab.ml;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The digit models' examples: the images of the config's data set, split by {@link DataSplit} (the training and
 * validation splits cut to {@link TrainingConfig#trainLimit()} when set). Batches are cut from the images in memory,
 * no per-image objects; the input is the kind's corruption of the clean images, the target the clean images (the
 * classifier's: their labels).
 */
final class DigitBatches implements BatchSource {

    private final TrainingConfig config;
    private final ImageSet images;
    private final int[] train;
    private final int[] validation;
    private final int[] test;
    private final ImageBuffer buffer;

    DigitBatches(TrainingConfig config) {
        this.config = config;
        this.images = ImageSet.load(config.dataset());
        DataSplit split = DataSplit.of(images);
        this.train = config.trainLimit() > 0 && config.trainLimit() < split.train().length
                ? Arrays.copyOf(split.train(), config.trainLimit()) : split.train().clone();
        this.validation = config.trainLimit() > 0
                ? Arrays.copyOf(split.validation(), Math.min(split.validation().length,
                        Math.max(64, config.trainLimit() / 4)))
                : split.validation();
        this.test = split.test();
        this.buffer = new ImageBuffer(Math.max(config.batchSize(), ModelTrainer.EVALUATION_BATCH));
    }

    @Override
    public Shape exampleShape() {
        return config.kind().corruption().inputShape();
    }

    @Override
    public int size(Split split) {
        return indices(split).length;
    }

    @Override
    public Batch batch(NDManager manager, Split split, int[] examples) {
        int[] indices = indices(split);
        int[] chosen = new int[examples.length];
        for (int i = 0; i < examples.length; i++) {
            chosen[i] = indices[examples[i]];
        }
        NDArray clean = buffer.batch(manager, images, chosen);
        NDArray input = config.kind().corruption().apply(clean, config.noiseLevel());
        return new Batch(examples, input, config.kind() == ModelKind.CLASSIFIER ? labels(manager, chosen) : clean);
    }

    /** The label of an example of the split. */
    int label(Split split, int example) {
        return images.label(indices(split)[example]);
    }

    private int[] indices(Split split) {
        return switch (split) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }

    private NDArray labels(NDManager manager, int[] chosen) {
        float[] labels = new float[chosen.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(chosen[i]);
        }
        return manager.create(labels);
    }

    /**
     * One native buffer per run that every batch is written into: the batch array is created over it and closed
     * with its step before the next batch overwrites it, so training allocates no native memory per batch (direct
     * buffers made per batch are freed only when the garbage collector gets round to them). Native byte order,
     * which the engine requires.
     */
    static final class ImageBuffer {
        private final ByteBuffer bytes;
        private final float[] image = new float[ImageSet.PIXELS];

        ImageBuffer(int maxImages) {
            this.bytes = ByteBuffer.allocateDirect(maxImages * ImageSet.PIXELS * Float.BYTES)
                    .order(ByteOrder.nativeOrder());
        }

        /** The given images as one (n, 1, 28, 28) array. */
        NDArray batch(NDManager manager, ImageSet images, int[] indices) {
            int n = indices.length;
            FloatBuffer floats = bytes.asFloatBuffer();
            for (int index : indices) {
                images.copyImage(index, image, 0);
                floats.put(image);
            }
            ByteBuffer filled = bytes.slice(0, n * ImageSet.PIXELS * Float.BYTES).order(ByteOrder.nativeOrder());
            return manager.create(filled, new Shape(n, 1, ImageSet.SIDE, ImageSet.SIDE), DataType.FLOAT32);
        }
    }
}
