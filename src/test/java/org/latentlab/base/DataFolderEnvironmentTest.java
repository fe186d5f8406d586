package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderEnvironmentTest {

    @TempDir
    Path parent;

    @Test
    void theDataFolderAndItsDatabaseAreReadableByTheAppsOwnUserOnly() throws IOException {
        Path data = parent.resolve("data");
        DataFolderEnvironment.ownerOnly(data);
        DataFolderEnvironment.ownerOnly(data.resolve("db"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("db"))))
                .isEqualTo("rwx------");
    }
}
