package org.latentlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.latentlab.ml.LoadedModel;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ShippedModels;

/**
 * bench/decode-latency's program: single-sample decode latency of the shipped 2-D VAE through the codec API
 * ({@link LoadedModel#decode}) in the app's engine, one caller, then the throughput of 8 concurrent callers.
 * Last line: {@code p50_us=.. p99_us=..}.
 * <p>{@code DecodeLatency [--samples=20000] [app options]}. Nothing of it is in the product.
 */
public final class DecodeLatency {

    private static final int CALLERS = 8;

    private DecodeLatency() {
    }

    public static void main(String[] args) {
        BenchApp.main(args, Set.of("samples"), true, (app, out) -> {
            int samples = Integer.parseInt(BenchArguments.option(args, "samples", "20000"));
            LoadedModel vae = app.getBean(ShippedModels.class).get(ModelKind.VAE_2D)
                    .orElseThrow(() -> new IllegalStateException("the shipped 2-D VAE is not available"));
            Random random = new Random(1);
            float[][] points = new float[samples][];
            for (int i = 0; i < samples; i++) {
                points[i] = new float[] {(float) random.nextGaussian() * 2, (float) random.nextGaussian() * 2};
            }
            for (int i = 0; i < 2000; i++) {
                vae.decode(points[i % samples]);
            }
            long[] micros = new long[samples];
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                vae.decode(points[i]);
                micros[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(micros);
            out.printf(Locale.ROOT, "single caller: samples=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d%n", samples,
                    micros[samples / 2], micros[samples * 9 / 10], micros[samples * 99 / 100], micros[samples - 1]);
            int perCaller = samples / CALLERS;
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(CALLERS)) {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    int offset = c * perCaller;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perCaller; i++) {
                            vae.decode(points[offset + i]);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "8 callers: decodes=%d seconds=%.2f throughput_per_s=%.0f%n",
                    perCaller * CALLERS, seconds, perCaller * CALLERS / seconds);
            out.printf(Locale.ROOT, "p50_us=%d p99_us=%d%n", micros[samples / 2], micros[samples * 99 / 100]);
            return 0;
        });
    }
}
