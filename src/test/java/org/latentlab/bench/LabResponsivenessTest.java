package org.latentlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LabResponsivenessTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void badOptionsExitWithAClearMessage() {
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(LabResponsiveness.setup(new String[] {"--users=many"}, errors)).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: use bench/lab-responsiveness/run.sh");
        assertThat(LabResponsiveness.setup(new String[] {"--epochs=0"}, errors)).isNull();
        assertThat(LabResponsiveness.setup(new String[] {"--users=2", "--epochs=1", "--digits=256",
                "--latentlab.data-dir=x"}, errors)).isNotNull();
    }
}
