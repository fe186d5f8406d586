package org.latentlab.music;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import org.latentlab.ml.BatchSource;
import org.latentlab.ml.Evaluation;
import org.latentlab.ml.TrainingLoss;

/**
 * The melody VAE's loss. A training step minimises, per melody, the cross-entropy of the 32 steps (summed over the
 * steps) plus the KL term weighted by {@link MelodyVaeConfig#klWeightAt} and with free bits
 * ({@link MelodyVaeConfig#freeBits}). A split is measured by the plain negative ELBO (cross-entropy + KL, in nats per
 * melody) with the network in inference mode, i.e. decoding the mean code, and by the share of steps and of note
 * starts decoded right.
 */
final class MelodyVaeLoss implements TrainingLoss {

    /** The cross-entropy part of a measured loss. */
    static final String RECONSTRUCTION = "reconstruction";
    static final String KL = "kl";
    /** The share of steps whose decoded token is right. */
    static final String ACCURACY = "accuracy";
    /**
     * The same counted only over the steps where a note starts: holds are most steps of most melodies and easy, so
     * this says how well the pitches come back.
     */
    static final String NOTE_ACCURACY = "noteAccuracy";

    private final MelodyVaeConfig config;
    private final MelodyBatches batches;

    MelodyVaeLoss(MelodyVaeConfig config, MelodyBatches batches) {
        this.config = config;
        this.batches = batches;
    }

    @Override
    public NDArray objective(NDList output, BatchSource.Batch batch, int epoch) {
        Parts parts = parts(output, batch.target());
        NDArray kl = config.freeBits() > 0
                ? parts.klPerDimension().maximum((float) config.freeBits()).sum() : parts.kl();
        return parts.reconstruction().add(kl.mul((float) config.klWeightAt(epoch)));
    }

    /** The loss parts of a batch: cross-entropy summed over the steps and KL, both averaged over the melodies. */
    static Parts parts(NDList output, NDArray target) {
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

    @Override
    public Measure measure(BatchSource.Split split) {
        return new Measure() {
            private double reconstruction;
            private double kl;
            private long right;
            private long notes;
            private long notesRight;
            private int melodies;

            @Override
            public void add(BatchSource.Batch batch, NDList output) {
                List<Melody> originals = batches.melodies(split, batch.examples());
                Parts parts = parts(output, batch.target());
                reconstruction += parts.reconstruction().getFloat() * originals.size();
                kl += parts.kl().getFloat() * originals.size();
                melodies += originals.size();
                float[] logits = output.get(0).toFloatArray();
                for (int i = 0; i < originals.size(); i++) {
                    Melody decoded = MelodyTensors.fromLogits(logits, i);
                    Melody original = originals.get(i);
                    right += decoded.agreement(original);
                    for (int s = 0; s < Melody.STEPS; s++) {
                        if (original.token(s) >= 0) {
                            notes++;
                            notesRight += decoded.token(s) == original.token(s) ? 1 : 0;
                        }
                    }
                }
            }

            @Override
            public Evaluation result() {
                int n = Math.max(1, melodies);
                Map<String, Double> parts = new LinkedHashMap<>();
                parts.put(RECONSTRUCTION, reconstruction / n);
                parts.put(KL, kl / n);
                parts.put(ACCURACY, right / (double) (n * Melody.STEPS));
                parts.put(NOTE_ACCURACY, notes == 0 ? 0 : notesRight / (double) notes);
                return new Evaluation((reconstruction + kl) / n, parts, List.of(), melodies);
            }
        };
    }
}
