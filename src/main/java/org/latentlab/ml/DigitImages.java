package org.latentlab.ml;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Small greyscale images as 0..1 floats row by row (28x28 digits, 14x14 low-resolution inputs): the corruptions
 * the lessons show one image at a time, and PNG encoding for pages (white digit on black, as MNIST stores them).
 */
public final class DigitImages {

    private DigitImages() {
    }

    /** The image plus Gaussian noise of the given standard deviation, clipped to 0..1; same seed, same noise. */
    public static float[] noisy(float[] image, double level, long seed) {
        Random random = new Random(seed);
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = (float) Math.clamp(image[i] + random.nextGaussian() * level, 0.0, 1.0);
        }
        return out;
    }

    /** 2x2 averages: 28x28 becomes 14x14, as {@link Corruption#DOWNSAMPLE_2X} does for a batch. */
    public static float[] downsampled(float[] image) {
        int side = side(image);
        int half = side / 2;
        float[] out = new float[half * half];
        for (int y = 0; y < half; y++) {
            for (int x = 0; x < half; x++) {
                int at = 2 * y * side + 2 * x;
                out[y * half + x] = (image[at] + image[at + 1] + image[at + side] + image[at + side + 1]) / 4f;
            }
        }
        return out;
    }

    /** Bicubic 2x enlargement (14x14 to 28x28): the classic method the super-resolution model is compared with. */
    public static float[] upscaledBicubic(float[] small) {
        int side = side(small);
        BufferedImage source = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int grey = Math.round(Math.clamp(small[y * side + x], 0f, 1f) * 255f);
                source.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        BufferedImage target = new BufferedImage(2 * side, 2 * side, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = target.createGraphics();
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.drawImage(source, 0, 0, 2 * side, 2 * side, null);
        graphics.dispose();
        float[] out = new float[4 * side * side];
        for (int y = 0; y < 2 * side; y++) {
            for (int x = 0; x < 2 * side; x++) {
                out[y * 2 * side + x] = (target.getRGB(x, y) & 0xFF) / 255f;
            }
        }
        return out;
    }

    /** Mean squared difference of two images of the same size. */
    public static double meanSquaredError(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }

    public static BufferedImage toImage(float[] pixels) {
        int side = side(pixels);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int grey = Math.round(Math.clamp(pixels[y * side + x], 0f, 1f) * 255f);
                image.getRaster().setSample(x, y, 0, grey);
            }
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data: URL of the image as PNG (a 28x28 digit is a few hundred bytes; pages scale it up, pixelated). */
    public static String dataUrl(float[] pixels) {
        return dataUrl(toImage(pixels));
    }

    public static String dataUrl(BufferedImage image) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image));
    }

    private static int side(float[] pixels) {
        int side = (int) Math.round(Math.sqrt(pixels.length));
        if (side * side != pixels.length) {
            throw new IllegalArgumentException("not a square image: " + pixels.length + " pixels");
        }
        return side;
    }
}
