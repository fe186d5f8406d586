package org.latentlab.ml;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A labelled set of 28x28 greyscale images held in memory as bytes (10,000 images take 7.8 MB). Loaded once per
 * data set and shared; it is never modified.
 */
public final class ImageSet {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    private static final Map<DatasetName, ImageSet> LOADED = new EnumMap<>(DatasetName.class);

    private final DatasetName name;
    private final byte[] labels;
    private final byte[] pixels;

    private ImageSet(DatasetName name, byte[] labels, byte[] pixels) {
        this.name = name;
        this.labels = labels;
        this.pixels = pixels;
    }

    public static synchronized ImageSet load(DatasetName name) {
        return LOADED.computeIfAbsent(name, ImageSet::read);
    }

    private static ImageSet read(DatasetName name) {
        try (InputStream raw = ImageSet.class.getClassLoader().getResourceAsStream(name.resource())) {
            if (raw == null) {
                throw new IllegalStateException("Data set " + name.resource() + " is missing from the class path");
            }
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
            byte[] magic = in.readNBytes(4);
            if (!"LLDS".equals(new String(magic, StandardCharsets.US_ASCII)) || in.readUnsignedByte() != 1) {
                throw new IllegalStateException(name.resource() + " is not a Latent Lab data set (version 1)");
            }
            int count = in.readInt();
            int rows = in.readUnsignedShort();
            int cols = in.readUnsignedShort();
            in.readUnsignedByte(); // number of classes, always 10 here
            if (rows != SIDE || cols != SIDE) {
                throw new IllegalStateException(name.resource() + " has " + rows + "x" + cols + " images, not 28x28");
            }
            byte[] labels = in.readNBytes(count);
            byte[] pixels = in.readNBytes(count * PIXELS);
            if (pixels.length != count * PIXELS) {
                throw new IllegalStateException(name.resource() + " is truncated");
            }
            return new ImageSet(name, labels, pixels);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read data set " + name.resource(), e);
        }
    }

    public DatasetName name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Pixels of one image as 0..1 floats, row by row. */
    public float[] image(int index) {
        float[] image = new float[PIXELS];
        copyImage(index, image, 0);
        return image;
    }

    /** Writes one image's 0..1 pixels into {@code target} at {@code offset}; the training loop's batch builder. */
    void copyImage(int index, float[] target, int offset) {
        int start = index * PIXELS;
        for (int p = 0; p < PIXELS; p++) {
            target[offset + p] = (pixels[start + p] & 0xFF) / 255f;
        }
    }
}
