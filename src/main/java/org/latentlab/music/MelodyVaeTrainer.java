package org.latentlab.music;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

import org.latentlab.ml.DeepLearningEngine;

/**
 * Trains the melody VAE with Adam. Every step runs in its own NDManager, closed right after, so native memory stays
 * flat. The training loss per melody is the cross-entropy of the 32 steps (summed over the steps) plus the KL term,
 * weighted by {@link MelodyVaeConfig#klWeightAt} and with free bits ({@link MelodyVaeConfig#freeBits}). Reported
 * losses are the plain negative ELBO (cross-entropy + KL, in nats per melody) with the network in inference mode,
 * i.e. the reconstruction decoded from the mean code. Same config and data give the same losses up to the rounding of
 * PyTorch's multi-threaded kernels (test accuracy within about a percentage point from run to run).
 * <p>
 * Early stopping: after each epoch the validation melodies are measured, and the network keeps the parameters of
 * the epoch with the best validation accuracy ({@link #better}); the last epochs, which mostly learn the training
 * tunes by heart, are still run so the curves show it, but their parameters are dropped.
 */
public final class MelodyVaeTrainer {

    private static final int EVALUATION_BATCH = 512;

    private MelodyVaeTrainer() {
    }

    /** Progress after each epoch. */
    public record Epoch(int epoch, int epochs, double trainLoss, double validationLoss, double validationAccuracy,
            double validationNoteAccuracy, double klWeight, Duration elapsed) {
    }

    /**
     * Loss and accuracy on a set of melodies.
     *
     * @param loss           cross-entropy + KL per melody (nats)
     * @param reconstruction the cross-entropy part: summed over the 32 steps, averaged over the melodies
     * @param kl             the KL part
     * @param accuracy       the share of steps whose decoded token (of the mean code) is right
     * @param noteAccuracy   the same counted only over the steps where a note starts: holds are most steps of most
     *                       melodies and easy, so this says how well the pitches come back
     * @param melodies       how many melodies were measured
     */
    public record Evaluation(double loss, double reconstruction, double kl, double accuracy, double noteAccuracy,
            int melodies) {
    }

    /**
     * What a training run produced besides the parameters: the curves of every epoch, and the evaluations of the
     * parameters kept, those of {@code bestEpoch}.
     */
    public record Result(List<Double> trainLosses, List<Double> validationLosses, List<Double> validationAccuracies,
            List<Double> validationNoteAccuracies, int bestEpoch, Evaluation train, Evaluation validation,
            Evaluation test, Duration duration) {
    }

    /** A trained network with its result; close it to free its native memory. */
    public record Trained(Model model, MelodyVaeConfig config, Result result) implements AutoCloseable {

        @Override
        public void close() {
            model.close();
        }
    }

