package org.latentlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.latentlab.ml.Cancellation;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ModelTrainer;
import org.latentlab.ml.TrainedModel;
import org.latentlab.ml.TrainingConfig;

/**
 * How a worker should spend its processors on a class's Lab runs: trains {@code --parallel} copies of the same run
 * at the same time with PyTorch's {@code --threads} intra-op threads (a process-wide setting, as on a worker) and
 * prints the wall time, the runs per minute it makes and the final test loss. bench/class-burst/choose.sh runs it for
 * each combination; the worker's defaults (latentlab.training.compute-slots, latentlab.ml.intra-op-threads) come from
 * its figures. Nothing of it is in the product.
 * <p>{@code TrainingThroughput --kind=CONV_VAE --threads=2 --parallel=1 [--epochs=8] [--batch=64] [--seed=42]}
 */
public final class TrainingThroughput {

    private TrainingThroughput() {
    }

    public static void main(String[] args) throws Exception {
        ModelKind kind = ModelKind.valueOf(BenchArguments.option(args, "kind", "CONV_VAE"));
        int threads = Integer.parseInt(BenchArguments.option(args, "threads", "2"));
        int parallel = Integer.parseInt(BenchArguments.option(args, "parallel", "1"));
        int epochs = Integer.parseInt(BenchArguments.option(args, "epochs", "8"));
        TrainingConfig defaults = TrainingConfig.defaults(kind);
        int batch = Integer.parseInt(BenchArguments.option(args, "batch", Integer.toString(defaults.batchSize())));
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        long seed = Long.parseLong(BenchArguments.option(args, "seed", Long.toString(defaults.seed())));
        TrainingConfig config = new TrainingConfig(kind, defaults.dataset(), epochs, batch, defaults.learningRate(),
                defaults.latentSize(), defaults.noiseLevel(), seed, defaults.trainLimit());
        // Warm code first, as on a worker that has been up.
        try (TrainedModel warm = ModelTrainer.train(config.withEpochs(1).withTrainLimit(1024), p -> { },
                new Cancellation())) {
            warm.result();
        }
        long start = System.nanoTime();
        List<Double> losses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<Double>> runs = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                runs.add(pool.submit(() -> {
                    try (TrainedModel model = ModelTrainer.train(config, p -> { }, new Cancellation())) {
                        return model.result().testLoss();
                    }
                }));
            }
            for (Future<Double> run : runs) {
                losses.add(run.get());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "kind=%s batch=%d epochs=%d threads=%d parallel=%d seconds=%.1f "
                + "seed=%d seconds_per_run=%.1f runs_per_minute=%.2f test_loss=%.3f each=%s%n", kind, batch, epochs, threads,
                parallel, seconds, seed, seconds / parallel, 60 * parallel / seconds,
                losses.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                losses.stream().map(l -> String.format(Locale.ROOT, "%.1f", l)).toList());
    }

}
