package org.latentlab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.latentlab.base.LatentLabProperties;
import org.latentlab.ml.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where runs keep their checkpoints: a folder per run under the checkpoint root ({@code
 * latentlab.training.checkpoint-root}, by default {@code <data-dir>/runs}). On several nodes the root is a shared
 * folder mounted at the same place on each (see docs/deploy.md); the database stores each run's folder relative to
 * it, so any node finds any run's model. Runs of older versions stored absolute paths, which still resolve.
 */
@Component
class RunFolders {

    private static final Logger log = LoggerFactory.getLogger(RunFolders.class);
    private static final Pattern PARAMETERS = Pattern.compile(Checkpoints.NAME + "-(\\d{4})\\.params");

    private final Path root;

    RunFolders(TrainingProperties properties, LatentLabProperties settings) {
        this.root = properties.checkpointRoot() != null ? properties.checkpointRoot().toAbsolutePath()
                : settings.dataDir().toAbsolutePath().resolve("runs");
    }

    /** What the database stores for a new run's folder. */
    String storedName(UUID runId) {
        return runId.toString();
    }

    /** The folder of a run, from what the database stores. */
    Path folder(String stored) {
        return root.resolve(stored);
    }

    /** The folder of a stored run. */
    Path folder(RunRecords.Row row) {
        return folder(row.checkpointDir());
    }

    /** Removes a run's folder with everything in it (a fresh start, or the run's rows are deleted). */
    void delete(RunRecords.Row row) {
        delete(folder(row));
    }

    /** Keeps only the parameters of {@code keepEpoch}: older epochs are no longer needed to resume. */
    void pruneParameters(Path folder, int keepEpoch) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher name = PARAMETERS.matcher(file.getFileName().toString());
                if (name.matches() && Integer.parseInt(name.group(1)) != keepEpoch) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove old checkpoints in {}: {}", folder, e.toString());
        }
    }

    /** Whether the parameters of this epoch are there to go on from. */
    boolean hasEpoch(Path folder, int epoch) {
        return epoch > 0 && Files.isRegularFile(folder.resolve(Checkpoints.parametersFile(epoch)));
    }

    static long size(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void delete(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + folder, e);
        }
    }
}
