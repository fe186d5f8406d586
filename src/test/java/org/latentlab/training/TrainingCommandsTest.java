package org.latentlab.training;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The benchmark mode works end to end in a tiny setting; how fast is for bench/lab-responsiveness to say. Each test
 * starts on a new server's empty database ({@link ApplicationTest}), as the benchmark mode requires: it refuses a
 * school's data.
 */
@ApplicationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainingCommandsTest {

    @Autowired
    TrainingCommands commands;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return commands.labResponsiveness(new DefaultApplicationArguments(args), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theResponsivenessBenchmarkBrowsesWhileItTrainsAndPrintsLatencyAndSlowdown() {
        int exit = run("--lab-responsiveness-benchmark", "--users=2", "--epochs=1", "--digits=256");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).containsPattern("(?m)^pages=[1-9]\\d* p50_ms=[\\d.]+ p95_ms=[\\d.]+ max_ms=[\\d.]+ "
                + "errors=0$");
        assertThat(printed).containsPattern("(?m)^training_alone_s=[\\d.]+$")
                .containsPattern("(?m)^training_under_load_s=[\\d.]+$")
                .containsPattern("(?m)^training_slowdown=[\\d.]+$");
        assertThat(printed.strip().lines().toList().getLast()).matches("p95_ms=[\\d.]+ slowdown=[\\d.]+");
    }

    @Test
    void badArgumentsExitWithAClearMessage() {
        assertThat(run("--lab-responsiveness-benchmark", "--users=many")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: use --lab-responsiveness-benchmark");
        assertThat(run("--lab-responsiveness-benchmark", "--epochs=0")).isEqualTo(1);
        assertThat(out.size()).isZero();
    }
}