    public static Trained train(MelodyVaeConfig config, MelodyData data, Consumer<Epoch> listener) {
        config.validate();
        if (data.train().isEmpty() || data.validation().isEmpty()) {
            throw new IllegalArgumentException("The melody VAE needs training and validation melodies");
        }
        long started = System.nanoTime();
        Engine.getEngine(DeepLearningEngine.ENGINE).setRandomSeed((int) config.seed());
        Model model = Model.newInstance(MelodyCodec.NAME, Device.cpu(), DeepLearningEngine.ENGINE);
        model.setBlock(new MelodyVaeBlock(config));
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .build())
                .optDevices(new Device[] {Device.cpu()});
        List<Melody> train = new ArrayList<>(data.train());
        Random shuffling = new Random(config.seed());
        List<Double> trainLosses = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        List<Double> validationAccuracies = new ArrayList<>();
        List<Double> validationNoteAccuracies = new ArrayList<>();
        Evaluation best = null;
        int bestEpoch = 0;
        Map<String, float[]> bestParameters = Map.of();
        boolean done = false;
        try (Trainer trainer = model.newTrainer(djlConfig)) {
            trainer.initialize(new Shape(config.batchSize(), MelodyVaeBlock.INPUT));
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                java.util.Collections.shuffle(train, shuffling);
                double klWeight = config.klWeightAt(epoch);
                double lossSum = 0;
                for (int from = 0; from < train.size(); from += config.batchSize()) {
                    List<Melody> batch = train.subList(from, Math.min(train.size(), from + config.batchSize()));
                    lossSum += step(trainer, batch, klWeight, config.freeBits()) * batch.size();
                }
                Evaluation validation = evaluate(trainer, data.validation());
                trainLosses.add(lossSum / train.size());
                validationLosses.add(validation.loss());
                validationAccuracies.add(validation.accuracy());
                validationNoteAccuracies.add(validation.noteAccuracy());
                if (best == null || better(validation, best)) {
                    best = validation;
                    bestEpoch = epoch;
                    bestParameters = snapshot(model);
                }
                listener.accept(new Epoch(epoch, config.epochs(), lossSum / train.size(), validation.loss(),
                        validation.accuracy(), validation.noteAccuracy(), klWeight,
                        Duration.ofNanos(System.nanoTime() - started)));
            }
            restore(model, bestParameters);
            Evaluation trainEvaluation = evaluate(trainer, data.train());
            Evaluation validation = evaluate(trainer, data.validation());
            Evaluation test = data.test().isEmpty() ? new Evaluation(0, 0, 0, 0, 0, 0)
                    : evaluate(trainer, data.test());
            done = true;
            return new Trained(model, config, new Result(List.copyOf(trainLosses), List.copyOf(validationLosses),
                    List.copyOf(validationAccuracies), List.copyOf(validationNoteAccuracies), bestEpoch,
                    trainEvaluation, validation, test, Duration.ofNanos(System.nanoTime() - started)));
        } finally {
            if (!done) {
                model.close();
            }
        }
    }

    /**
     * Whether an epoch's validation beats the best so far: a higher share of steps right, or as many and more note
     * starts right. Ties keep the earlier epoch.
     */
    static boolean better(Evaluation candidate, Evaluation best) {
        return candidate.accuracy() > best.accuracy()
                || candidate.accuracy() == best.accuracy() && candidate.noteAccuracy() > best.noteAccuracy();
    }

    /** A copy of the network's parameters, by name. */
    private static Map<String, float[]> snapshot(Model model) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** Writes a {@link #snapshot} back into the network. */
    private static void restore(Model model, Map<String, float[]> values) {
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            parameter.getValue().getArray().set(values.get(parameter.getKey()));
        }
    }

    /** One optimiser step; returns the batch's training loss (the weighted objective). */
    private static float step(Trainer trainer, List<Melody> batch, double klWeight, double freeBits) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray input = MelodyTensors.oneHot(step, batch);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList output = trainer.forward(new NDList(input));
                Parts parts = loss(output, input);
                NDArray kl = freeBits > 0 ? parts.klPerDimension().maximum((float) freeBits).sum() : parts.kl();
                NDArray objective = parts.reconstruction().add(kl.mul((float) klWeight));
                collector.backward(objective);
                float value = objective.getFloat();
                trainer.step();
                return value;
            }
        }
    }

    /** The loss parts of a batch: cross-entropy summed over the steps and KL, both averaged over the melodies. */
    static Parts loss(NDList output, NDArray target) {
        long n = target.getShape().get(0);
        NDArray logits = output.get(0).reshape(n, Melody.STEPS, Melody.VOCABULARY);
        NDArray mean = output.get(1);
        NDArray logVariance = output.get(2);
        NDArray crossEntropy = logits.logSoftmax(2).mul(target.reshape(n, Melody.STEPS, Melody.VOCABULARY))
                .sum(new int[] {1, 2}).neg().mean();
        NDArray klPerDimension = logVariance.add(1).sub(mean.square()).sub(logVariance.exp()).mul(-0.5f)
                .mean(new int[] {0});
        return new Parts(crossEntropy, klPerDimension.sum(), klPerDimension);
    }

    record Parts(NDArray reconstruction, NDArray kl, NDArray klPerDimension) {
    }

    /** Loss and accuracy with the network in inference mode (the code is the mean). */
    static Evaluation evaluate(Trainer trainer, List<Melody> melodies) {
        double reconstruction = 0;
        double kl = 0;
        long right = 0;
        long notes = 0;
        long notesRight = 0;
        for (int from = 0; from < melodies.size(); from += EVALUATION_BATCH) {
            List<Melody> batch = melodies.subList(from, Math.min(melodies.size(), from + EVALUATION_BATCH));
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDArray input = MelodyTensors.oneHot(step, batch);
                NDList output = trainer.evaluate(new NDList(input));
                Parts parts = loss(output, input);
                reconstruction += parts.reconstruction().getFloat() * batch.size();
                kl += parts.kl().getFloat() * batch.size();
                float[] logits = output.get(0).toFloatArray();
                for (int i = 0; i < batch.size(); i++) {
                    Melody decoded = MelodyTensors.fromLogits(logits, i);
                    Melody original = batch.get(i);
                    right += decoded.agreement(original);
                    for (int s = 0; s < Melody.STEPS; s++) {
                        if (original.token(s) >= 0) {
                            notes++;
                            notesRight += decoded.token(s) == original.token(s) ? 1 : 0;
                        }
                    }
                }
            }
        }
        int n = melodies.size();
        return new Evaluation((reconstruction + kl) / n, reconstruction / n, kl / n,
                right / (double) (n * Melody.STEPS), notes == 0 ? 0 : notesRight / (double) notes, n);
    }
}
