package org.latentlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the bench load generators share: {@code --name=value} options before {@code --}, the app's own arguments
 * after it, and a temporary folder removed afterwards.
 */
final class BenchArguments {

    private BenchArguments() {
    }

    /** The value of {@code --name=value} before {@code --}, or the fallback. */
    static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    /** The arguments after {@code --}, for the app. */
    static List<String> appArguments(String[] args) {
        List<String> all = Arrays.asList(args);
        return all.subList(all.contains("--") ? all.indexOf("--") + 1 : all.size(), all.size());
    }

    /**
     * For the benchmarks that take their options and the app's mixed: every argument but the named options (and a
     * {@code --}), for the app.
     */
    static List<String> appArgumentsBesides(String[] args, Set<String> benchOptions) {
        return Arrays.stream(args).filter(arg -> !arg.equals("--")).filter(arg -> benchOptions.stream()
                .noneMatch(name -> arg.equals("--" + name) || arg.startsWith("--" + name + "="))).toList();
    }

    static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception ignored) {
            // A temporary folder; the system cleans it up eventually.
        }
    }
}
