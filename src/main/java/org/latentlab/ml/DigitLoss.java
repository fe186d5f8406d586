package org.latentlab.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * The digit models' losses: mean squared error per pixel for the plain autoencoders, the VAE loss (binary
 * cross-entropy + β·KL, reported in its parts) for the VAEs, cross-entropy for the classifier (with its accuracy).
 * The validation tally keeps a few images beside their reconstructions for the run's page.
 */
final class DigitLoss implements TrainingLoss {

    /** Validation images shown after each epoch. */
    static final int SAMPLES_PER_EPOCH = 8;

    private final TrainingConfig config;
    private final DigitBatches batches;

    DigitLoss(TrainingConfig config, DigitBatches batches) {
        this.config = config;
        this.batches = batches;
    }

    @Override
    public NDArray objective(NDList output, BatchSource.Batch batch, int epoch) {
        return loss(output, batch.target());
    }

    private NDArray loss(NDList output, NDArray target) {
        if (config.kind() == ModelKind.CLASSIFIER) {
            return Losses.softmaxCrossEntropy(output.singletonOrThrow(), target);
        }
        if (config.variational()) {
            return Losses.vae(output.get(0), target, output.get(1), output.get(2), config.klWeight()).total();
        }
        return Losses.meanSquaredError(output.singletonOrThrow(), target);
    }

    private Map<String, Double> parts(NDList output, NDArray target) {
        if (config.kind() == ModelKind.CLASSIFIER) {
            NDArray predicted = output.singletonOrThrow().argMax(1);
            double accuracy = predicted.toType(DataType.FLOAT32, false).eq(target).toType(DataType.FLOAT32, false)
                    .mean().getFloat();
            return Map.of("accuracy", accuracy);
        }
        if (config.variational()) {
            Losses.VaeLoss loss = Losses.vae(output.get(0), target, output.get(1), output.get(2), config.klWeight());
            return Map.of("reconstruction", (double) loss.reconstruction().getFloat(), "kl",
                    (double) loss.kl().getFloat());
        }
        return Map.of("mse", (double) Losses.meanSquaredError(output.singletonOrThrow(), target).getFloat());
    }

    @Override
    public Measure measure(BatchSource.Split split) {
        boolean withSamples = split == BatchSource.Split.VALIDATION && config.kind().isAutoencoder();
        return new Measure() {
            private double lossSum;
            private final Map<String, Double> partSums = new LinkedHashMap<>();
            private final List<TrainingProgress.Sample> samples = new ArrayList<>();
            private int examples;

            @Override
            public void add(BatchSource.Batch batch, NDList output) {
                int n = batch.examples().length;
                examples += n;
                lossSum += loss(output, batch.target()).getFloat() * n;
                for (Map.Entry<String, Double> part : parts(output, batch.target()).entrySet()) {
                    partSums.merge(part.getKey(), part.getValue() * n, Double::sum);
                }
                if (withSamples && samples.isEmpty()) {
                    samples.addAll(samples(split, batch, output.head()));
                }
            }

            @Override
            public Evaluation result() {
                Map<String, Double> parts = new LinkedHashMap<>();
                partSums.forEach((name, sum) -> parts.put(name, sum / examples));
                return new Evaluation(examples == 0 ? 0 : lossSum / examples, parts, samples, examples);
            }
        };
    }

    private List<TrainingProgress.Sample> samples(BatchSource.Split split, BatchSource.Batch batch,
            NDArray reconstruction) {
        NDArray input = batch.input();
        int count = (int) Math.min(SAMPLES_PER_EPOCH, input.getShape().get(0));
        float[] inputs = input.get("0:" + count).toFloatArray();
        float[] originals = batch.target().get("0:" + count).toFloatArray();
        float[] outputs = reconstruction.get("0:" + count).toFloatArray();
        int inputPixels = inputs.length / count;
        int inputSide = (int) Math.round(Math.sqrt(inputPixels));
        List<TrainingProgress.Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new TrainingProgress.Sample(batches.label(split, batch.examples()[i]),
                    Arrays.copyOfRange(originals, i * ImageSet.PIXELS, (i + 1) * ImageSet.PIXELS),
                    Arrays.copyOfRange(inputs, i * inputPixels, (i + 1) * inputPixels), inputSide,
                    Arrays.copyOfRange(outputs, i * ImageSet.PIXELS, (i + 1) * ImageSet.PIXELS)));
        }
        return samples;
    }
}
