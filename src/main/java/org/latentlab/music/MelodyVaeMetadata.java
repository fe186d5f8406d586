package org.latentlab.music;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.latentlab.ml.CheckpointException;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.Evaluation;
import org.latentlab.ml.ModelMetadata;
import org.latentlab.ml.TrainingHistory;

/**
 * The {@code metadata.json} beside the melody VAE's parameters: enough to rebuild the network, and what it scored.
 * {@link Checkpoints} reads, checks and writes it as it does the digit models' metadata; the format is the one the
 * shipped model was written in.
 *
 * @param model              always {@code melody-vae}
 * @param trainMelodies      melodies (tunes in all their keys) trained on; likewise for validation and test
 * @param trainTunes         tunes (corpus groups) in the training split; likewise for validation and test
 * @param validationNoteAccuracies per epoch, the share of the validation melodies' note starts decoded right
 * @param bestEpoch          the epoch whose parameters were kept: the best validation accuracy (early stopping);
 *                           the train, validation and test figures are those of this epoch
 * @param trainNoteAccuracy  share of the training melodies' note starts decoded right; likewise for validation
 * @param testAccuracy       share of the 32 steps the model reconstructs right for test melodies (tunes it never saw
 *                           in any key), decoding the mean code
 * @param testNoteAccuracy   the same over the steps where a note starts only
 * @param testHoldShare      share of the test steps that are holds: what a model that always answers "hold" would
 *                           score, the floor to compare {@code testAccuracy} with
 * @param parametersFile     the file DJL wrote, named after the epoch kept, e.g. {@code model-0036.params}
 */
public record MelodyVaeMetadata(int format, String model, MelodyVaeConfig config, long splitSeed, int corpusEntries,
        int trainTunes, int validationTunes, int testTunes, int trainMelodies, int validationMelodies,
        int testMelodies, List<Double> trainLosses, List<Double> validationLosses, List<Double> validationAccuracies,
        List<Double> validationNoteAccuracies, int bestEpoch, double trainLoss, double trainAccuracy,
        double trainNoteAccuracy, double validationLoss, double validationAccuracy, double validationNoteAccuracy,
        double testLoss,
        double testReconstruction, double testKl, double testAccuracy, double testNoteAccuracy,
        double testHoldShare, long trainingSeconds, Instant createdAt,
        String engine, String parametersFile) implements ModelMetadata {

    public static final int FORMAT = 1;
    public static final String MODEL = "melody-vae";

    /** The metadata of a trained network: its config and data, and what the training loop measured. */
    static MelodyVaeMetadata of(TrainingHistory history, MelodyVaeConfig config, MelodyData data, long splitSeed,
            int corpusEntries, Instant createdAt, String engine) {
        Evaluation train = history.train();
        Evaluation validation = history.validation();
        Evaluation test = history.test();
        return new MelodyVaeMetadata(FORMAT, MODEL, config, splitSeed, corpusEntries, data.trainGroups().size(),
                data.validationGroups().size(), data.testGroups().size(), data.train().size(),
                data.validation().size(), data.test().size(), history.trainLosses(), history.validationLosses(),
                perEpoch(history, MelodyVaeLoss.ACCURACY), perEpoch(history, MelodyVaeLoss.NOTE_ACCURACY),
                history.keptEpoch(), train.loss(), train.part(MelodyVaeLoss.ACCURACY),
                train.part(MelodyVaeLoss.NOTE_ACCURACY), validation.loss(), validation.part(MelodyVaeLoss.ACCURACY),
                validation.part(MelodyVaeLoss.NOTE_ACCURACY), test.loss(), test.part(MelodyVaeLoss.RECONSTRUCTION),
                test.part(MelodyVaeLoss.KL), test.part(MelodyVaeLoss.ACCURACY),
                test.part(MelodyVaeLoss.NOTE_ACCURACY), holdShare(data.test()), history.duration().toSeconds(),
                createdAt, engine, Checkpoints.parametersFile(history.keptEpoch()));
    }

    private static List<Double> perEpoch(TrainingHistory history, String part) {
        return history.validationParts().stream().map(parts -> parts.get(part)).toList();
    }

    static double holdShare(List<Melody> melodies) {
        long holds = melodies.stream().flatMapToInt(m -> java.util.Arrays.stream(m.tokens()))
                .filter(t -> t == Melody.HOLD).count();
        return melodies.isEmpty() ? 0 : holds / (double) (melodies.size() * Melody.STEPS);
    }

    @Override
    public void check() {
        if (format != FORMAT || !MODEL.equals(model) || config == null || parametersFile == null) {
            throw new IllegalArgumentException("not that of a melody VAE of format " + FORMAT);
        }
        config.validate();
    }

    /** Reads and checks the metadata of a melody VAE folder. */
    public static MelodyVaeMetadata read(Path folder) throws CheckpointException {
        return Checkpoints.readMetadata(folder, MelodyVaeMetadata.class);
    }
}
