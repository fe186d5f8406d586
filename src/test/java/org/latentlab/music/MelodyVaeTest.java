package org.latentlab.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.Cancellation;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.EpochCheckpoints;
import org.latentlab.ml.InferenceLimits;
import org.latentlab.ml.Interpolation;
import org.latentlab.ml.ModelTrainer;
import org.latentlab.ml.TrainedNetwork;
import org.latentlab.ml.TrainingControl;
import org.latentlab.ml.TrainingHistory;
import org.latentlab.ml.TrainingProgress;

/**
 * The melody VAE trains on a few tunes with {@code ml}'s one trainer, saves, loads, and its codec API does what it
 * promises.
 */
class MelodyVaeTest {

    /** Twelve tunes and four exercises in all their keys, a few epochs of a small network. */
    static MelodyData tiny() {
        List<MelodyCorpus.Entry> entries = new ArrayList<>(MelodyCorpus.entries().subList(0, 24));
        entries.addAll(MelodyCorpus.entries().subList(MelodyCorpus.entries().size() - 6, MelodyCorpus.entries()
                .size()));
        return MelodyData.of(entries, 1);
    }

    static MelodyVaeConfig tinyConfig(int epochs) {
        return MelodyVaeConfig.defaults().withHidden(64, 32).withEpochs(epochs).withKl(0.5, 0.25, 1);
    }

    static TrainedNetwork train(MelodyVaeConfig config, MelodyData data, Consumer<TrainingProgress> listener) {
        return ModelTrainer.train(new MelodyVaeFamily(config, data), listener, TrainingControl.of(new Cancellation()),
                null);
    }

