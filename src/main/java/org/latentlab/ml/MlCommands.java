package org.latentlab.ml;

import static org.latentlab.base.CommandLineModes.value;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.latentlab.base.CommandLineMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code --pretrain-models=models [--pretrain-kinds=conv-ae,vae-2d]} trains the shipped models (all, or the named
 * ones) and writes them with {@code models/README.md}. (The engine's benchmarks live in test scope, under
 * {@code src/test/java/org/latentlab/bench}.)
 */
@Component
class MlCommands implements CommandLineMode {

    private final DeepLearningEngine engine;
    private final Clock clock;

    MlCommands(DeepLearningEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "pretrain-models";
    }

    @Override
    public String description() {
        return "--pretrain-models=models [--pretrain-kinds=conv-ae,vae-2d]: trains the shipped models";
    }

    @Override
    public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
        try {
            if (!engine.available()) {
                throw new IllegalStateException(engine.status().problem());
            }
            pretrain(Path.of(value(args, "pretrain-models", "models")), value(args, "pretrain-kinds", "all"), out);
            return 0;
        } catch (Exception | Error e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** The configs of the shipped models: enough epochs to be good, few enough to train in minutes here. */
    static TrainingConfig pretrainConfig(ModelKind kind) {
        TrainingConfig defaults = TrainingConfig.defaults(kind);
        return switch (kind) {
            case VAE_2D -> defaults.withEpochs(40);
            // Eight dimensions: enough for good digits, few enough that each has a visible effect on a slider.
            case VAE -> defaults.withEpochs(30).withLatentSize(8);
            case CONV_VAE -> defaults.withEpochs(30);
            case CLASSIFIER -> defaults.withEpochs(12);
            default -> defaults.withEpochs(20);
        };
    }

    /** Trains the shipped models ({@code kinds}: "all" or folder names separated by commas) and rewrites the README. */
    private void pretrain(Path folder, String kinds, PrintStream out) throws IOException, CheckpointException {
        List<CheckpointMetadata> trained = new ArrayList<>();
        List<String> wanted = Arrays.asList(kinds.split(","));
        for (ModelKind kind : ShippedModels.KINDS) {
            if (!kinds.equals("all") && !wanted.contains(ShippedModels.folderName(kind))) {
                trained.add(Checkpoints.readMetadata(folder.resolve(ShippedModels.folderName(kind))));
                continue;
            }
            TrainingConfig config = pretrainConfig(kind);
            out.printf("training %s (%d epochs)%n", kind, config.epochs());
            try (TrainedModel model = ModelTrainer.train(config, progress -> {
                if (progress instanceof TrainingProgress.EpochFinished epoch) {
                    out.printf("  epoch %d/%d train %.4f validation %.4f %s%n", epoch.epoch(),
                            epoch.epochs(), epoch.trainLoss(), epoch.validationLoss(), epoch.validationParts());
                }
            }, new Cancellation())) {
                Path target = folder.resolve(ShippedModels.folderName(kind));
                deleteFolder(target);
                CheckpointMetadata metadata = CheckpointMetadata.of(model, clock.instant(), "pretrained",
                        engine.status().engineName() + " " + engine.status().engineVersion());
                Checkpoints.save(model, target, metadata);
                trained.add(metadata);
            }
        }
        Files.writeString(folder.resolve("README.md"), modelsReadme(trained, otherModels(folder)));
        out.println("wrote " + folder.toAbsolutePath());
    }

    /**
     * Folders of {@code models/} that other features train with their own command and describe in their own
     * {@code README.md} (such as the melody VAE of the music challenges): folder name and the README's first line.
     */
    static Map<String, String> otherModels(Path folder) throws IOException {
        Map<String, String> others = new java.util.TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return others;
        }
        List<String> ours = ShippedModels.KINDS.stream().map(ShippedModels::folderName).toList();
        try (var children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                Path readme = child.resolve("README.md");
                String name = child.getFileName().toString();
                if (Files.isDirectory(child) && !ours.contains(name) && Files.isRegularFile(readme)) {
                    String heading = Files.readAllLines(readme).stream().filter(l -> !l.isBlank()).findFirst()
                            .orElse(name).replaceFirst("^#+\\s*", "");
                    others.put(name, heading);
                }
            }
        }
        return others;
    }

    static String modelsReadme(List<CheckpointMetadata> models, Map<String, String> otherModels) {
        StringBuilder readme = new StringBuilder("""
                # Pretrained models

                Shipped with Latent Lab and packed into the jar, so the Playground and the Challenges work on a new
                server without training first. Each folder holds DJL parameters (`model-NNNN.params`) and
                `metadata.json` (kind, full training config, losses per epoch, test metrics, date).

                Rebuild them all (about a quarter of an hour on 2 cores) with:

                    ./mvnw -B package -DskipTests
                    java --enable-native-access=ALL-UNNAMED -jar target/latent-lab-*.jar --pretrain-models=models

                Data: MNIST digits (`src/main/resources/latentlab/data`), the fixed split 8,000 train / 1,000
                validation / 1,000 test. Test figures are measured on the 1,000 test digits, which training never sees.

                | model | epochs | batch | learning rate | latent size | test metric | training time |
                | --- | --- | --- | --- | --- | --- | --- |
                """);
        for (CheckpointMetadata m : models) {
            readme.append(String.format(Locale.ROOT, "| `%s` (%s) | %d | %d | %s | %s | %s | %d s |%n",
                    ShippedModels.folderName(m.kind()), m.kind(), m.epochs(), m.config().batchSize(),
                    m.config().learningRate(), m.kind() == ModelKind.CLASSIFIER ? "-" : Integer.toString(m.latentSize()),
                    testMetric(m), m.trainingSeconds()));
        }
        readme.append("""

                Metrics: `mse` is the mean squared error per pixel between the clean digit and the output (pixels 0..1);
                for VAEs, `loss` is per image: binary cross-entropy summed over the 784 pixels plus the KL term; the
                classifier's figure is its accuracy.
                """);
        readme.append(String.format(Locale.ROOT, """

                `conv-vae` is the lesson's recipe, the network the Lab's designer starts from: three 3 × 3 convolution
                stages with 2 × 2 pooling that rounds odd sizes up (28 × 28 → 14 × 14 → 7 × 7 → 4 × 4), the mean and
                the log-variance of a code of 2 straight from the 8 × 4 × 4 = 128 features, a dense layer back to
                8 × 4 × 4, and the convolutional autoencoder's decoder, whose convolution without padding takes
                16 × 16 back to 14 × 14: %,d parameters.
                """, NetworkDesign.assignment().analyse().parameters()));
        if (!otherModels.isEmpty()) {
            readme.append("""

                    ## Other models

                    Trained with their own command; each folder's README gives the command, the data and the metrics.

                    """);
            otherModels.forEach((name, heading) -> readme.append(String.format(Locale.ROOT,
                    "- [`%s`](%s/README.md): %s%n", name, name, heading)));
        }
        return readme.toString();
    }

    private static String testMetric(CheckpointMetadata m) {
        Map<String, Double> parts = m.testParts();
        if (m.kind() == ModelKind.CLASSIFIER) {
            return String.format(Locale.ROOT, "accuracy %.2f %%", 100 * parts.get("accuracy"));
        }
        if (m.kind().variational()) {
            return String.format(Locale.ROOT, "loss %.1f (reconstruction %.1f + KL %.2f)", m.testLoss(),
                    parts.get("reconstruction"), parts.get("kl"));
        }
        return String.format(Locale.ROOT, "mse %.4f", parts.get("mse"));
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }
}
