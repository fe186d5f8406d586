package org.latentlab.bench;

import java.util.Locale;
import java.util.Set;

import org.latentlab.ml.Cancellation;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ModelTrainer;
import org.latentlab.ml.TrainedModel;
import org.latentlab.ml.TrainingConfig;

/**
 * bench/train-vs-pytorch's DJL side: times one training of the conv autoencoder or the 2-D VAE in the app's engine
 * (its thread settings come from the app options, e.g. {@code --latentlab.ml.intra-op-threads=2}) and prints one line
 * {@code djl kind=.. epochs=.. batch=.. threads=.. seconds=.. final_train_loss=.. final_validation_loss=..}.
 * <p>{@code DjlTraining [--kind=conv-ae|vae] [--epochs=5] [--batch-size=64] [app options]}. Nothing of it is in the
 * product.
 */
public final class DjlTraining {

    private DjlTraining() {
    }

    public static void main(String[] args) {
        BenchApp.main(args, Set.of("kind", "epochs", "batch-size"), true, (app, out) -> {
            ModelKind kind = switch (BenchArguments.option(args, "kind", "conv-ae")) {
                case "conv-ae" -> ModelKind.CONV_AE;
                case "vae" -> ModelKind.VAE_2D;
                default -> throw new IllegalArgumentException("--kind takes conv-ae or vae");
            };
            TrainingConfig config = TrainingConfig.defaults(kind)
                    .withEpochs(Integer.parseInt(BenchArguments.option(args, "epochs", "5")))
                    .withBatchSize(Integer.parseInt(BenchArguments.option(args, "batch-size", "64")));
            // One short run first, so both sides measure warm code (Python's peer does the same).
            try (TrainedModel warmup = ModelTrainer.train(config.withEpochs(1).withTrainLimit(512), p -> { },
                    new Cancellation())) {
                warmup.result();
            }
            long start = System.nanoTime();
            try (TrainedModel model = ModelTrainer.train(config, p -> { }, new Cancellation())) {
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "djl kind=%s epochs=%d batch=%d threads=%d seconds=%.2f "
                        + "final_train_loss=%.5f final_validation_loss=%.5f%n", kind, config.epochs(),
                        config.batchSize(), app.getBean(DeepLearningEngine.class).status().intraOpThreads(), seconds,
                        model.result().finalTrainLoss(), model.result().finalValidationLoss());
            }
            return 0;
        });
    }
}
