package org.latentlab.ml;

import java.util.ArrayList;
import java.util.List;

import org.latentlab.base.InvalidInputException;

/**
 * A convolutional autoencoder as a student composes it in the Lab's designer: convolution stages down to a feature
 * map, an optional dense layer, the code (plain, or variational: a mean and a log-variance with the
 * reparameterisation), and a decoder that climbs back to a 1 x 28 x 28 image. {@link #analyse()} gives every layer's
 * output shape and the parameter count, and names the layer of any impossible shape; {@link #validate()} refuses
 * such a design, and one too large to train within the Lab's limits.
 * <p>
 * The layers that change a map's size are few, so a student can follow the shapes by hand: the encoder's 2 x 2
 * max-pooling halves it (an odd size rounded down, or up when the pooling pads, as Keras' {@code padding='same'}
 * does: 7 -> 3 or 7 -> 4), the decoder's 2x up-sampling doubles it, and a convolution keeps it ("same" padding, odd
 * kernels) unless it has no padding ("valid"), which trims kernel - 1 (16 -> 14 with a 3 x 3 kernel). That is all
 * the lesson's recipe needs: 28 -> 14 -> 7 -> 4 in the encoder, and 4 -> 8 -> 16 -> 14 -> 28 in the decoder.
 *
 * @param encoder    the encoder's stages, from the image inwards
 * @param code       plain (the encoder gives the code) or variational (it gives a Gaussian to sample the code from)
 * @param latentSize how many numbers the code has
 * @param denseUnits a dense layer between the feature map and the code (and mirrored in the decoder); 0 for none
 * @param decoder    the decoder's stages, from the code outwards; the last one makes the image (1 channel)
 * @param beta       the weight of the KL term in a variational design's loss (0: no KL at all; 1: the plain VAE)
 */
