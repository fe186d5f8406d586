package org.latentlab.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.latentlab.LatentLabApplication;
import org.latentlab.ml.DeepLearningEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole app started inside a benchmark's own process (test classpath), for the benchmarks that measure its
 * beans directly rather than a packaged jar over HTTP: as the jar runs (Vaadin in production mode), on a free port,
 * with the deep-learning engine loaded during start-up rather than in the background, and with the app's log on
 * standard error so that standard output carries the figures alone.
 */
final class BenchApp {

    /** The process's real standard output, whatever System.out points to once the app runs. */
    private static final PrintStream STDOUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private BenchApp() {
    }

    /** Where a benchmark prints its figures. */
    static PrintStream out() {
        return STDOUT;
    }

    /**
     * Starts the app with these arguments (the app's own options, such as {@code --latentlab.data-dir}); refuses
     * with an {@link IllegalArgumentException} when they point at data that may be a school's (see
     * {@link #refused}).
     */
    static ConfigurableApplicationContext start(List<String> appArguments) {
        String refused = refused(appArguments, System.getenv());
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        // System properties, as the jar's modes set them: they win over application.properties.
        System.setProperty("server.port", "0");
        System.setProperty("latentlab.ml.warm-up-in-background", "false");
        System.setProperty("spring.main.banner-mode", "off");
        // The committed production bundle in target/classes, as in the jar: Vaadin's dev mode would measure
        // something else and needs the project folder as the working directory.
        System.setProperty("vaadin.productionMode", "true");
        return new SpringApplication(LatentLabApplication.class).run(appArguments.toArray(String[]::new));
    }

    /** What a benchmark does with the running app; its figures go to {@code out}. */
    @FunctionalInterface
    interface Benchmark {

        /** The exit code: 0 when the benchmark measured what it should. */
        int run(ConfigurableApplicationContext app, PrintStream out) throws Exception;
    }

    /**
     * A benchmark's whole process: starts the app with every argument but the benchmark's own options, runs the
     * benchmark (on a loaded deep-learning engine when it needs one) and exits with its code, or 1 with
     * {@code error: <why>} on standard error when the app was refused or the benchmark failed.
     */
    static void main(String[] args, Set<String> benchOptions, boolean needsEngine, Benchmark benchmark) {
        ConfigurableApplicationContext app;
        try {
            app = start(BenchArguments.appArgumentsBesides(args, benchOptions));
        } catch (IllegalArgumentException refused) {
            System.err.println("error: " + refused.getMessage());
            System.exit(1);
            return;
        }
        int code;
        try {
            DeepLearningEngine engine = app.getBean(DeepLearningEngine.class);
            if (needsEngine && !engine.available()) {
                throw new IllegalStateException(engine.status().problem());
            }
            code = benchmark.run(app, STDOUT);
        } catch (Exception | Error e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        }
        exit(app, code);
    }

    /** Stops the app and the process with the benchmark's exit code (the app's scheduler threads would keep it). */
    private static void exit(ConfigurableApplicationContext app, int code) {
        STDOUT.flush();
        System.exit(SpringApplication.exit(app, () -> code));
    }

    /**
     * Why a benchmark must not run with these app arguments, or null when it may: a benchmark runs only on the
     * embedded database in a data folder that does not exist yet or is empty, so it can never add its accounts,
     * quizzes and runs to a school's data.
     */
    static String refused(List<String> appArguments, Map<String, String> environment) {
        String profiles = option(appArguments, "spring.profiles.active",
                environment.getOrDefault("SPRING_PROFILES_ACTIVE", ""));
        if (profiles.contains("postgres")) {
            return "benchmarks run only on the embedded database in a new, empty data folder, not on PostgreSQL";
        }
        Path folder = Path.of(option(appArguments, "latentlab.data-dir",
                environment.getOrDefault("LATENTLAB_DATA_DIR", "data")));
        try (Stream<Path> content = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            if (Files.exists(folder) && (!Files.isDirectory(folder) || content.findAny().isPresent())) {
                return "benchmarks run only in a new, empty data folder, and " + folder.toAbsolutePath()
                        + " is not empty: pass --latentlab.data-dir=<a new folder>";
            }
        } catch (IOException e) {
            return "cannot read the data folder " + folder.toAbsolutePath() + ": " + e.getMessage();
        }
        return null;
    }

    private static String option(List<String> arguments, String name, String fallback) {
        return arguments.stream().filter(arg -> arg.startsWith("--" + name + "="))
                .map(arg -> arg.substring(name.length() + 3)).reduce((first, last) -> last).orElse(fallback);
    }
}
