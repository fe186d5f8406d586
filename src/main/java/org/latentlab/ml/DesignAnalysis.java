package org.latentlab.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a {@link NetworkDesign} builds, layer by layer: each layer's output shape (for one digit, without the batch)
 * and its parameters, the totals, and every problem with the field of the layer it belongs to. Shapes are followed
 * past a problem as far as they can be, so the designer can show the whole network while one stage is wrong.
 *
 * @param multiplyAdds multiply-adds per digit of one forward pass, the measure of a design's work
 */
public record DesignAnalysis(List<Layer> layers, long parameters, long multiplyAdds, List<Problem> problems) {

    /** The layers a design is made of; the designer names each with {@code design.layer.<name>}. */
    public enum LayerKind {
        INPUT, CONV, VALID_CONV, POOL, PADDED_POOL, UPSAMPLE, FLATTEN, DENSE, MEAN, LOG_VARIANCE, SAMPLE, CODE, RESHAPE, OUTPUT;

        public String messageKey() {
            return "design.layer." + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One layer.
     *
     * @param field     the part of the design it comes from ({@code encoder.0}, {@code latentSize}, {@code decoder.2}…)
     * @param arguments what its name shows: a convolution's kernel and channels, a dense layer's units
     * @param shape     its output for one digit: channels x height x width, or the length of a vector
     */
    public record Layer(String field, LayerKind kind, List<Integer> arguments, List<Integer> shape, long parameters) {

        /** E.g. {@code 16 × 14 × 14}. */
        public String shapeText() {
            return shape.stream().map(String::valueOf).collect(Collectors.joining(" × "));
        }
    }

    /** Something that cannot be built or trained, at a field, as a message key with its arguments. */
    public record Problem(String field, String messageKey, List<Object> arguments) {
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The problems at one field ({@code encoder.1}), or of the whole design ({@code design}). */
    public List<Problem> problemsAt(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).toList();
    }

    /** The layers that come from one field. */
    public List<Layer> layersOf(String field) {
        return layers.stream().filter(l -> l.field().equals(field)).toList();
    }

    static DesignAnalysis of(NetworkDesign design) {
        return new Builder(design).build();
    }

    /** Far beyond any valid map: where the arithmetic of an absurd design stops growing. */
    private static final int MAX_SIDE = 1 << 12;

    private static final class Builder {

        private final NetworkDesign design;
        private final List<Layer> layers = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private long parameters;
        private long multiplyAdds;
        private int channels = NetworkDesign.IMAGE_CHANNELS;
        private int side = ImageSet.SIDE;

        Builder(NetworkDesign design) {
            this.design = design;
        }

        DesignAnalysis build() {
            layers.add(new Layer("input", LayerKind.INPUT, List.of(), List.of(channels, side, side), 0));
            encoder();
            int featureChannels = channels;
            int featureSide = side;
            long features = (long) channels * side * side;
            layers.add(new Layer("encoder", LayerKind.FLATTEN, List.of(), List.of(Math.toIntExact(features)), 0));
            long hidden = features;
            int dense = design.denseUnits();
            if (dense < 0 || dense > NetworkDesign.MAX_DENSE) {
                problem("denseUnits", "design.error.dense", NetworkDesign.MAX_DENSE);
                dense = 0;
            }
            if (dense > 0) {
                dense("denseUnits", LayerKind.DENSE, hidden, dense);
                hidden = dense;
            }
            int latent = design.latentSize();
            if (latent < 1 || latent > TrainingConfig.MAX_LATENT) {
                problem("latentSize", "design.error.latent", 1, TrainingConfig.MAX_LATENT);
                latent = Math.max(1, Math.min(latent, TrainingConfig.MAX_LATENT));
            }
            if (design.variational()) {
                dense("latentSize", LayerKind.MEAN, hidden, latent);
                dense("latentSize", LayerKind.LOG_VARIANCE, hidden, latent);
                layers.add(new Layer("latentSize", LayerKind.SAMPLE, List.of(), List.of(latent), 0));
            } else {
                dense("latentSize", LayerKind.CODE, hidden, latent);
            }
            if (!Double.isFinite(design.beta()) || design.beta() < 0 || design.beta() > NetworkDesign.MAX_BETA) {
                problem("beta", "design.error.beta", NetworkDesign.MAX_BETA);
            }
            long in = latent;
            if (dense > 0) {
                dense("denseUnits", LayerKind.DENSE, in, dense);
                in = dense;
            }
            dense("decoder", LayerKind.DENSE, in, features);
            channels = featureChannels;
            side = featureSide;
            layers.add(new Layer("decoder", LayerKind.RESHAPE, List.of(), List.of(channels, side, side), 0));
            decoder();
            if (parameters > NetworkDesign.MAX_PARAMETERS) {
                problem("design", "design.error.parameters", parameters, NetworkDesign.MAX_PARAMETERS);
            }
            if (multiplyAdds > NetworkDesign.MAX_MULTIPLY_ADDS) {
                problem("design", "design.error.work", multiplyAdds, NetworkDesign.MAX_MULTIPLY_ADDS);
            }
            return new DesignAnalysis(List.copyOf(layers), parameters, multiplyAdds, List.copyOf(problems));
        }

        private void encoder() {
            List<NetworkDesign.Stage> stages = design.encoder();
            if (stages.size() < NetworkDesign.MIN_STAGES || stages.size() > NetworkDesign.MAX_STAGES) {
                problem("encoder", "design.error.stages", NetworkDesign.MIN_STAGES, NetworkDesign.MAX_STAGES);
            }
            for (int i = 0; i < stages.size(); i++) {
                String field = "encoder." + i;
                NetworkDesign.Stage stage = conv(field, stages.get(i));
                if (stage.resize()) {
                    if (side < 2) {
                        problem(field, "design.error.pool", side);
                    } else {
                        // Rounding down drops an odd map's last row and column, as PyTorch does by default;
                        // rounding up pads them, as Keras' padding='same' does.
                        side = stage.pooled(side);
                    }
                    LayerKind kind = stage.rounding() == NetworkDesign.Rounding.UP ? LayerKind.PADDED_POOL
                            : LayerKind.POOL;
                    layers.add(new Layer(field, kind, List.of(), List.of(channels, side, side), 0));
                }
            }
        }

        private void decoder() {
            List<NetworkDesign.Stage> stages = design.decoder();
            if (stages.size() < NetworkDesign.MIN_STAGES || stages.size() > NetworkDesign.MAX_STAGES) {
                problem("decoder", "design.error.stages", NetworkDesign.MIN_STAGES, NetworkDesign.MAX_STAGES);
            }
            for (int i = 0; i < stages.size(); i++) {
                String field = "decoder." + i;
                NetworkDesign.Stage stage = stages.get(i);
                if (stage.resize()) {
                    // Capped so that a design with far too many stages is reported, never overflows.
                    side = Math.min(side * 2, MAX_SIDE);
                    layers.add(new Layer(field, LayerKind.UPSAMPLE, List.of(), List.of(channels, side, side), 0));
                }
                boolean last = i == stages.size() - 1;
                conv(field, stage);
                if (last) {
                    if (stage.channels() != NetworkDesign.IMAGE_CHANNELS) {
                        problem(field, "design.error.outputChannels");
                    }
                    layers.add(new Layer(field, LayerKind.OUTPUT, List.of(), List.of(channels, side, side), 0));
                    if (side != ImageSet.SIDE) {
                        problem(field, "design.error.outputSize", side, ImageSet.SIDE);
                    }
                }
            }
        }

        /**
         * A convolution keeps the map's size, or trims kernel - 1 from it without padding; a bad channel count or
         * kernel, or a map too small for a valid convolution, is reported and replaced to go on.
         *
         * @return the stage as far as it could be followed
         */
        private NetworkDesign.Stage conv(String field, NetworkDesign.Stage stage) {
            int out = stage.channels();
            if (out < 1 || out > NetworkDesign.MAX_CHANNELS) {
                problem(field, "design.error.channels", 1, NetworkDesign.MAX_CHANNELS);
                out = Math.max(1, Math.min(out, NetworkDesign.MAX_CHANNELS));
            }
            int kernel = stage.kernel();
            if (kernel < 1 || kernel > NetworkDesign.MAX_KERNEL || kernel % 2 == 0) {
                problem(field, "design.error.kernel", NetworkDesign.MAX_KERNEL);
                kernel = 3;
            }
            NetworkDesign.Padding padding = stage.padding();
            if (padding == NetworkDesign.Padding.VALID && side < kernel) {
                problem(field, "design.error.valid", kernel, side);
                padding = NetworkDesign.Padding.SAME;
            }
            NetworkDesign.Stage followed = new NetworkDesign.Stage(out, kernel, stage.resize(), padding,
                    stage.rounding());
            side = followed.convolved(side);
            long weights = (long) channels * out * kernel * kernel;
            parameters += weights + out;
            multiplyAdds += weights * side * side;
            channels = out;
            LayerKind kind = stage.padding() == NetworkDesign.Padding.VALID ? LayerKind.VALID_CONV : LayerKind.CONV;
            layers.add(new Layer(field, kind, List.of(kernel, out), List.of(channels, side, side), weights + out));
            return followed;
        }

        private void dense(String field, LayerKind kind, long in, long out) {
            long count = in * out + out;
            parameters += count;
            multiplyAdds += in * out;
            layers.add(new Layer(field, kind, List.of(Math.toIntExact(out)), List.of(Math.toIntExact(out)), count));
        }

        private void problem(String field, String key, Object... arguments) {
            problems.add(new Problem(field, key, List.of(arguments)));
        }
    }
}
