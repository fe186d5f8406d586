package org.latentlab.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An autoencoder as one DJL block with separately callable halves. The encoder maps an image to a latent code
 * (for a VAE, to the mean and log-variance of a Gaussian, sampled with the reparameterisation trick while
 * training); the decoder maps a code back to a 1 x 28 x 28 image.
 * <p>
 * Forward output: {@code [reconstruction]}, or for a VAE {@code [reconstruction, mean, logVariance]}.
 */
public final class CodecBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block encoder;
    private final Block meanHead;
    private final Block logVarianceHead;
    private final Block decoder;
    private final Shape latentShape;

    /**
     * @param latentShape shape of one latent code as the decoder takes it (e.g. 8 x 4 x 4, or just 2)
     */
    CodecBlock(Block encoder, Block meanHead, Block logVarianceHead, Block decoder, Shape latentShape) {
        super(VERSION);
        this.encoder = addChildBlock("encoder", encoder);
        this.meanHead = meanHead == null ? null : addChildBlock("mean", meanHead);
        this.logVarianceHead = logVarianceHead == null ? null : addChildBlock("logVariance", logVarianceHead);
        this.decoder = addChildBlock("decoder", decoder);
        this.latentShape = latentShape;
    }

    public boolean variational() {
        return meanHead != null;
    }

    public int latentSize() {
        return Math.toIntExact(latentShape.size());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList encoded = encoder.forward(store, inputs, training, params);
        if (!variational()) {
            return decoder.forward(store, encoded, training, params);
        }
        NDArray mean = meanHead.forward(store, encoded, training, params).singletonOrThrow();
        NDArray logVariance = logVarianceHead.forward(store, encoded, training, params).singletonOrThrow();
        NDArray z = training ? reparameterise(mean, logVariance) : mean;
        NDArray reconstruction = decoder.forward(store, new NDList(z), training, params).singletonOrThrow();
        return new NDList(reconstruction, mean, logVariance);
    }

    /**
     * z = mean + sigma * epsilon with epsilon ~ N(0, I): sampling that gradients can flow through. Epsilon comes from
     * the training run's own generator ({@link RunRandom}), so a seed gives the same run alone or beside others; every
     * VAE block samples its code this way (the melody VAE's too).
     */
    public static NDArray reparameterise(NDArray mean, NDArray logVariance) {
        NDArray epsilon = RunRandom.normal(mean.getManager(), mean.getShape());
        return mean.add(logVariance.mul(0.5f).exp().mul(epsilon));
    }

    /** Latent codes of a batch of images, flattened to (n, latentSize); a VAE gives its means. */
    public NDArray encode(ParameterStore store, NDArray images) {
        NDList encoded = encoder.forward(store, new NDList(images), false);
        NDArray codes = variational() ? meanHead.forward(store, encoded, false).singletonOrThrow()
                : encoded.singletonOrThrow();
        return codes.reshape(codes.getShape().get(0), latentSize());
    }

    /** Images for a batch of latent codes of shape (n, latentSize). */
    public NDArray decode(ParameterStore store, NDArray codes) {
        long n = codes.getShape().get(0);
        NDArray shaped = variational() ? codes : codes.reshape(new Shape(n).addAll(latentShape));
        return decoder.forward(store, new NDList(shaped), false).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape image = new Shape(batch, 1, ImageSet.SIDE, ImageSet.SIDE);
        if (!variational()) {
            return new Shape[] {image};
        }
        Shape latent = new Shape(batch, latentSize());
        return new Shape[] {image, latent, latent};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape encoded = encoder.getOutputShapes(inputShapes)[0];
        long batch = inputShapes[0].get(0);
        if (variational()) {
            meanHead.initialize(manager, dataType, encoded);
            logVarianceHead.initialize(manager, dataType, encoded);
            decoder.initialize(manager, dataType, new Shape(batch, latentSize()));
        } else {
            decoder.initialize(manager, dataType, new Shape(batch).addAll(latentShape));
        }
    }
}
