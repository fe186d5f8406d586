package org.latentlab.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * What the lessons do to an image before the network sees it: nothing, Gaussian noise (denoising), or halving the
 * resolution (super-resolution). The target stays the clean 28x28 image.
 */
public enum Corruption {
    NONE,
    GAUSSIAN_NOISE,
    DOWNSAMPLE_2X;

    /**
     * @param images batch of shape (n, 1, 28, 28) with values 0..1
     * @param level  standard deviation of the noise (only for {@link #GAUSSIAN_NOISE})
     */
    public NDArray apply(NDArray images, double level) {
        return switch (this) {
            case NONE -> images;
            case GAUSSIAN_NOISE -> images.add(RunRandom.normal(images.getManager(), images.getShape()).mul(level))
                    .clip(0f, 1f);
            case DOWNSAMPLE_2X -> downsample(images);
        };
    }

    /** 2x2 average pooling: 28x28 becomes 14x14. */
    static NDArray downsample(NDArray images) {
        Shape shape = images.getShape();
        long n = shape.get(0);
        long half = shape.get(2) / 2;
        return images.reshape(n, 1, half, 2, half, 2).mean(new int[] {5}).mean(new int[] {3});
    }

    public Shape inputShape() {
        return this == DOWNSAMPLE_2X ? new Shape(1, ImageSet.SIDE / 2, ImageSet.SIDE / 2)
                : new Shape(1, ImageSet.SIDE, ImageSet.SIDE);
    }
}
