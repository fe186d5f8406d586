package org.latentlab.ml;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import ai.djl.Model;

/**
 * Files that must be whole whenever the server dies: written under another name, forced to disk, then renamed over
 * the old one (a rename is atomic), and the folder forced too. Whatever moment a crash hits, a checkpoint file is the
 * old one or the new one, never half of each.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Writes {@code content} to {@code target} durably. */
    public static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        replace(partial, target);
    }

    /** Saves a model's parameters for {@code epoch} into {@code folder} durably (DJL writes them in a side folder). */
    static void saveParameters(Model model, Path folder, String name, int epoch) throws IOException {
        Files.createDirectories(folder);
        Path staging = Files.createTempDirectory(folder, ".saving-");
        try {
            model.setProperty("Epoch", Integer.toString(epoch));
            model.save(staging, name);
            String file = Checkpoints.parametersFile(epoch);
            try (FileChannel channel = FileChannel.open(staging.resolve(file), StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            replace(staging.resolve(file), folder.resolve(file));
        } finally {
            try (Stream<Path> left = Files.walk(staging)) {
                for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void replace(Path written, Path target) throws IOException {
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // The rename itself is durable only once the folder's entry is on disk.
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot open a folder for forcing; the rename is still atomic there.
        }
    }
}
