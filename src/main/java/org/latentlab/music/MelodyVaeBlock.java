package org.latentlab.music;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.latentlab.ml.CodecBlock;

/**
 * The melody VAE as one DJL block. Input: a batch of melodies, each one-hot per step and flattened
 * (32 steps x 38 token classes = 1216 numbers). Encoder: 1216 → hidden1 → hidden2 (ReLU, and dropout while
 * training), then two linear heads
 * give the mean and the log-variance of the latent Gaussian. While training the code is sampled with the
 * reparameterisation trick (z = mean + exp(logVariance / 2) * epsilon, epsilon from the training run's own
 * generator like the digit VAEs', {@link CodecBlock#reparameterise}), otherwise it is the mean. Decoder:
 * latent → hidden2 → hidden1 (ReLU, dropout) → 1216 logits, read as 32 rows of 38 scores, one row per step.
 * <p>
 * Forward output: {@code [logits, mean, logVariance]}.
 */
final class MelodyVaeBlock extends AbstractBlock {

    static final int INPUT = Melody.STEPS * Melody.VOCABULARY;
    private static final byte VERSION = 1;

    private final Block encoder;
    private final Block meanHead;
    private final Block logVarianceHead;
    private final Block decoder;
    private final int latentSize;

    MelodyVaeBlock(MelodyVaeConfig config) {
        super(VERSION);
        this.latentSize = config.latentSize();
        this.encoder = addChildBlock("encoder", new SequentialBlock()
                .add(Linear.builder().setUnits(config.hidden1()).build()).add(Activation.reluBlock())
                .add(dropout(config)).add(Linear.builder().setUnits(config.hidden2()).build())
                .add(Activation.reluBlock()).add(dropout(config)));
        this.meanHead = addChildBlock("mean", Linear.builder().setUnits(latentSize).build());
        this.logVarianceHead = addChildBlock("logVariance", Linear.builder().setUnits(latentSize).build());
        this.decoder = addChildBlock("decoder", new SequentialBlock()
                .add(Linear.builder().setUnits(config.hidden2()).build()).add(Activation.reluBlock())
                .add(dropout(config)).add(Linear.builder().setUnits(config.hidden1()).build())
                .add(Activation.reluBlock()).add(dropout(config)).add(Linear.builder().setUnits(INPUT).build()));
    }

    /** Dropout after each hidden layer while training (identity when the rate is 0 and at inference). */
    private static Block dropout(MelodyVaeConfig config) {
        return Dropout.builder().optRate((float) config.dropout()).build();
    }

    int latentSize() {
        return latentSize;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList encoded = encoder.forward(store, inputs, training, params);
        NDArray mean = meanHead.forward(store, encoded, training, params).singletonOrThrow();
        NDArray logVariance = logVarianceHead.forward(store, encoded, training, params).singletonOrThrow();
        NDArray z = training ? CodecBlock.reparameterise(mean, logVariance) : mean;
        NDArray logits = decoder.forward(store, new NDList(z), training, params).singletonOrThrow();
        return new NDList(logits, mean, logVariance);
    }

    /** The means of the codes of a batch of one-hot melodies, shape (n, latentSize). */
    NDArray encode(ParameterStore store, NDArray melodies) {
        NDList encoded = encoder.forward(store, new NDList(melodies), false);
        return meanHead.forward(store, encoded, false).singletonOrThrow();
    }

    /** The logits for a batch of codes, shape (n, 1216). */
    NDArray decode(ParameterStore store, NDArray codes) {
        return decoder.forward(store, new NDList(codes), false).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape latent = new Shape(batch, latentSize);
        return new Shape[] {new Shape(batch, INPUT), latent, latent};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        Shape encoded = encoder.getOutputShapes(inputShapes)[0];
        meanHead.initialize(manager, dataType, encoded);
        logVarianceHead.initialize(manager, dataType, encoded);
        decoder.initialize(manager, dataType, new Shape(inputShapes[0].get(0), latentSize));
    }
}
