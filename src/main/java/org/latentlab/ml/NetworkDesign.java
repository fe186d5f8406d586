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
 * Every convolution keeps its map's size ("same" padding, odd kernels), so the only layers that change the size are
 * the encoder's 2 x 2 max-pooling and the decoder's 2x up-sampling: a student can follow the shapes by halving and
 * doubling.
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
     */
    public record Stage(int channels, int kernel, boolean resize) {
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
     * Multiply-adds per digit through the network (forward): about eight times the shipped convolutional VAE, so a
     * designed run costs at most a few times a shipped one, epoch for epoch.
     */
    public static final long MAX_MULTIPLY_ADDS = 20_000_000;
    /** The multiply-adds per digit of the shipped convolutional VAE: what a Lab run's work limit is counted in. */
    public static final long REFERENCE_MULTIPLY_ADDS = assignment().analyse().multiplyAdds();

    public NetworkDesign {
        encoder = encoder == null ? List.of() : List.copyOf(encoder);
        decoder = decoder == null ? List.of() : List.copyOf(decoder);
        code = code == null ? Code.VARIATIONAL : code;
    }

    /**
     * The assignment's starting point, the same network as the shipped convolutional VAE: two stages to
     * 32 x 7 x 7, a dense layer of 128, a code of 2, and the mirrored decoder.
     */
    public static NetworkDesign assignment() {
        List<Stage> encoder = List.of(new Stage(16, 3, true), new Stage(32, 3, true));
        return new NetworkDesign(encoder, Code.VARIATIONAL, 2, 128, mirror(encoder), 1.0);
    }

    /**
     * The decoder that mirrors an encoder: its stages in reverse order, each up-sampling where the encoder pooled
     * and giving the channels the encoder had before it, the last giving the image's one channel.
     */
    public static List<Stage> mirror(List<Stage> encoder) {
        List<Stage> decoder = new ArrayList<>();
        for (int i = encoder.size() - 1; i >= 0; i--) {
            Stage stage = encoder.get(i);
            int channels = i == 0 ? IMAGE_CHANNELS : encoder.get(i - 1).channels();
            decoder.add(new Stage(channels, stage.kernel(), stage.resize()));
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
