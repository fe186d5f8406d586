package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineModesTest {

    @TempDir
    Path parent;

    @Test
    void aBenchmarkRunsOnlyInANewEmptyDataFolderOnTheEmbeddedDatabase() throws IOException {
        Path school = parent.resolve("school");
        Files.createDirectories(school.resolve("db"));
        Files.writeString(school.resolve("db").resolve("latentlab.mv.db"), "a school's data");
        assertThat(CommandLineModes.refusedBenchmark(new String[] {"--lab-responsiveness-benchmark",
                "--latentlab.data-dir=" + school}, Map.of())).contains("not empty");
        // The default folder comes from the environment as the app would take it.
        assertThat(CommandLineModes.refusedBenchmark(new String[] {"--memory-benchmark"},
                Map.of("LATENTLAB_DATA_DIR", school.toString()))).contains("not empty");
        assertThat(CommandLineModes.refusedBenchmark(new String[] {"--train-benchmark=conv-ae",
                "--latentlab.data-dir=" + parent.resolve("new"), "--spring.profiles.active=postgres"}, Map.of()))
                .contains("PostgreSQL");

        assertThat(CommandLineModes.refusedBenchmark(new String[] {"--decode-benchmark",
                "--latentlab.data-dir=" + parent.resolve("new")}, Map.of())).isNull();
        Files.createDirectories(parent.resolve("empty"));
        assertThat(CommandLineModes.refusedBenchmark(new String[] {"--decode-benchmark",
                "--latentlab.data-dir=" + parent.resolve("empty")}, Map.of())).isNull();
        // Other modes (imports, the copy to PostgreSQL) work on a school's data, as they should.
        assertThat(CommandLineModes.refusedBenchmark(new String[] {"--import-lesson=x.md",
                "--latentlab.data-dir=" + school}, Map.of())).isNull();
    }
}
