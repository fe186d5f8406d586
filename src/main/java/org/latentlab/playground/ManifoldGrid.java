package org.latentlab.playground;

import java.awt.image.BufferedImage;

import org.latentlab.ml.DigitImages;
import org.latentlab.ml.ImageSet;

/**
 * Digits decoded on an n x n lattice over a rectangle of the map, row by row from the top (largest y).
 *
 * @param adjusted whether the size or the range was clamped
 */
public record ManifoldGrid(int size, double xFrom, double xTo, double yFrom, double yTo, float[][] images,
        boolean adjusted) {

    /** One picture: the digits side by side, 28 pixels each, white on black. */
    public BufferedImage toImage() {
        int side = ImageSet.SIDE;
        BufferedImage sheet = new BufferedImage(size * side, size * side, BufferedImage.TYPE_BYTE_GRAY);
        for (int cell = 0; cell < images.length; cell++) {
            int left = cell % size * side;
            int top = cell / size * side;
            float[] pixels = images[cell];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int grey = Math.round(Math.clamp(pixels[y * side + x], 0f, 1f) * 255f);
                    sheet.getRaster().setSample(left + x, top + y, 0, grey);
                }
            }
        }
        return sheet;
    }

    public byte[] png() {
        return DigitImages.png(toImage());
    }
}