    @Test
    void aSmallVaeTrainsOnATinySubsetWithTheOneTrainerAndItsLossFalls() {
        MelodyData data = tiny();
        List<TrainingProgress.EpochFinished> epochs = new ArrayList<>();
        try (TrainedNetwork trained = train(tinyConfig(3), data, progress -> {
            if (progress instanceof TrainingProgress.EpochFinished epoch) {
                epochs.add(epoch);
            }
        })) {
            assertThat(epochs).hasSize(3);
            TrainingHistory result = trained.history();
            assertThat(result.trainLosses().getLast()).isLessThan(result.trainLosses().getFirst());
            assertThat(result.validationLosses()).allMatch(Double::isFinite);
            assertThat(result.test().examples()).isEqualTo(data.test().size());
            assertThat(result.train().part(MelodyVaeLoss.ACCURACY)).isBetween(0.0, 1.0);
            assertThat(result.test().loss()).isCloseTo(result.test().part(MelodyVaeLoss.RECONSTRUCTION)
                    + result.test().part(MelodyVaeLoss.KL), org.assertj.core.data.Offset.offset(1e-6));
            // Early stopping: the parameters kept are those of the epoch with the best validation accuracy.
            List<Double> accuracies = result.validationParts().stream().map(p -> p.get(MelodyVaeLoss.ACCURACY))
                    .toList();
            assertThat(accuracies).hasSize(3);
            assertThat(result.keptEpoch()).isBetween(1, 3);
            double best = accuracies.get(result.keptEpoch() - 1);
            assertThat(accuracies).allMatch(a -> a <= best);
            assertThat(result.validation().part(MelodyVaeLoss.ACCURACY)).isEqualTo(best);
            assertThat(result.train().examples()).as("the kept parameters are measured again on the training split")
                    .isEqualTo(data.train().size());
        }
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        MelodyData data = tiny();
        try (TrainedNetwork first = train(tinyConfig(1), data, e -> { });
                TrainedNetwork second = train(tinyConfig(1), data, e -> { })) {
            assertThat(second.history().trainLosses().getFirst()).isCloseTo(first.history().trainLosses().getFirst(),
                    org.assertj.core.data.Offset.offset(1e-4));
            assertThat(second.history().validationLosses().getFirst())
                    .isCloseTo(first.history().validationLosses().getFirst(), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void aRunBesideAnotherDrawsItsCodeNoiseFromItsOwnGeneratorAndGivesWhatItsSeedGivesAlone() throws Exception {
        // Without dropout the code's noise (the reparameterisation) is the run's only random draw after its start.
        MelodyData data = tiny();
        MelodyVaeConfig config = tinyConfig(2).withDropout(0);
        TrainingHistory alone;
        try (TrainedNetwork trained = train(config, data, e -> { })) {
            alone = trained.history();
        }
        java.util.concurrent.CountDownLatch bothLearning = new java.util.concurrent.CountDownLatch(2);
        java.util.function.Supplier<TrainingHistory> run = () -> {
            java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
            try (TrainedNetwork trained = train(config, data, event -> {
                if (event instanceof TrainingProgress.BatchLoss && batches.incrementAndGet() == 1) {
                    bothLearning.countDown();
                    try {
                        bothLearning.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            })) {
                return trained.history();
            }
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(run::get);
            var second = pool.submit(run::get);
            for (TrainingHistory beside : List.of(first.get(), second.get())) {
                assertThat(beside.trainLosses()).usingElementComparator(withinTenThousandth())
                        .containsExactlyElementsOf(alone.trainLosses());
                assertThat(beside.validationLosses()).usingElementComparator(withinTenThousandth())
                        .containsExactlyElementsOf(alone.validationLosses());
            }
        }
    }

    private static java.util.Comparator<Double> withinTenThousandth() {
        return (a, b) -> Math.abs(a - b) <= 1e-4 ? 0 : Double.compare(a, b);
    }

    @Test
    void aRunThatKeepsItsBestEpochCannotResume(@TempDir Path folder) {
        assertThatThrownBy(() -> ModelTrainer.train(new MelodyVaeFamily(tinyConfig(2), tiny()), e -> { },
                TrainingControl.of(new Cancellation()), new EpochCheckpoints(folder, 1, List.of(1.0), List.of(1.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot resume");
    }

    @Test
    void aSavedModelLoadsAndEncodesDecodesAndInterpolates(@TempDir Path folder) throws Exception {
        MelodyData data = tiny();
        int size = tinyConfig(2).latentSize();
        try (TrainedNetwork trained = train(tinyConfig(2), data, e -> { })) {
            MelodyVaeMetadata saved = Checkpoints.save(trained, folder, MelodyVaeMetadata.of(trained.history(),
                    tinyConfig(2), data, 1, 30, Instant.parse("2026-01-01T00:00:00Z"), "PyTorch test"));
            assertThat(saved.bestEpoch()).isEqualTo(trained.history().keptEpoch()).isBetween(1, 2);
            assertThat(saved.parametersFile()).as("named after the epoch kept")
                    .isEqualTo(String.format("model-%04d.params", saved.bestEpoch()));
            assertThat(folder.resolve(saved.parametersFile())).exists();
            assertThat(saved.testAccuracy()).isEqualTo(trained.history().test().part(MelodyVaeLoss.ACCURACY));
        }
        MelodyVaeMetadata read = MelodyVaeMetadata.read(folder);
        assertThat(read.config()).isEqualTo(tinyConfig(2));
        assertThat(read.trainLosses()).hasSize(2);
        assertThat(read.validationNoteAccuracies()).hasSize(2);
        try (MelodyCodec codec = MelodyCodec.load(folder, InferenceLimits.forOneCaller())) {
            assertThat(codec.latentSize()).isEqualTo(size);
            Melody a = MelodyCorpus.entries().get(0).melody();
            Melody b = MelodyCorpus.entries().get(2).melody();
            float[] code = codec.encode(a);
            assertThat(code).hasSize(size);
            assertThat(codec.encode(List.of(a, b)).getFirst()).containsExactly(code,
                    org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(codec.decode(code)).isEqualTo(codec.reconstruct(a));
            for (Interpolation how : Interpolation.values()) {
                List<Melody> path = codec.interpolate(a, b, 8, how);
                assertThat(path).hasSize(8);
                assertThat(path.getFirst()).isEqualTo(codec.reconstruct(a));
                assertThat(path.getLast()).isEqualTo(codec.reconstruct(b));
            }
            assertThat(codec.interpolate(a, b, 2)).containsExactly(codec.reconstruct(a), codec.reconstruct(b));
            float[] random = codec.randomCode(new Random(3));
            assertThat(random).hasSize(size).isEqualTo(codec.randomCode(new Random(3)));
            assertThat(codec.decode(random)).isNotNull();
            assertThatThrownBy(() -> codec.decode(new float[3])).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.arguments()).containsExactly(1, size));
            float[] notANumber = new float[size];
            notANumber[2] = Float.NaN;
            assertThatThrownBy(() -> codec.decode(notANumber)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> codec.interpolate(a, b, 1)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("challenge.music.steps"));
            // Many callers at once get the same answers as one caller alone.
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                Melody expected = codec.reconstruct(b);
                List<Future<Melody>> answers = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    answers.add(pool.submit(() -> codec.reconstruct(b)));
                }
                for (Future<Melody> answer : answers) {
                    assertThat(answer.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdown();
            }
        }
        try (MelodyCodec codec = MelodyCodec.load(folder, InferenceLimits.forOneCaller())) {
            List<float[]> codes = MelodyCodec.path(new float[size], new float[size], 8, Interpolation.LINEAR);
            Melody decoded = codec.decode(new float[size]);
            MelodyRules.Score score = MelodyRules.morph(codec, decoded, decoded, codes);
            assertThat(score.score()).as("eight times the same code: a perfect, if dull, morph").isEqualTo(100);
            assertThatThrownBy(() -> MelodyRules.morph(codec, decoded, decoded, codes.subList(0, 7)))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aDamagedFolderIsReportedNotCrashedOn(@TempDir Path folder) throws Exception {
        assertThatThrownBy(() -> MelodyCodec.load(folder, InferenceLimits.forOneCaller())).hasMessageContaining("metadata.json is missing");
        Files.writeString(folder.resolve("metadata.json"), "{\"format\": 1}");
        assertThatThrownBy(() -> MelodyCodec.load(folder, InferenceLimits.forOneCaller())).hasMessageContaining("cannot be read");
    }

    @Test
    void sphericalPathsKeepTheLengthBetweenTheEnds() {
        float[] a = {3, 0};
        float[] b = {0, 3};
        float[] middle = Interpolation.SPHERICAL.between(a, b, 0.5);
        assertThat(Math.hypot(middle[0], middle[1])).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-5));
        float[] line = Interpolation.LINEAR.between(a, b, 0.5);
        assertThat(line).containsExactly(1.5f, 1.5f);
        assertThat(Interpolation.SPHERICAL.between(a, new float[] {6, 0}, 0.5)).containsExactly(4.5f, 0f);
    }
}
