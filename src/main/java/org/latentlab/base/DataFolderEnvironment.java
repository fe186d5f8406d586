package org.latentlab.base;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code latentlab.data-dir} (relative paths are relative to the working folder) into the absolute
 * {@code latentlab.data-path} that the database URL and the engine cache use: H2 refuses relative file paths.
 */
class DataFolderEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DATA_PATH = "latentlab.data-path";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("latentlab.data-dir", "data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addLast(new MapPropertySource("latentlabDataFolder",
                Map.of(DATA_PATH, absolute)));
    }

    @Override
    public int getOrder() {
        // After the application's property files are read (ConfigData runs at HIGHEST_PRECEDENCE + 10).
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