public record NetworkDesign(List<Stage> encoder, Code code, int latentSize, int denseUnits, List<Stage> decoder,
        double beta) {

    /** Plain autoencoder or VAE. */
    public enum Code {
        PLAIN, VARIATIONAL
    }

    /**
     * One stage: a k x k convolution to {@code channels} maps, then ReLU (the decoder's last stage: sigmoid). In the
     * encoder {@code resize} adds a 2 x 2 max-pooling after it (halving the map); in the decoder a 2x up-sampling
     * before it (doubling the map).
     * <p>
     * The designer offers {@code rounding} in the encoder, where the stages pool, and {@code padding} in the decoder,
     * where a valid convolution brings back a map that the encoder's rounding up made too large; the analysis and
     * the network honour both wherever they stand. A design stored before they existed has neither, and reads as it
     * was built then: same padding, pooling that rounds down.
     *
     * @param padding  whether the convolution keeps the map's size (same) or trims kernel - 1 from it (valid)
     * @param rounding how this stage's pooling treats an odd map: drop its last row and column (down, PyTorch's
     *                 default) or pad it (up, Keras' {@code padding='same'}, PyTorch's {@code ceil_mode=True})
     */
    public record Stage(int channels, int kernel, boolean resize, Padding padding, Rounding rounding) {

        public Stage {
            padding = padding == null ? Padding.SAME : padding;
            rounding = rounding == null ? Rounding.DOWN : rounding;
        }

        /** A stage with a size-keeping convolution whose pooling, if any, rounds odd sizes down. */
        public Stage(int channels, int kernel, boolean resize) {
            this(channels, kernel, resize, Padding.SAME, Rounding.DOWN);
        }

        /** The side of a map after this stage's convolution. */
        int convolved(int side) {
            return padding == Padding.VALID ? side - (kernel - 1) : side;
        }

        /** The side of a map after this stage's pooling, if it pools. */
        int pooled(int side) {
            if (!resize) {
                return side;
            }
            return rounding == Rounding.UP ? (side + 1) / 2 : side / 2;
        }

        public Stage withPadding(Padding newPadding) {
            return new Stage(channels, kernel, resize, newPadding, rounding);
        }

        public Stage withRounding(Rounding newRounding) {
            return new Stage(channels, kernel, resize, padding, newRounding);
        }
    }

    /** A convolution's padding, in the words of Keras and PyTorch. */
    public enum Padding {
        /** Padded by kernel / 2 on every side: the map keeps its size. */
        SAME,
        /** No padding: the map loses kernel - 1 rows and columns. */
        VALID
    }

    /** Which way 2 x 2 pooling rounds half an odd size. */
    public enum Rounding {
        DOWN, UP
    }

    /** The digits are grey: one channel in, one channel out. */
    public static final int IMAGE_CHANNELS = 1;
    public static final int MIN_STAGES = 1;
    public static final int MAX_STAGES = 4;
    public static final int MAX_CHANNELS = 64;
    public static final int MAX_KERNEL = 7;
    public static final int MAX_DENSE = 512;
    public static final double MAX_BETA = 10;
    /** About 4 MB of parameters: a checkpoint stays small beside a student's storage quota. */
    public static final long MAX_PARAMETERS = 1_000_000;
    /**
     * Multiply-adds per digit through the network (forward): about eight {@linkplain #WORK_UNIT_MULTIPLY_ADDS work
     * units}, so that even such a design trains 3 epochs of all 8,000 digits within the default work limit.
     */
    public static final long MAX_MULTIPLY_ADDS = 20_000_000;
    /** The multiply-adds per digit of the shipped convolutional VAE, which the designer compares a design with. */
    public static final long REFERENCE_MULTIPLY_ADDS = assignment().analyse().multiplyAdds();
    /**
     * The work per digit that counts as one digit against a Lab run's work limit: the multiply-adds of the Lab's
     * largest own network, the super-resolution autoencoder (14 x 14 in; 1 -> 32 maps at 14 x 14, 32 -> 16 and
     * 16 -> 32 at 7 x 7, 32 -> 32 at 14 x 14 and 32 -> 1 at 28 x 28, all 3 x 3). A run of any of the Lab's own
     * networks counts each digit once, so a design counts it once too up to this work, and as many times as it has
     * this work beyond it.
     * <p>
     * Not the shipped convolutional VAE's ({@link #REFERENCE_MULTIPLY_ADDS}): that small network does a third of
     * this, yet its time per digit is not a third, because a training step's fixed costs outweigh the arithmetic of
     * networks this small. On one busy thread, an epoch of 2,048 digits with its validation took the shipped
     * network 3.3 to 4.4 s, a design of 8.5 million multiply-adds (32 and 64 maps) 9.8 to 13.1 s and one of 16
     * million 10.5 to 11.1 s: counted against the shipped network, such designs would pay four to eight times
     * what they cost.
     */
    public static final long WORK_UNIT_MULTIPLY_ADDS = 1L * 32 * 9 * 14 * 14 + 32L * 16 * 9 * 7 * 7
            + 16L * 32 * 9 * 7 * 7 + 32L * 32 * 9 * 14 * 14 + 32L * 1 * 9 * 28 * 28;

    public NetworkDesign {
        encoder = encoder == null ? List.of() : List.copyOf(encoder);
        decoder = decoder == null ? List.of() : List.copyOf(decoder);
        code = code == null ? Code.VARIATIONAL : code;
    }

    /**
     * The assignment's starting point, the lesson's recipe as a VAE and the same network as the shipped
     * convolutional VAE. The encoder is the convolutional autoencoder's: three 3 x 3 convolutions (16, 8, 8 maps),
     * each pooled 2 x 2 with odd sizes rounded up, 28 -> 14 -> 7 -> 4; two dense layers give the mean and the
     * log-variance of a code of 2 straight from the 8 x 4 x 4 = 128 features (no dense layer in between). The
     * decoder expands the code back to 8 x 4 x 4 with a dense layer and climbs as the autoencoder's does: a
     * convolution on the 4 x 4 maps, up to 8, up to 16, a valid convolution to 14, up to 28, the image.
     */
    public static NetworkDesign assignment() {
        List<Stage> encoder = List.of(new Stage(16, 3, true, Padding.SAME, Rounding.UP),
                new Stage(8, 3, true, Padding.SAME, Rounding.UP), new Stage(8, 3, true, Padding.SAME, Rounding.UP));
        List<Stage> decoder = List.of(new Stage(8, 3, false), new Stage(8, 3, true),
                new Stage(16, 3, true, Padding.VALID, Rounding.DOWN), new Stage(1, 3, true));
        return new NetworkDesign(encoder, Code.VARIATIONAL, 2, 0, decoder, 1.0);
    }

    /**
     * The decoder that mirrors an encoder: its stages in reverse order, each up-sampling where the encoder pooled
     * and giving the channels the encoder had before it, the last giving the image's one channel.
     * <p>
     * Mirroring the sizes is not always possible: doubling cannot undo a pooling that rounded an odd size up (4 -> 8
     * where the encoder had 7). So the mirror follows the sizes the encoder went through and, where the decoder has
     * overshot by at least kernel - 1, makes that stage's convolution valid to trim the overshoot. An overshoot of
     * one cannot be trimmed by an odd kernel, but it doubles with the next up-sampling (16 where the encoder had
     * 14), where a 3 x 3 convolution trims it exactly: the lesson's decoder does just that. Trimming as early as
     * possible keeps the overshoot small. A pooling that rounded down cannot be mirrored (7 -> 3 comes back as 6):
     * the analysis reports such a decoder at its last stage.
     */
    public static List<Stage> mirror(List<Stage> encoder) {
        // sides[i]: the side of the map that encoder stage i takes in; sides[n]: the feature map's.
        int[] sides = new int[encoder.size() + 1];
        sides[0] = ImageSet.SIDE;
        for (int i = 0; i < encoder.size(); i++) {
            Stage stage = encoder.get(i);
            sides[i + 1] = stage.pooled(stage.convolved(sides[i]));
        }
        List<Stage> decoder = new ArrayList<>();
        int side = sides[encoder.size()];
        for (int i = encoder.size() - 1; i >= 0; i--) {
            Stage stage = encoder.get(i);
            int channels = i == 0 ? IMAGE_CHANNELS : encoder.get(i - 1).channels();
            side = stage.resize() ? side * 2 : side;
            boolean trim = stage.kernel() > 1 && stage.kernel() % 2 == 1 && side - sides[i] >= stage.kernel() - 1;
            Stage mirrored = new Stage(channels, stage.kernel(), stage.resize(), trim ? Padding.VALID : Padding.SAME,
                    Rounding.DOWN);
            side = mirrored.convolved(side);
            decoder.add(mirrored);
        }
        return List.copyOf(decoder);
    }

    public NetworkDesign withEncoder(List<Stage> stages) {
        return new NetworkDesign(stages, code, latentSize, denseUnits, decoder, beta);
    }

    public NetworkDesign withDecoder(List<Stage> stages) {
        return new NetworkDesign(encoder, code, latentSize, denseUnits, stages, beta);
    }

    public NetworkDesign withMirroredDecoder() {
        return withDecoder(mirror(encoder));
    }

    public NetworkDesign withCode(Code newCode, int newLatentSize, int newDenseUnits, double newBeta) {
        return new NetworkDesign(encoder, newCode, newLatentSize, newDenseUnits, decoder, newBeta);
    }

    public boolean variational() {
        return code == Code.VARIATIONAL;
    }

    /** Whether the decoder is the encoder's mirror image. */
    public boolean mirrored() {
        return decoder.equals(mirror(encoder));
    }

    /** Every layer with its output shape and parameters, and what is wrong, layer by layer. */
    public DesignAnalysis analyse() {
        return DesignAnalysis.of(this);
    }

    /** This design if it can be built and trained within the Lab's limits; otherwise the first problem. */
    public NetworkDesign validate() {
        DesignAnalysis analysis = analyse();
        if (!analysis.problems().isEmpty()) {
            DesignAnalysis.Problem first = analysis.problems().getFirst();
            throw new InvalidInputException(first.field(), first.messageKey(), first.arguments().toArray());
        }
        return this;
    }
}
