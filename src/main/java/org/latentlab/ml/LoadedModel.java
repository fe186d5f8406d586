package org.latentlab.ml;


import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A trained network in memory, used for inference within the process's {@link InferenceLimits} (each call in its
 * own NDManager, closed after the call), so a burst of requests queues briefly instead of oversubscribing the CPU.
 */
public final class LoadedModel implements LatentCodec, AutoCloseable {

    private final Model model;
    private final CheckpointMetadata metadata;
    private final InferenceSlots slots;

    LoadedModel(Model model, CheckpointMetadata metadata, InferenceLimits limits) {
        this.model = model;
        this.metadata = metadata;
        this.slots = new InferenceSlots(model, limits);
    }

    public CheckpointMetadata metadata() {
        return metadata;
    }

    public ModelKind kind() {
        return metadata.kind();
    }

    private CodecBlock codec() {
        Block block = model.getBlock();
        if (block instanceof CodecBlock codec) {
            return codec;
        }
        throw new UnsupportedOperationException("A " + kind() + " model has no latent space");
    }

    @Override
    public int latentSize() {
        return codec().latentSize();
    }

    @Override
    public int inputPixels() {
        return (int) kind().corruption().inputShape().size();
    }

    @Override
    public float[] encode(float[] image) {
        return encode(new float[][] {image})[0];
    }

    @Override
    public float[][] encode(float[][] images) {
        CodecBlock codec = codec();
        return run(images, inputPixels(), (store, batch) -> codec.encode(store, asImages(batch)), latentSize());
    }

    @Override
    public float[] decode(float[] code) {
        return decode(new float[][] {code})[0];
    }

    @Override
    public float[][] decode(float[][] codes) {
        CodecBlock codec = codec();
        return run(codes, latentSize(), (store, batch) -> codec.decode(store, batch), ImageSet.PIXELS);
    }

    @Override
    public float[] reconstruct(float[] image) {
        return reconstruct(new float[][] {image})[0];
    }

    @Override
    public float[][] reconstruct(float[][] images) {
        CodecBlock codec = codec();
        return run(images, inputPixels(),
                (store, batch) -> codec.decode(store, codec.encode(store, asImages(batch))), ImageSet.PIXELS);
    }

    /** Class probabilities (10 per image) of the classifier. */
    public float[][] classify(float[][] images) {
        if (kind() != ModelKind.CLASSIFIER) {
            throw new UnsupportedOperationException("A " + kind() + " model does not classify");
        }
        Block block = model.getBlock();
        return run(images, ImageSet.PIXELS,
                (store, batch) -> block.forward(store, new NDList(asImages(batch)), false).singletonOrThrow().softmax(1),
                10);
    }

    /** The digit one row of {@link #classify} names: the class with the highest probability. */
    public static int mostLikely(float[] probabilities) {
        int best = 0;
        for (int d = 1; d < probabilities.length; d++) {
            if (probabilities[d] > probabilities[best]) {
                best = d;
            }
        }
        return best;
    }

    private interface Forward {
        NDArray apply(ParameterStore store, NDArray batch);
    }

    private float[][] run(float[][] rows, int width, Forward forward, int outputWidth) {
        for (float[] row : rows) {
            if (row == null || row.length != width) {
                throw new IllegalArgumentException("Expected " + width + " values per row, got "
                        + (row == null ? "none" : row.length));
            }
        }
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        float[] values = slots.call(call -> forward.apply(new ParameterStore(call, false),
                call.create(flat, new Shape(rows.length, width))));
        float[][] result = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            result[i] = java.util.Arrays.copyOfRange(values, i * outputWidth, (i + 1) * outputWidth);
        }
        return result;
    }

    private NDArray asImages(NDArray batch) {
        Shape input = kind().corruption().inputShape();
        return batch.reshape(new Shape(batch.getShape().get(0)).addAll(input));
    }

    /** Waits for the calls in progress, then frees the native memory; later calls get {@link ModelClosedException}. */
    @Override
    public void close() {
        slots.close();
    }

    /** A call on a model that a cache has already unloaded; the caller loads it again. */
    public static final class ModelClosedException extends IllegalStateException {

        @java.io.Serial
        private static final long serialVersionUID = 1L;

        ModelClosedException() {
            super("The model was unloaded");
        }
    }
}
