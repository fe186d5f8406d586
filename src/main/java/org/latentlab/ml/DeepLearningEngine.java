package org.latentlab.ml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads PyTorch and then the shipped models ({@link WarmUpStep}s) in the background, so the web server answers
 * while they load: lessons, quizzes and sign-in work at once, the parts that need a model show "warming up" and
 * fill in when {@link #whenWarm} calls them. Loading starts once the web server is up, not before: nothing that
 * needs the engine can be asked for earlier, and on two cores the second one is busy meanwhile preloading the
 * start-up's classes ({@code StartupClassPreloader}). It runs on a thread of our own, started from the main thread:
 * inside the Boot jar the first use of the engine must not happen on a pool thread, whose class loader cannot see
 * the native library, and a new thread inherits the main thread's loader. With
 * {@code latentlab.ml.warm-up-in-background=false} the application context loads the engine before it finishes
 * instead (tests, command-line modes, a worker that only trains). If PyTorch cannot be loaded the app still serves
 * lessons and quizzes; {@link #status()} says what is missing.
 */
@Component
public class DeepLearningEngine implements SmartInitializingSingleton {

    /** The DJL engine name of PyTorch, the only engine we ship. */
    public static final String ENGINE = "PyTorch";
    private static final Logger log = LoggerFactory.getLogger(DeepLearningEngine.class);

    private final MlProperties properties;
    private final ObjectProvider<WarmUpStep> steps;
    private final long started = System.nanoTime();
    private final AtomicBoolean warmUpStarted = new AtomicBoolean();
    private final CountDownLatch warm = new CountDownLatch(1);
    /** Pages waiting for the warm-up; null once it has ended (guarded by {@code this}). */
    private List<Runnable> listeners = new ArrayList<>();
    private volatile EngineStatus status;

    DeepLearningEngine(MlProperties properties, ObjectProvider<WarmUpStep> steps) {
        this.properties = properties;
        this.steps = steps;
        if (properties.enabled()) {
            this.status = unavailable(EngineState.WARMING_UP, Duration.ZERO, null);
        } else {
            this.status = unavailable(EngineState.UNAVAILABLE, Duration.ZERO,
                    "The engine is switched off (latentlab.ml.enabled=false).");
            listeners = null;
            warm.countDown();
        }
    }

    public EngineStatus status() {
        return status;
    }

    /** True once PyTorch and the shipped models are loaded. */
    public boolean available() {
        return status.available();
    }

    /** True while PyTorch or the shipped models are still loading. */
    public boolean warmingUp() {
        return status.warmingUp();
    }

    /**
     * Calls {@code listener} once the warm-up has ended, ready or not: at once, on this thread, if it already has,
     * otherwise on the warm-up thread (a UI must hand over with {@code UI.access}). Returns what to call to stop
     * waiting (on detach).
     */
    public Runnable whenWarm(Runnable listener) {
        synchronized (this) {
            if (listeners != null) {
                listeners.add(listener);
                return () -> {
                    synchronized (this) {
                        if (listeners != null) {
                            listeners.remove(listener);
                        }
                    }
                };
            }
        }
        listener.run();
        return () -> { };
    }

    /** Blocks until the warm-up has ended; false if it had not after {@code timeout}. */
    public boolean awaitWarm(Duration timeout) throws InterruptedException {
        return warm.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Blocks until the warm-up has ended (command-line modes, training jobs). */
    public void awaitWarm() {
        try {
            warm.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the deep-learning engine warmed up", e);
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.enabled() && !properties.warmUpInBackground()) {
            startWarmUp();
            awaitWarm();
        }
    }

    /**
     * Starts the background warm-up when the web server answers; the application's ready event covers a context
     * without a web server. Both are published on the main thread, whose class loader the warm-up thread inherits.
     */
    @EventListener({WebServerInitializedEvent.class, ApplicationReadyEvent.class})
    void webServerUp() {
        if (properties.enabled()) {
            startWarmUp();
        }
    }

    private void startWarmUp() {
        if (warmUpStarted.compareAndSet(false, true)) {
            Thread.ofPlatform().name("ml-warm-up").daemon().start(this::warmUp);
        }
    }

    private void warmUp() {
        EngineStatus loaded = load();
        if (loaded.state() == EngineState.WARMING_UP) {
            steps.orderedStream().forEach(DeepLearningEngine::run);
            Duration total = Duration.ofNanos(System.nanoTime() - started);
            loaded = loaded.ready(total);
            log.info("Deep-learning engine ready {} ms after start-up began", total.toMillis());
        }
        status = loaded;
        List<Runnable> waiting;
        synchronized (this) {
            waiting = listeners;
            listeners = null;
        }
        for (Runnable listener : waiting) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A page waiting for the engine could not be updated: {}", e.getMessage());
            }
        }
        warm.countDown();
    }

    private static void run(WarmUpStep step) {
        try {
            step.warmUp();
        } catch (Exception | LinkageError e) {
            log.warn("Warm-up step {} failed: {}", step.getClass().getSimpleName(), e.getMessage(), e);
        }
    }

    private EngineStatus load() {
        long start = System.nanoTime();
        try {
            Engine engine = Engine.getEngine(ENGINE);
            // Touch the native library so that a broken install fails here, not in a student's first run.
            int intra = JniUtils.getNumThreads();
            int inter = JniUtils.getNumInteropThreads();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            EngineStatus loaded = new EngineStatus(EngineState.WARMING_UP, engine.getEngineName(),
                    engine.getVersion(), Engine.getDjlVersion(), intra, inter, cacheDir(), offline(), took,
                    Duration.ZERO, null);
            log.info("{} {} loaded through DJL {} in {} ms (threads: {} intra-op, {} inter-op; native cache {})",
                    loaded.engineName(), loaded.engineVersion(), loaded.djlVersion(), took.toMillis(), intra, inter,
                    loaded.cacheDir());
            return loaded;
        } catch (Throwable failure) {
            // Throwable: a missing native library surfaces as UnsatisfiedLinkError, not as an Exception.
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String problem = "PyTorch could not be loaded (" + failure.getClass().getSimpleName() + ": "
                    + failure.getMessage() + "). Training and the playground are unavailable; check that the "
                    + "pytorch-native-cpu jar for this platform is on the class path and that " + cacheDir()
                    + " is writable.";
            log.error(problem, failure);
            return unavailable(EngineState.UNAVAILABLE, took, problem);
        }
    }

    private static EngineStatus unavailable(EngineState state, Duration took, String problem) {
        return new EngineStatus(state, ENGINE, null, safeDjlVersion(), 0, 0, cacheDir(), offline(), took,
                Duration.ZERO, problem);
    }

    private static String safeDjlVersion() {
        try {
            return Engine.getDjlVersion();
        } catch (Throwable e) {
            return null;
        }
    }

    private static String cacheDir() {
        return System.getProperty(DjlEnvironment.CACHE_DIR, System.getenv(DjlEnvironment.CACHE_DIR));
    }

    private static boolean offline() {
        return Boolean.parseBoolean(System.getProperty("ai.djl.offline"));
    }
}
