package org.latentlab.ml;

import java.nio.file.Path;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * DJL reads its settings from system properties the first time it is touched, so they are set here, before any
 * bean exists: offline mode (otherwise the engine probes a cloud metadata address while loading), a cache folder
 * inside our data folder for the native library it unpacks from the jar, and PyTorch's thread counts.
 * Properties already given on the command line win.
 */
class DjlEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String CACHE_DIR = "DJL_CACHE_DIR";
    static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
        setIfAbsent("ai.djl.pytorch.num_threads", environment.getProperty("latentlab.ml.intra-op-threads", "1"));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", environment.getProperty("latentlab.ml.inter-op-threads", "1"));

        String configured = environment.getProperty("latentlab.ml.cache-dir");
        boolean givenOutside = System.getProperty(CACHE_DIR) != null || System.getenv(CACHE_DIR) != null;
        if (configured != null || !givenOutside) {
            Path cache = configured != null
                    ? Path.of(configured)
                    : Path.of(environment.getProperty("latentlab.data-path", "data"), "djl-cache");
            String absolute = cache.toAbsolutePath().normalize().toString();
            System.setProperty(CACHE_DIR, absolute);
            System.setProperty(ENGINE_CACHE_DIR, absolute);
        }
    }

    @Override
    public int getOrder() {
        // After the data folder is resolved.
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
