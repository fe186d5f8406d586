package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path folder;

    @Test
    void aFileIsReplacedWholeAndNothingHalfWrittenIsLeftBeside() throws IOException {
        Path metadata = folder.resolve("run").resolve(Checkpoints.METADATA);
        DurableFiles.write(metadata, "{\"epochs\":1}".getBytes(StandardCharsets.UTF_8));
        DurableFiles.write(metadata, "{\"epochs\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(metadata)).isEqualTo("{\"epochs\":2}");
        try (Stream<Path> files = Files.list(metadata.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(Checkpoints.METADATA);
        }
    }
}
