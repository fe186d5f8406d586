package org.latentlab.ml;

import java.time.Duration;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads PyTorch once, at start-up, on the main thread: inside the Boot jar the first use of the engine must not
 * happen on a pool thread, whose class loader cannot see the native library. If loading fails, the app still
 * serves lessons and quizzes; {@link #status()} says what is missing.
 */
@Component
public class DeepLearningEngine {

    /** The DJL engine name of PyTorch, the only engine we ship. */
    public static final String ENGINE = "PyTorch";
    private static final Logger log = LoggerFactory.getLogger(DeepLearningEngine.class);

    private final EngineStatus status;

    DeepLearningEngine(MlProperties properties) {
        this.status = properties.enabled() ? load() : unavailable(Duration.ZERO,
                "The engine is switched off (latentlab.ml.enabled=false).");
    }

    public EngineStatus status() {
        return status;
    }

    public boolean available() {
        return status.available();
    }

    private static EngineStatus load() {
        long start = System.nanoTime();
        try {
            Engine engine = Engine.getEngine(ENGINE);
            // Touch the native library so that a broken install fails here, not in a student's first run.
            int intra = JniUtils.getNumThreads();
            int inter = JniUtils.getNumInteropThreads();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            EngineStatus loaded = new EngineStatus(true, engine.getEngineName(), engine.getVersion(),
                    Engine.getDjlVersion(), intra, inter, cacheDir(), offline(), took, null);
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
            return unavailable(took, problem);
        }
    }

    private static EngineStatus unavailable(Duration took, String problem) {
        return new EngineStatus(false, ENGINE, null, safeDjlVersion(), 0, 0, cacheDir(), offline(), took, problem);
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
