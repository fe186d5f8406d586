package org.latentlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchAppTest {

    @TempDir
    Path parent;

    @Test
    void aBenchmarkRunsOnlyInANewEmptyDataFolderOnTheEmbeddedDatabase() throws IOException {
        Path school = parent.resolve("school");
        Files.createDirectories(school.resolve("db"));
        Files.writeString(school.resolve("db").resolve("latentlab.mv.db"), "a school's data");
        assertThat(BenchApp.refused(List.of("--latentlab.data-dir=" + school), Map.of())).contains("not empty");
        // The default folder comes from the environment as the app would take it.
        assertThat(BenchApp.refused(List.of(), Map.of("LATENTLAB_DATA_DIR", school.toString())))
                .contains("not empty");
        assertThat(BenchApp.refused(List.of("--latentlab.data-dir=" + parent.resolve("new"),
                "--spring.profiles.active=postgres"), Map.of())).contains("PostgreSQL");

        assertThat(BenchApp.refused(List.of("--latentlab.data-dir=" + parent.resolve("new")), Map.of())).isNull();
        Files.createDirectories(parent.resolve("empty"));
        assertThat(BenchApp.refused(List.of("--latentlab.data-dir=" + parent.resolve("empty")), Map.of())).isNull();
    }

    @Test
    void aBenchmarksOwnOptionsDoNotReachTheApp() {
        assertThat(BenchArguments.appArgumentsBesides(new String[] {"--users=2", "--epochs=1", "--",
                "--latentlab.data-dir=x", "--logging.level.root=WARN"}, java.util.Set.of("users", "epochs")))
                .containsExactly("--latentlab.data-dir=x", "--logging.level.root=WARN");
    }
}
