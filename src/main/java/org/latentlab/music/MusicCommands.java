package org.latentlab.music;

import static org.latentlab.base.CommandLineModes.value;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.latentlab.base.CommandLineMode;
import org.latentlab.ml.Cancellation;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.ModelTrainer;
import org.latentlab.ml.TrainedNetwork;
import org.latentlab.ml.TrainingControl;
import org.latentlab.ml.TrainingProgress;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code --train-melody-vae=models/melody-vae [--epochs=120] [--latent-size=16] [--seed=9]}: trains the melody
 * VAE ({@link MelodyVaeFamily}, with {@code ml}'s one trainer) on the corpus (split by tune with
 * {@link MelodyData#SEED}, all twelve keys), prints the losses every epoch and writes the folder: DJL parameters of
 * the epoch with the best validation accuracy, {@code metadata.json} and a {@code README.md} with the metrics. The defaults ({@link MelodyVaeConfig#defaults()}) rebuild the shipped model.
 * Exits 1 with a message on bad arguments or when PyTorch is not available.
 */
@Component
class MusicCommands implements CommandLineMode {

    static final String COMMAND = "train-melody-vae";

    private final DeepLearningEngine engine;
    private final Clock clock;

    MusicCommands(DeepLearningEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public String name() {
        return COMMAND;
    }

    @Override
    public String description() {
        return "--train-melody-vae=models/melody-vae [--epochs=120] [--latent-size=16] [--seed=9]: trains the melody "
                + "VAE";
    }

    @Override
    public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
        if (!engine.available()) {
            err.println("error: " + engine.status().problem());
            return 1;
        }
        Path folder = Path.of(value(args, COMMAND, "models/" + ShippedMelodyModel.FOLDER));
        MelodyVaeConfig config;
        try {
            MelodyVaeConfig defaults = MelodyVaeConfig.defaults();
            config = defaults.withEpochs(Integer.parseInt(value(args, "epochs", Integer.toString(defaults.epochs()))))
                    .withLatentSize(Integer.parseInt(value(args, "latent-size",
                            Integer.toString(defaults.latentSize()))))
                    .withSeed(Long.parseLong(value(args, "seed", Long.toString(defaults.seed()))));
            config.validate();
        } catch (IllegalArgumentException e) {
            err.println("error: use --" + COMMAND + "=<folder> [--epochs=1..10000] [--latent-size=1..64] [--seed=n] ("
                    + e.getMessage() + ")");
            return 1;
        }
        MelodyData data = MelodyData.of(MelodyData.SEED);
        int entries = MelodyCorpus.entries().size();
        out.printf(Locale.ROOT, "training the melody VAE: %d corpus entries, %d / %d / %d tunes, %d / %d / %d melodies "
                + "(train / validation / test, all keys); %s%n", entries, data.trainGroups().size(),
                data.validationGroups().size(), data.testGroups().size(), data.train().size(),
                data.validation().size(), data.test().size(), config);
        try (TrainedNetwork trained = ModelTrainer.train(new MelodyVaeFamily(config, data), progress -> {
            if (progress instanceof TrainingProgress.EpochFinished epoch) {
                out.printf(Locale.ROOT, "  epoch %d/%d train %.2f validation %.2f validation accuracy %.3f, note "
                        + "starts %.3f (KL weight %.2f, %d s)%n", epoch.epoch(), epoch.epochs(), epoch.trainLoss(),
                        epoch.validationLoss(), epoch.validationParts().get(MelodyVaeLoss.ACCURACY),
                        epoch.validationParts().get(MelodyVaeLoss.NOTE_ACCURACY), config.klWeightAt(epoch.epoch()),
                        epoch.elapsed().toSeconds());
            }
        }, TrainingControl.of(new Cancellation()), null)) {
            deleteOldParameters(folder);
            MelodyVaeMetadata metadata = Checkpoints.save(trained, folder, MelodyVaeMetadata.of(trained.history(),
                    config, data, MelodyData.SEED, entries, clock.instant(),
                    engine.status().engineName() + " " + engine.status().engineVersion()));
            Files.writeString(folder.resolve("README.md"), MelodyModelReadme.text(metadata));
            out.printf(Locale.ROOT, "kept epoch %d (best validation accuracy %.3f, note starts %.3f)%n",
                    metadata.bestEpoch(), metadata.validationAccuracy(), metadata.validationNoteAccuracy());
            out.printf(Locale.ROOT, "test: accuracy %.3f of steps, %.3f of note starts (always \"hold\" would score "
                    + "%.3f), loss %.2f (reconstruction %.2f + KL %.2f); %d s%n", metadata.testAccuracy(),
                    metadata.testNoteAccuracy(), metadata.testHoldShare(), metadata.testLoss(),
                    metadata.testReconstruction(), metadata.testKl(), metadata.trainingSeconds());
            out.println("wrote " + folder.toAbsolutePath());
            return 0;
        } catch (IOException e) {
            err.println("error: cannot write " + folder + ": " + e.getMessage());
            return 1;
        }
    }

    private static void deleteOldParameters(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".params")).toList()) {
                Files.delete(file);
            }
        }
    }
}
