package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

@ApplicationTest
class CommandLineModeDispatcherTest {

    @Autowired
    CommandLineModeDispatcher dispatcher;

    @Autowired
    List<CommandLineMode> modes;

    @Autowired
    ApplicationContext context;

    @Test
    void everyModeTheStartUpKnowsIsABeanOfItsFeature() {
        assertThat(modes).extracting(CommandLineMode::name)
                .containsExactlyInAnyOrderElementsOf(CommandLineModes.ALL);
        assertThat(modes).allSatisfy(mode -> assertThat(mode.description()).startsWith("--" + mode.name())
                .doesNotContain("\n"));
    }

    @Test
    void theArgumentsChooseAModeByItsOptionAndOtherArgumentsNone() {
        assertThat(dispatcher.requested(new DefaultApplicationArguments("--import-quiz=quiz.json", "--format=gift",
                "--latentlab.data-dir=data"))).extracting(CommandLineMode::name).containsExactly("import-quiz");
        assertThat(dispatcher.requested(new DefaultApplicationArguments("--server.port=8080",
                "--latentlab.data-dir=data"))).isEmpty();
    }

    @Test
    void aModeMissingFromTheStartUpsListStopsTheApplicationFromStarting() {
        CommandLineMode unlisted = new CommandLineMode() {

            @Override
            public String name() {
                return "unlisted-mode";
            }

            @Override
            public String description() {
                return "--unlisted-mode: does nothing";
            }

            @Override
            public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
                return 0;
            }
        };
        assertThatThrownBy(() -> new CommandLineModeDispatcher(context, List.of(unlisted)))
                .hasMessageContaining("unlisted-mode");
    }
}
