package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.latentlab.base.InvalidInputException;

/** Every network on a few hundred digits: it trains, its loss falls, it saves and loads. */
class ModelTrainerTest {

    static TrainingConfig tiny(ModelKind kind) {
        return TrainingConfig.defaults(kind).withEpochs(2).withTrainLimit(512).withBatchSize(32);
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyModelTrainsAndItsLossFalls(ModelKind kind) {
        List<TrainingProgress> events = new ArrayList<>();
        try (TrainedModel trained = ModelTrainer.train(tiny(kind), events::add, new Cancellation())) {
            List<TrainingProgress.BatchLoss> batches = events.stream()
                    .filter(TrainingProgress.BatchLoss.class::isInstance).map(TrainingProgress.BatchLoss.class::cast)
                    .toList();
            assertThat(batches.getLast().loss()).as("last batch loss below the first").isLessThan(batches.getFirst().loss());
            TrainingResult result = trained.result();
            assertThat(result.trainLosses()).hasSize(2);
            assertThat(result.trainLosses().get(1)).isLessThan(result.trainLosses().get(0));
            assertThat(result.finalValidationLoss()).isFinite();
            List<TrainingProgress.EpochFinished> epochs = events.stream()
                    .filter(TrainingProgress.EpochFinished.class::isInstance)
                    .map(TrainingProgress.EpochFinished.class::cast).toList();
            assertThat(epochs).hasSize(2);
            if (kind.isAutoencoder()) {
                assertThat(epochs.getLast().samples()).hasSize(DigitLoss.SAMPLES_PER_EPOCH)
                        .allSatisfy(s -> assertThat(s.output()).hasSize(ImageSet.PIXELS));
            }
        }
    }

    @Test
    void twoRunsTrainAtTheSameMomentEachOnItsOwnThreadAndEachGivesWhatItsSeedGivesAlone() throws Exception {
        // DJL's gradient collector allows one in the whole JVM; a worker's compute slots need one per thread. And a
        // VAE's noise comes from its own run's generator, so a class beside it changes nothing in its curve.
        TrainingConfig config = tiny(ModelKind.VAE_2D);
        TrainingResult alone;
        try (TrainedModel trained = ModelTrainer.train(config, e -> { }, new Cancellation())) {
            alone = trained.result();
        }
        java.util.concurrent.CountDownLatch bothLearning = new java.util.concurrent.CountDownLatch(2);
        java.util.function.Supplier<TrainingResult> run = () -> {
            AtomicInteger batches = new AtomicInteger();
            try (TrainedModel trained = ModelTrainer.train(config, event -> {
                if (event instanceof TrainingProgress.BatchLoss && batches.incrementAndGet() == 1) {
                    bothLearning.countDown();
                    try {
                        // From here on both runs draw noise and record and apply gradients at the same time.
                        bothLearning.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, new Cancellation())) {
                return trained.result();
            }
        };
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(run::get);
            var second = pool.submit(run::get);
            for (TrainingResult result : List.of(first.get(), second.get())) {
                assertThat(result.trainLosses()).hasSize(2);
                assertThat(result.trainLosses().get(1)).isLessThan(result.trainLosses().get(0));
                assertThat(result.finalTrainLoss())
                        .isCloseTo(alone.finalTrainLoss(), org.assertj.core.data.Offset.offset(1e-4));
                assertThat(result.finalValidationLoss())
                        .isCloseTo(alone.finalValidationLoss(), org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameLosses() {
        TrainingConfig config = tiny(ModelKind.VAE_2D).withEpochs(1);
        try (TrainedModel first = ModelTrainer.train(config, e -> { }, new Cancellation());
                TrainedModel second = ModelTrainer.train(config, e -> { }, new Cancellation())) {
            assertThat(second.result().finalTrainLoss())
                    .isCloseTo(first.result().finalTrainLoss(), org.assertj.core.data.Offset.offset(1e-4));
            assertThat(second.result().finalValidationLoss())
                    .isCloseTo(first.result().finalValidationLoss(), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void cancellingStopsWithinOneBatch() {
        Cancellation cancellation = new Cancellation();
        AtomicInteger batchesAfterCancel = new AtomicInteger();
        TrainingConfig config = TrainingConfig.defaults(ModelKind.CONV_AE).withEpochs(5).withTrainLimit(2048)
                .withBatchSize(16);
        assertThatThrownBy(() -> ModelTrainer.train(config, event -> {
            if (cancellation.requested()) {
                batchesAfterCancel.incrementAndGet();
            }
            if (event instanceof TrainingProgress.BatchLoss batch && batch.batch() == 20) {
                cancellation.cancel();
            }
        }, cancellation)).isInstanceOf(Cancellation.CancelledException.class);
        // Reports come every 10 batches: none may follow the cancel.
        assertThat(batchesAfterCancel.get()).isZero();
    }

    @Test
    void aSavedCheckpointLoadsAndGivesIdenticalOutputs(@TempDir Path folder) throws Exception {
        try (TrainedModel trained = ModelTrainer.train(tiny(ModelKind.CONV_AE).withEpochs(1), e -> { },
                new Cancellation())) {
            CheckpointMetadata metadata = CheckpointMetadata.of(trained.result(), Instant.now(), "test", "PyTorch");
            Checkpoints.save(trained, folder, metadata);
            float[] digit = ImageSet.load(DatasetName.MNIST).image(DataSplit.of(ImageSet.load(DatasetName.MNIST)).test()[0]);
            try (LoadedModel before = trained.toLoadedModel(metadata, InferenceLimits.forOneCaller());
                    LoadedModel after = Checkpoints.load(folder, InferenceLimits.forOneCaller())) {
                assertThat(after.kind()).isEqualTo(ModelKind.CONV_AE);
                assertThat(after.latentSize()).isEqualTo(128);
                assertThat(after.reconstruct(digit)).containsExactly(before.reconstruct(digit),
                        org.assertj.core.data.Offset.offset(1e-6f));
                float[] code = after.encode(digit);
                assertThat(after.decode(code)).hasSize(ImageSet.PIXELS);
            }
        }
    }

    @Test
    void aCorruptCheckpointGivesAClearError(@TempDir Path folder) throws Exception {
        assertThatThrownBy(() -> Checkpoints.load(folder, InferenceLimits.forOneCaller())).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("metadata.json is missing");
        Files.writeString(folder.resolve(Checkpoints.METADATA), "{ not json");
        assertThatThrownBy(() -> Checkpoints.load(folder, InferenceLimits.forOneCaller())).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("cannot be read");
        trainAndSave(ModelKind.VAE_2D, folder);
        Path parameters = folder.resolve("model-0001.params");
        byte[] bytes = Files.readAllBytes(parameters);
        Files.write(parameters, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Checkpoints.load(folder, InferenceLimits.forOneCaller())).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void aCheckpointOfAnotherKindIsRefused(@TempDir Path folder) throws Exception {
        trainAndSave(ModelKind.VAE_2D, folder);
        String json = Files.readString(folder.resolve(Checkpoints.METADATA)).replace("\"kind\" : \"VAE_2D\"",
                "\"kind\" : \"CONV_AE\"");
        Files.writeString(folder.resolve(Checkpoints.METADATA), json);
        assertThatThrownBy(() -> Checkpoints.load(folder, InferenceLimits.forOneCaller())).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("do not belong to a CONV_AE model");
    }

    @Test
    void aConvolutionalVaeRunAnOlderBuildStartedResumesWithTheNetworkItStartedWith(@TempDir Path folder)
            throws Exception {
        // Epoch 1 saved by a build whose convolutional VAE was format 1's network; the upgrade came mid-run.
        try (Model model = Model.newInstance(Checkpoints.NAME, Device.cpu(), DeepLearningEngine.ENGINE)) {
            Block block = Networks.convVaeOfFormat1(2);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 1, 28, 28));
            DurableFiles.saveParameters(model, folder, Checkpoints.NAME, 1);
        }
        TrainingConfig config = tiny(ModelKind.CONV_VAE).withEpochs(2);

        try (TrainedModel trained = ModelTrainer.train(config, e -> { }, new Cancellation(),
                new EpochCheckpoints(folder, 1, List.of(200.0), List.of(200.0)))) {
            assertThat(trained.checkpointFormat()).isEqualTo(1);
            assertThat(trained.result().trainLosses()).hasSize(2);
            Checkpoints.save(trained, folder, CheckpointMetadata.of(trained, Instant.now(), "test", "PyTorch"));
        }

        try (LoadedModel loaded = Checkpoints.load(folder, InferenceLimits.forOneCaller())) {
            assertThat(loaded.metadata().format()).isEqualTo(1);
            assertThat(loaded.decode(new float[2])).hasSize(ImageSet.PIXELS);
        }
    }

    /** A one-epoch model of this kind, saved as a checkpoint in the folder. */
    private static void trainAndSave(ModelKind kind, Path folder) throws Exception {
        try (TrainedModel trained = ModelTrainer.train(tiny(kind).withEpochs(1), e -> { }, new Cancellation())) {
            Checkpoints.save(trained, folder, CheckpointMetadata.of(trained.result(), Instant.now(), "test", "PyTorch"));
        }
    }

    @Test
    void badConfigsAreRefusedNamingFieldAndRange() {
        TrainingConfig good = TrainingConfig.defaults(ModelKind.VAE);
        assertRefused(good.withEpochs(0), "epochs", 1, TrainingConfig.MAX_EPOCHS);
        assertRefused(good.withEpochs(10_000), "epochs", 1, TrainingConfig.MAX_EPOCHS);
        assertRefused(good.withBatchSize(0), "batchSize", TrainingConfig.MIN_BATCH, TrainingConfig.MAX_BATCH);
        assertRefused(good.withBatchSize(1), "batchSize", TrainingConfig.MIN_BATCH, TrainingConfig.MAX_BATCH);
        assertRefused(new TrainingConfig(ModelKind.VAE, DatasetName.MNIST, 1, 32, Double.NaN, 8, 0, 1, 0),
                "learningRate", "0", TrainingConfig.MAX_LEARNING_RATE);
        assertRefused(new TrainingConfig(ModelKind.VAE, DatasetName.MNIST, 1, 32, 1e-3, 0, 0, 1, 0),
                "latentSize", 1, TrainingConfig.MAX_LATENT);
        assertRefused(new TrainingConfig(ModelKind.DENOISING_AE, DatasetName.MNIST, 1, 32, 1e-3, 0, -0.1, 1, 0),
                "noiseLevel", 0, TrainingConfig.MAX_NOISE);
    }

    private static void assertRefused(TrainingConfig config, String field, Object min, Object max) {
        assertThatThrownBy(config::validate).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.arguments()).containsExactly(min, max);
        });
    }
}
