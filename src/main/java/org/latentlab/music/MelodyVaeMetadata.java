package org.latentlab.music;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.latentlab.ml.DurableFiles;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code metadata.json} beside the melody VAE's parameters: enough to rebuild the network, and what it scored.
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
        String engine, String parametersFile) {

    public static final int FORMAT = 1;
    public static final String MODEL = "melody-vae";
    public static final String FILE = "metadata.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static MelodyVaeMetadata of(MelodyVaeTrainer.Trained trained, MelodyData data, long splitSeed, int corpusEntries,
            Instant createdAt, String engine) {
        MelodyVaeTrainer.Result r = trained.result();
        MelodyVaeConfig config = trained.config();
        return new MelodyVaeMetadata(FORMAT, MODEL, config, splitSeed, corpusEntries, data.trainGroups().size(),
                data.validationGroups().size(), data.testGroups().size(), data.train().size(),
                data.validation().size(), data.test().size(), r.trainLosses(), r.validationLosses(),
                r.validationAccuracies(), r.validationNoteAccuracies(), r.bestEpoch(), r.train().loss(),
                r.train().accuracy(), r.train().noteAccuracy(), r.validation().loss(), r.validation().accuracy(),
                r.validation().noteAccuracy(), r.test().loss(), r.test().reconstruction(), r.test().kl(),
                r.test().accuracy(), r.test().noteAccuracy(), holdShare(data.test()), r.duration().toSeconds(),
                createdAt, engine, parametersFile(r.bestEpoch()));
    }

    static double holdShare(List<Melody> melodies) {
        long holds = melodies.stream().flatMapToInt(m -> java.util.Arrays.stream(m.tokens()))
                .filter(t -> t == Melody.HOLD).count();
        return melodies.isEmpty() ? 0 : holds / (double) (melodies.size() * Melody.STEPS);
    }

    static String parametersFile(int epoch) {
        return String.format("%s-%04d.params", MelodyCodec.NAME, epoch);
    }

    /** The epoch in the name of the parameters file ({@code model-0036.params}: 36), which DJL needs to load it. */
    int parametersEpoch() {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(MelodyCodec.NAME + "-(\\d{4})\\.params")
                .matcher(parametersFile);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the parameters file " + parametersFile + " is not named "
                    + MelodyCodec.NAME + "-NNNN.params");
        }
        return Integer.parseInt(matcher.group(1));
    }

    void write(Path folder) throws IOException {
        DurableFiles.write(folder.resolve(FILE), JSON.writeValueAsBytes(this));
    }

    /** Reads and checks the metadata of a melody VAE folder. */
    public static MelodyVaeMetadata read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("No melody VAE in " + folder + ": " + FILE + " is missing");
        }
        try {
            MelodyVaeMetadata metadata = JSON.readValue(Files.readString(file), MelodyVaeMetadata.class);
            if (metadata.format() != FORMAT || !MODEL.equals(metadata.model()) || metadata.config() == null
                    || metadata.parametersFile() == null) {
                throw new IOException("The metadata in " + file + " is not that of a melody VAE of format " + FORMAT);
            }
            metadata.config().validate();
            metadata.parametersEpoch();
            return metadata;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException("The metadata in " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
