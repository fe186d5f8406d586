package org.latentlab.ml;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;

/**
 * A DJL {@code Dataset} over some images of an {@link ImageSet}: each record is the image (1 x 28 x 28, 0..1) and,
 * as label, either the image itself (autoencoders learn to reproduce their input) or the class.
 */
public final class ImageDataset extends RandomAccessDataset {

    private final ImageSet images;
    private final int[] indices;
    private final boolean classLabels;

    private ImageDataset(Builder builder) {
        super(builder);
        this.images = builder.images;
        this.indices = builder.indices;
        this.classLabels = builder.classLabels;
    }

    public static Builder builder(ImageSet images, int[] indices) {
        return new Builder(images, indices);
    }

    @Override
    public Record get(NDManager manager, long index) {
        int image = indices[Math.toIntExact(index)];
        var pixels = manager.create(images.image(image), new Shape(1, ImageSet.SIDE, ImageSet.SIDE));
        NDList label = classLabels
                ? new NDList(manager.create((float) images.label(image)))
                : new NDList(pixels);
        return new Record(new NDList(pixels), label);
    }

    @Override
    protected long availableSize() {
        return indices.length;
    }

    @Override
    public void prepare(Progress progress) {
        // The images are already in memory.
    }

    public static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {
        private final ImageSet images;
        private final int[] indices;
        private boolean classLabels;

        private Builder(ImageSet images, int[] indices) {
            this.images = images;
            this.indices = indices.clone();
        }

        /** Label each image with its class instead of the image itself (for the classifier). */
        public Builder withClassLabels() {
            this.classLabels = true;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public ImageDataset build() {
            return new ImageDataset(this);
        }
    }
}
