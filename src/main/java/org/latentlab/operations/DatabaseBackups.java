package org.latentlab.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.latentlab.base.Database;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.LatentLabProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Consistent online backups of the embedded H2 database for admins: H2's {@code BACKUP TO} writes a zip of the
 * database as one transaction sees it, while students keep working. The zips go to {@code <data-dir>/backups};
 * restoring one is unzipping it into {@code <data-dir>/db} while the app is stopped (docs/operations.md). On
 * PostgreSQL the server's own {@code pg_dump} does this job, so this service refuses and says so.
 */
@Service
public class DatabaseBackups {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("latentlab-\\d{8}-\\d{6}\\.zip");

    /** One backup file. */
    public record Backup(String name, long bytes, Instant takenAt, Path file) {
    }

    private final JdbcClient jdbc;
    private final Database database;
    private final Path folder;
    private final Clock clock;

    DatabaseBackups(JdbcClient jdbc, Database database, LatentLabProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.folder = settings.dataDir().toAbsolutePath().resolve("backups");
        this.clock = clock;
    }

    /** Whether this server can take backups itself (embedded H2); on PostgreSQL use pg_dump. */
    public boolean supported() {
        return database.vendor() == Database.Vendor.H2;
    }

    /** Takes a backup now and returns it. */
    @PreAuthorize("hasRole('ADMIN')")
    public synchronized Backup backUp() {
        if (!supported()) {
            throw new InvalidInputException("backup", "admin.backup.postgres");
        }
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("latentlab-" + STAMP.format(clock.instant()) + ".zip");
            Path partial = folder.resolve(file.getFileName() + ".part");
            Files.deleteIfExists(partial);
            jdbc.sql("backup to '" + partial.toString().replace("'", "''") + "'").update();
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            log.info("Database backed up to {} ({} bytes)", file, Files.size(file));
            return describe(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a backup into " + folder, e);
        }
    }

    /** The backups in the backup folder, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Backup> backups() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).map(this::describe)
                    .sorted(Comparator.comparing(Backup::name).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A backup by name, for download; only names this service writes are accepted. */
    @PreAuthorize("hasRole('ADMIN')")
    public Backup backup(String name) {
        if (name == null || !NAME.matcher(name).matches() || !Files.isRegularFile(folder.resolve(name))) {
            throw new InvalidInputException("backup", "admin.backup.notFound");
        }
        return describe(folder.resolve(name));
    }

    private Backup describe(Path file) {
        try {
            return new Backup(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
