package org.latentlab.base;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;

/**
 * The jar's command-line modes (pretraining, imports, copying the database; each a {@link CommandLineMode}): they
 * start the application context but serve no pages, and they print their results on standard output, which
 * therefore carries nothing else: the application's log lines go to standard error while a mode runs.
 */
public final class CommandLineModes {

    /**
     * The names of all modes, the one list of them: start-up needs them before any {@link CommandLineMode} bean
     * exists, and the dispatcher refuses to start with a mode that is not here.
     */
    public static final List<String> ALL = List.of("pretrain-models", "import-lesson", "import-quiz",
            "train-melody-vae", "copy-database-to");

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
     * Called before the application starts: for a mode, binds a free port (Vaadin still needs a web context), waits
     * for the deep-learning engine during start-up instead of loading it in the background, drops the banner and
     * sends everything else that would print on standard output to standard error.
     */
    public static void prepare(String... args) {
        if (requested(args)) {
            System.setProperty("server.port", "0");
            System.setProperty("latentlab.ml.warm-up-in-background", "false");
            System.setProperty("spring.main.banner-mode", "off");
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        }
    }
}
