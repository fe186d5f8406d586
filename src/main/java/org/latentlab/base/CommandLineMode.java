package org.latentlab.base;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;

/**
 * One of the jar's command-line modes, a real operation such as an import or the pretraining of the shipped models:
 * a bean of its feature, chosen by the option {@code --<name>} and run by one dispatcher instead of serving pages.
 * Its name must also be in {@link CommandLineModes#ALL}, which the start-up reads before any bean exists.
 */
public interface CommandLineMode {

    /** The option that chooses the mode, without its dashes, e.g. {@code import-quiz}. */
    String name();

    /** One line: the mode's options and what it does. */
    String description();

    /**
     * Runs the mode.
     *
     * @param out where its results go: standard output, which carries nothing else while a mode runs
     * @param err where its report and errors go ({@code error: ...} lines)
     * @return the process's exit code: 0 when it did what was asked, 1 otherwise
     */
    int run(ApplicationArguments args, PrintStream out, PrintStream err);
}
