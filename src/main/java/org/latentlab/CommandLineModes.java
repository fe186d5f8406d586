package org.latentlab;

import java.util.Arrays;
import java.util.List;

/** The options that run the jar as a command instead of a web server (see the features' command runners). */
final class CommandLineModes {

    private static final List<String> OPTIONS = List.of("--pretrain-models", "--train-benchmark",
            "--decode-benchmark", "--memory-benchmark");

    private CommandLineModes() {
    }

    static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(arg -> OPTIONS.stream().anyMatch(arg::startsWith));
    }
}
