package org.latentlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.latentlab.ml.Cancellation;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ModelTrainer;
import org.latentlab.ml.TrainedModel;
import org.latentlab.ml.TrainingConfig;
import org.latentlab.ml.TrainingProgress;

/**
 * bench/memory-flat's program: the resident memory of the whole process (the app included, as on a server) at the
 * end of every epoch of a conv-autoencoder run on all 8,000 training digits. Last line: {@code
 * rss_after_epoch2_mb=.. rss_last_epoch_mb=.. growth_after_epoch2_percent=..}.
 * <p>{@code MemoryPerEpoch [--epochs=10] [app options]}. Nothing of it is in the product.
 */
public final class MemoryPerEpoch {

    private MemoryPerEpoch() {
    }

    public static void main(String[] args) {
        BenchApp.main(args, Set.of("epochs"), true, (app, out) -> {
            int epochs = Integer.parseInt(BenchArguments.option(args, "epochs", "10"));
            List<Long> rss = new ArrayList<>();
            TrainingConfig config = TrainingConfig.defaults(ModelKind.CONV_AE).withEpochs(epochs);
            try (TrainedModel model = ModelTrainer.train(config, progress -> {
                if (progress instanceof TrainingProgress.EpochFinished epoch) {
                    long kb = residentKilobytes();
                    rss.add(kb);
                    out.printf(Locale.ROOT, "epoch %d rss_mb=%d train_loss=%.5f%n", epoch.epoch(), kb / 1024,
                            epoch.trainLoss());
                }
            }, new Cancellation())) {
                model.result();
            }
            long afterSecond = rss.get(Math.min(1, rss.size() - 1));
            long last = rss.getLast();
            out.printf(Locale.ROOT, "rss_after_epoch2_mb=%d rss_last_epoch_mb=%d growth_after_epoch2_percent=%.1f%n",
                    afterSecond / 1024, last / 1024, 100.0 * (last - afterSecond) / afterSecond);
            return 0;
        });
    }

    private static long residentKilobytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
