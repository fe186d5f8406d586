package org.latentlab.ml;

import java.util.List;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The architectures, small enough to train in a lesson on two CPU cores. DJL's PyTorch engine has no transposed
 * convolution, so decoders up-sample by repeating pixels (nearest neighbour) and then convolve.
 */
final class Networks {

    private static final int DENSE_HIDDEN = 256;
    private static final int VAE_HIDDEN = 256;

    private Networks() {
    }

    /** The network a config trains: its design when it has one, otherwise its kind's. */
    static Block build(TrainingConfig config) {
        return config.design() != null ? designed(config.design()) : build(config.kind(), config.effectiveLatentSize());
    }

    static Block build(ModelKind kind, int latentSize) {
        return switch (kind) {
            case DENSE_AE -> denseAutoencoder(latentSize);
            case CONV_AE, DENOISING_AE -> convAutoencoder();
            case SUPER_RESOLUTION_AE -> superResolution();
            case VAE_2D -> vae(2);
            case VAE -> vae(latentSize);
            case CONV_VAE -> convVae(latentSize);
            case CLASSIFIER -> classifier();
        };
    }

    static CodecBlock denseAutoencoder(int latentSize) {
        Block encoder = new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(DENSE_HIDDEN).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(latentSize).build());
        return new CodecBlock(encoder, null, null, denseDecoder(DENSE_HIDDEN), new Shape(latentSize));
    }

    /** The lesson's convolutional autoencoder: 28x28 -> 8 x 4 x 4 (128 numbers) -> 28x28. */
    static CodecBlock convAutoencoder() {
        Block encoder = new SequentialBlock()
                .add(conv(16)).add(Activation.reluBlock()).add(pool())             // 16 x 14 x 14
                .add(conv(8)).add(Activation.reluBlock()).add(pool())              // 8 x 7 x 7
                .add(conv(8)).add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(1, 1))); // 8 x 4 x 4
        Block decoder = new SequentialBlock()
                .add(conv(8)).add(Activation.reluBlock()).add(upsample())          // 8 x 8 x 8
                .add(conv(8)).add(Activation.reluBlock()).add(upsample())          // 8 x 16 x 16
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(16).build()) // 16 x 14 x 14
                .add(Activation.reluBlock()).add(upsample())                       // 16 x 28 x 28
                .add(conv(1)).add(Activation.sigmoidBlock());
        return new CodecBlock(encoder, null, null, decoder, new Shape(8, 4, 4));
    }

    /** 14x14 in, 28x28 out: the encoder keeps a 16 x 7 x 7 code, the decoder up-samples twice. */
    static CodecBlock superResolution() {
        // Leaky ReLUs: with plain ReLUs this narrow net often dies in the first epoch and outputs a constant.
        Block encoder = new SequentialBlock()
                .add(conv(32)).add(leakyRelu()).add(pool())                        // 32 x 7 x 7
                .add(conv(16)).add(leakyRelu());                                   // 16 x 7 x 7
        Block decoder = new SequentialBlock()
                .add(conv(32)).add(leakyRelu()).add(upsample())                    // 32 x 14 x 14
                .add(conv(32)).add(leakyRelu()).add(upsample())                    // 32 x 28 x 28
                .add(conv(1)).add(Activation.sigmoidBlock());
        return new CodecBlock(encoder, null, null, decoder, new Shape(16, 7, 7));
    }

    private static Block leakyRelu() {
        return Activation.leakyReluBlock(0.1f);
    }

    static CodecBlock vae(int latentSize) {
        Block encoder = new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(VAE_HIDDEN).build())
                .add(Activation.reluBlock());
        return new CodecBlock(encoder, linear(latentSize), linear(latentSize), denseDecoder(VAE_HIDDEN),
                new Shape(latentSize));
    }

    /**
     * The assignment: the convolutional autoencoder turned into a VAE, by the lesson's recipe. It is the designer's
     * starting point ({@link NetworkDesign#assignment()}) with the run's code size, built as any design is.
     */
    static CodecBlock convVae(int latentSize) {
        NetworkDesign recipe = NetworkDesign.assignment();
        return designed(recipe.withCode(recipe.code(), latentSize, recipe.denseUnits(), recipe.beta()));
    }

    /**
     * The convolutional VAE of checkpoints of format 1, before it followed the lesson's recipe: two stages to
     * 32 x 7 x 7 and a dense layer of 128. Kept so that the runs students trained then still load.
     */
    static CodecBlock convVaeOfFormat1(int latentSize) {
        Block encoder = new SequentialBlock()
                .add(conv(16)).add(Activation.reluBlock()).add(pool())             // 16 x 14 x 14
                .add(conv(32)).add(Activation.reluBlock()).add(pool())             // 32 x 7 x 7
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation.reluBlock());
        Block decoder = new SequentialBlock()
                .add(Linear.builder().setUnits(128).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(32 * 7 * 7).build()).add(Activation.reluBlock())
                .add(LambdaBlock.singleton(x -> x.reshape(-1, 32, 7, 7), "toFeatureMaps"))
                .add(upsample()).add(conv(16)).add(Activation.reluBlock())         // 16 x 14 x 14
                .add(upsample()).add(conv(1)).add(Activation.sigmoidBlock());      // 1 x 28 x 28
        return new CodecBlock(encoder, linear(latentSize), linear(latentSize), decoder, new Shape(latentSize));
    }

    /**
     * A student's design, layer for layer as {@link DesignAnalysis} counts it (and as {@link PyTorchListing} writes
     * it). The code is always a flat vector, plain or variational, so the Playground can decode any code.
     */
    static CodecBlock designed(NetworkDesign design) {
        DesignAnalysis analysis = design.validate().analyse();
        SequentialBlock encoder = new SequentialBlock();
        for (NetworkDesign.Stage stage : design.encoder()) {
            encoder.add(conv(stage)).add(Activation.reluBlock());
            if (stage.resize()) {
                encoder.add(stage.rounding() == NetworkDesign.Rounding.UP ? paddedPool() : pool());
            }
        }
        encoder.add(Blocks.batchFlattenBlock());
        if (design.denseUnits() > 0) {
            encoder.add(linear(design.denseUnits())).add(Activation.reluBlock());
        }
        DesignAnalysis.Layer features = analysis.layersOf("decoder").stream()
                .filter(l -> l.kind() == DesignAnalysis.LayerKind.RESHAPE).findFirst().orElseThrow();
        int channels = features.shape().get(0);
        int side = features.shape().get(1);
        SequentialBlock decoder = new SequentialBlock();
        if (design.denseUnits() > 0) {
            decoder.add(linear(design.denseUnits())).add(Activation.reluBlock());
        }
        decoder.add(linear(channels * side * side)).add(Activation.reluBlock())
                .add(LambdaBlock.singleton(x -> x.reshape(-1, channels, side, side), "toFeatureMaps"));
        List<NetworkDesign.Stage> stages = design.decoder();
        for (int i = 0; i < stages.size(); i++) {
            NetworkDesign.Stage stage = stages.get(i);
            if (stage.resize()) {
                decoder.add(upsample());
            }
            decoder.add(conv(stage));
            decoder.add(i == stages.size() - 1 ? Activation.sigmoidBlock() : Activation.reluBlock());
        }
        Shape latent = new Shape(design.latentSize());
        if (design.variational()) {
            return new CodecBlock(encoder, linear(design.latentSize()), linear(design.latentSize()), decoder, latent);
        }
        encoder.add(linear(design.latentSize()));
        return new CodecBlock(encoder, null, null, decoder, latent);
    }

    /** The judge of generated digits: two convolutions and a small dense head, 10 logits. */
    static Block classifier() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(32).build())
                .add(Activation.reluBlock()).add(pool())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(64).build())
                .add(Activation.reluBlock()).add(pool())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build()).add(Activation.reluBlock())
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(10).build());
    }

    private static Block denseDecoder(int hidden) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(ImageSet.PIXELS).build())
                .add(Activation.sigmoidBlock())
                .add(LambdaBlock.singleton(x -> x.reshape(-1, 1, ImageSet.SIDE, ImageSet.SIDE), "toImage"));
    }

    private static Block conv(int filters) {
        return conv(filters, 3);
    }

    /** An odd kernel with "same" padding: the map keeps its size. */
    private static Block conv(int filters, int kernel) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(kernel / 2, kernel / 2))
                .setFilters(filters).build();
    }

    /** A designed stage's convolution: "same" padding keeps the map's size, "valid" (none) trims kernel - 1. */
    private static Block conv(NetworkDesign.Stage stage) {
        int padding = stage.padding() == NetworkDesign.Padding.VALID ? 0 : stage.kernel() / 2;
        return Conv2d.builder().setKernelShape(new Shape(stage.kernel(), stage.kernel()))
                .optPadding(new Shape(padding, padding)).setFilters(stage.channels()).build();
    }

    /** 2 x 2 max-pooling that drops an odd map's last row and column (PyTorch's default). */
    private static Block pool() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
    }

    /**
     * 2 x 2 max-pooling that rounds odd sizes up (7 -> 4), as Keras' {@code padding='same'}: PyTorch's ceil mode
     * lets the last window hang over the edge, which is the same as padding the map's last row and column.
     */
    private static Block paddedPool() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
    }

    private static Block linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    /** Interpolation mode "nearest" of DJL's engine-independent {@code NDArrayEx.interpolation}. */
    private static final int NEAREST = 0;

    /**
     * Nearest-neighbour 2x up-sampling (every pixel repeated along height and width) with the engine's own
     * up-sampling kernel: as fast as PyTorch's nn.Upsample, and much faster backwards than repeating twice.
     */
    static Block upsample() {
        return LambdaBlock.singleton(x -> {
            Shape shape = x.getShape();
            return x.getNDArrayInternal().interpolation(new long[] {shape.get(2) * 2, shape.get(3) * 2}, NEAREST,
                    false);
        }, "upsample2x");
    }
}
