package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineModesTest {

    @Test
    void onlyTheRealOperationsAreModesOfTheJarAndNoBenchmark() {
        assertThat(CommandLineModes.requested("--import-quiz=quiz.json", "--format=gift")).isTrue();
        assertThat(CommandLineModes.requested("--copy-database-to=jdbc:postgresql://localhost/latentlab")).isTrue();
        assertThat(CommandLineModes.requested("--latentlab.data-dir=data", "--server.port=8080")).isFalse();
        // The benchmarks live in test scope (src/test/java/org/latentlab/bench), run by the bench/ scripts.
        assertThat(CommandLineModes.requested("--decode-benchmark")).isFalse();
        assertThat(CommandLineModes.ALL).noneMatch(mode -> mode.contains("benchmark"));
    }
}
