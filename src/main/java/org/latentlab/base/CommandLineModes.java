package org.latentlab.base;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.ApplicationArguments;

/**
 * The jar's command-line modes (pretraining, benchmarks, imports): they start the application context but serve no
 * pages, and they print their results on standard output, which therefore carries nothing else: the application's
 * log lines go to standard error while a mode runs.
 */
public final class CommandLineModes {

    public static final List<String> ALL = List.of("pretrain-models", "train-benchmark", "decode-benchmark",
            "memory-benchmark", "import-lesson", "import-quiz",
            "lab-responsiveness-benchmark", "train-melody-vae", "copy-database-to");

    /** Modes that measure: they create accounts, quizzes and runs of their own, so never in a school's data. */
    public static final List<String> BENCHMARKS = List.of("train-benchmark", "decode-benchmark", "memory-benchmark",
            "lab-responsiveness-benchmark");

    /** The process's real standard output, whatever System.out points to. */
    private static final PrintStream STDOUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private CommandLineModes() {
    }

    /** True if the arguments ask for one of the modes. */
    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(arg -> ALL.stream().anyMatch(mode -> arg.startsWith("--" + mode)));
    }

    /** The value of {@code --option=value}, or null when it is missing or blank. */
    public static String value(ApplicationArguments args, String option) {
        List<String> values = args.getOptionValues(option);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    /** The same with a fallback. */
    public static String value(ApplicationArguments args, String option, String fallback) {
        String value = value(args, option);
        return value == null ? fallback : value;
    }

    /** Where a mode prints its results. */
    public static PrintStream out() {
        return STDOUT;
    }

    /**
     * Why a benchmark mode must not run with these arguments, or null when it may: a benchmark runs only on the
     * embedded database in a data folder that does not exist yet or is empty, so it can never add its accounts,
     * quizzes and runs to a school's data.
     */
    public static String refusedBenchmark(String[] args, Map<String, String> environment) {
        boolean benchmark = Arrays.stream(args).anyMatch(arg -> BENCHMARKS.stream()
                .anyMatch(mode -> arg.equals("--" + mode) || arg.startsWith("--" + mode + "=")));
        if (!benchmark) {
            return null;
        }
        String profiles = option(args, "spring.profiles.active", environment.getOrDefault("SPRING_PROFILES_ACTIVE",
                ""));
        if (profiles.contains("postgres")) {
            return "benchmarks run only on the embedded database in a new, empty data folder, not on PostgreSQL";
        }
        Path folder = Path.of(option(args, "latentlab.data-dir", environment.getOrDefault("LATENTLAB_DATA_DIR",
                "data")));
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

    private static String option(String[] args, String name, String fallback) {
        return Arrays.stream(args).filter(arg -> arg.startsWith("--" + name + "="))
                .map(arg -> arg.substring(name.length() + 3)).reduce((first, last) -> last).orElse(fallback);
    }

    /**
     * Called before the application starts: for a mode, binds a free port (Vaadin still needs a web context), waits
     * for the deep-learning engine during start-up instead of loading it in the background, drops the banner and
     * sends everything else that would print on standard output to standard error.
     */
    public static void prepare(String... args) {
        String refused = refusedBenchmark(args, System.getenv());
        if (refused != null) {
            System.err.println("error: " + refused);
            System.exit(1);
        }
        if (requested(args)) {
            System.setProperty("server.port", "0");
            System.setProperty("latentlab.ml.warm-up-in-background", "false");
            System.setProperty("spring.main.banner-mode", "off");
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        }
    }
}
