package org.latentlab.base;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Once the application has started: runs the command-line mode the arguments ask for and ends the process with its
 * exit code; without one, the application goes on serving pages.
 */
@Component
class CommandLineModeDispatcher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandLineModeDispatcher.class);

    private final ApplicationContext context;
    private final List<CommandLineMode> modes;

    CommandLineModeDispatcher(ApplicationContext context, List<CommandLineMode> modes) {
        this.context = context;
        this.modes = modes;
        // A mode missing from the list would start as a server on the usual port: fail at once instead.
        List<String> unlisted = modes.stream().map(CommandLineMode::name)
                .filter(name -> !CommandLineModes.ALL.contains(name)).toList();
        if (!unlisted.isEmpty()) {
            throw new IllegalStateException("command-line modes missing from CommandLineModes.ALL: " + unlisted);
        }
    }

    /** The modes the arguments ask for: none, one, or (a mistake) several. */
    List<CommandLineMode> requested(ApplicationArguments args) {
        return modes.stream().filter(mode -> args.containsOption(mode.name())).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        List<CommandLineMode> requested = requested(args);
        if (requested.isEmpty()) {
            return;
        }
        int code = run(requested, args);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private static int run(List<CommandLineMode> requested, ApplicationArguments args) {
        if (requested.size() > 1) {
            System.err.println("error: one mode at a time; these were asked for:");
            requested.forEach(mode -> System.err.println("  " + mode.description()));
            return 1;
        }
        CommandLineMode mode = requested.getFirst();
        log.info("Command-line mode --{}: {}", mode.name(), mode.description());
        try {
            return mode.run(args, CommandLineModes.out(), System.err);
        } catch (RuntimeException | Error e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } finally {
            CommandLineModes.out().flush();
        }
    }
}
