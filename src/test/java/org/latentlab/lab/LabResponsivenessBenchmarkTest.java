package org.latentlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The benchmark works end to end in a tiny setting; how fast is for bench/lab-responsiveness to say. Each test
 * starts on a new server's empty database ({@link ApplicationTest}), as the benchmark requires: it refuses a
 * school's data.
 */
@ApplicationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabResponsivenessBenchmarkTest {

    @Autowired
    ApplicationContext context;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theResponsivenessBenchmarkBrowsesWhileItTrainsAndPrintsLatencyAndSlowdown() throws Exception {
        LabResponsivenessBenchmark.Setup setup = new LabResponsivenessBenchmark.Setup(2,
                Experiment.CONV_AE.defaults().withEpochs(1).withTrainLimit(256).validate(), Duration.ofSeconds(600));
        int exit = LabResponsivenessBenchmark.of(context).run(setup, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).containsPattern("(?m)^pages=[1-9]\\d* p50_ms=[\\d.]+ p95_ms=[\\d.]+ max_ms=[\\d.]+ "
                + "errors=0$");
        assertThat(printed).containsPattern("(?m)^training_alone_s=[\\d.]+$")
                .containsPattern("(?m)^training_under_load_s=[\\d.]+$")
                .containsPattern("(?m)^training_slowdown=[\\d.]+$");
        assertThat(printed.strip().lines().toList().getLast()).matches("p95_ms=[\\d.]+ slowdown=[\\d.]+");
    }
}
