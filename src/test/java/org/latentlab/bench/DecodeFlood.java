package org.latentlab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.latentlab.e2e.PackagedApp;

/**
 * bench/decode-flood's load generator, a process of its own beside the packaged jar (demo profile, loopback): one
 * anonymous client floods the Playground's decode API from 48 threads for 20 s while a teacher signs in again and
 * again. It prints how many decodes were answered per second and how many were refused (429 rate limit, 503 busy),
 * and the sign-in latency before and during the flood. Last line: {@code decoded_per_s=<..> refused_per_s=<..>
 * sign_in_quiet_p50_ms=<..> sign_in_flood_p50_ms=<..> sign_in_flood_max_ms=<..>}. Nothing of it is in the product.
 */
public final class DecodeFlood {

    private static final int THREADS = 48;
    private static final Duration FLOOD = Duration.ofSeconds(20);

    private DecodeFlood() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("decode-flood-");
        try (PackagedApp app = new PackagedApp(data, "--spring.profiles.active=demo")) {
            app.start();
            pinApp(app.pid());
            String password = app.demoPassword("teacher");
            String base = "http://127.0.0.1:" + app.port();
            awaitModels(base);
            List<Long> quiet = signIns(base, password, 10, null);
            Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
            AtomicBoolean over = new AtomicBoolean();
            HttpClient flood = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long start = System.nanoTime();
            List<Long> during;
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    pool.submit(() -> {
                        long i = 0;
                        while (!over.get()) {
                            double x = ((thread * 7919 + i++) % 600) / 100.0 - 3;
                            try {
                                int status = flood.send(HttpRequest.newBuilder(URI.create(base
                                        + "/api/playground/decode?model=shipped:vae-2d&x=" + x + "&y=0.5")).build(),
                                        HttpResponse.BodyHandlers.discarding()).statusCode();
                                answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                            } catch (Exception e) {
                                answers.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(2_000);
                during = signIns(base, password, 10, over);
                long left = FLOOD.toMillis() - (System.nanoTime() - start) / 1_000_000;
                if (left > 0) {
                    Thread.sleep(left);
                }
                over.set(true);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long decoded = answers.getOrDefault(200, new AtomicLong()).get();
            long refused = answers.getOrDefault(429, new AtomicLong()).get()
                    + answers.getOrDefault(503, new AtomicLong()).get();
            System.out.printf(Locale.ROOT, "answers by status over %.1f s: %s%n", seconds, answers);
            System.out.printf(Locale.ROOT, "sign-in ms quiet: %s%nsign-in ms during the flood: %s%n", quiet, during);
            System.out.printf(Locale.ROOT, "decoded_per_s=%.0f refused_per_s=%.0f sign_in_quiet_p50_ms=%d "
                    + "sign_in_flood_p50_ms=%d sign_in_flood_max_ms=%d%n", decoded / seconds, refused / seconds,
                    median(quiet), median(during), Collections.max(during));
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Sign-ins of the teacher, one after the other, in ms (the whole form round trip, bcrypt included). */
    /**
     * With {@code -Dlatentlab.app-cpus=0} (run.sh's APP_CPUS) the app's threads are moved to those cores, so that a
     * generator started on the others ({@code taskset}) cannot take the app's CPU: on two shared cores, the
     * generator's 48 threads otherwise count against the app's sign-in latency.
     */
    private static void pinApp(long pid) throws java.io.IOException, InterruptedException {
        String cpus = System.getProperty("latentlab.app-cpus", "");
        if (cpus.isBlank()) {
            return;
        }
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset could not pin the app to CPUs " + cpus);
        }
        System.out.printf(Locale.ROOT, "app pinned to CPUs %s%n", cpus);
    }

    private static List<Long> signIns(String base, String password, int count, AtomicBoolean stop)
            throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count && (stop == null || !stop.get()); i++) {
            SimulatedUser teacher = new SimulatedUser(SimulatedUser.httpClient(), base);
            long t0 = System.nanoTime();
            teacher.signIn("teacher", password);
            millis.add((System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(300);
        }
        return millis;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    private static void awaitModels(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (health.contains("\"UP\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the models did not load within 5 minutes");
    }
}
