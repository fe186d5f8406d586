package org.latentlab.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
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
        Path folder = Path.of(configured).toAbsolutePath().normalize();
        ownerOnly(folder);
        ownerOnly(folder.resolve("db"));
        String absolute = folder.toString();
        environment.getPropertySources().addLast(new MapPropertySource("latentlabDataFolder",
                Map.of(DATA_PATH, absolute)));
    }

    /**
     * The data folder holds the database (password hashes, every answer) and students' models: it and its database
     * folder are made readable by the app's own user only (created so when they do not exist yet). Elsewhere than on POSIX file systems, and when
     * the folder cannot be made yet, the operating system's defaults stay and the app starts anyway.
     */
    static void ownerOnly(Path folder) {
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
            }
            if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // The database or the first write will report a folder that really cannot be used.
        }
    }

    @Override
    public int getOrder() {
        // After the application's property files are read (ConfigData runs at HIGHEST_PRECEDENCE + 10).
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
