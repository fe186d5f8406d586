package org.latentlab.ml;

/**
 * What the Lab, the Playground and the Challenges do with a trained autoencoder, one image or a batch at a time.
 * Images are 0..1 pixels row by row (784 values; the super-resolution model takes 14x14 = 196); latent codes are
 * {@link #latentSize()} numbers (a VAE encodes to its means). Thread-safe.
 */
public interface LatentCodec {

    int latentSize();

    int inputPixels();

    float[] encode(float[] image);

    float[][] encode(float[][] images);

    float[] decode(float[] code);

    float[][] decode(float[][] codes);

    float[] reconstruct(float[] image);

    float[][] reconstruct(float[][] images);
}
