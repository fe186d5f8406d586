package org.latentlab.playground;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;

import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.ImageSet;

/**
 * Turns a drawing into what the models were trained on, the way MNIST was made: the ink's bounding box is scaled
 * (keeping its proportions, with area averaging) to fit a 20x20 box, which is then placed in the 28x28 image so
 * that the ink's centre of mass sits at the centre.
 */
public final class DrawnDigit {

    /** The largest drawing accepted, in pixels per side; the page sends 112. */
    public static final int MAX_SIDE = 512;
    static final int BOX = 20;
    private static final int INK = 26;
    private static final int MIN_INK_PIXELS = 3;

    private DrawnDigit() {
    }

    /**
     * @param grey a square drawing, row by row, one byte per pixel (0 background, 255 full ink)
     * @param side its width and height
     * @return 784 values 0..1
     */
    public static float[] toMnist(byte[] grey, int side) {
        if (grey == null || side < ImageSet.SIDE || side > MAX_SIDE || grey.length != side * side) {
            throw new InvalidInputException("drawing", "playground.draw.invalid", ImageSet.SIDE, MAX_SIDE);
        }
        int top = side;
        int bottom = -1;
        int left = side;
        int right = -1;
        int inked = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if ((grey[y * side + x] & 0xFF) > INK) {
                    inked++;
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (inked < MIN_INK_PIXELS) {
            throw new InvalidInputException("drawing", "playground.draw.empty");
        }
        int width = right - left + 1;
        int height = bottom - top + 1;
        BufferedImage crop = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                crop.getRaster().setSample(x, y, 0, grey[(top + y) * side + left + x] & 0xFF);
            }
        }
        double scale = (double) BOX / Math.max(width, height);
        int boxWidth = Math.max(1, (int) Math.round(width * scale));
        int boxHeight = Math.max(1, (int) Math.round(height * scale));
        BufferedImage box = new BufferedImage(boxWidth, boxHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = box.createGraphics();
        graphics.drawImage(crop.getScaledInstance(boxWidth, boxHeight, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        graphics.dispose();
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < boxHeight; y++) {
            for (int x = 0; x < boxWidth; x++) {
                int value = box.getRaster().getSample(x, y, 0);
                mass += value;
                sumX += value * (x + 0.5);
                sumY += value * (y + 0.5);
            }
        }
        int side28 = ImageSet.SIDE;
        int offsetX = (int) Math.round(side28 / 2.0 - sumX / mass);
        int offsetY = (int) Math.round(side28 / 2.0 - sumY / mass);
        offsetX = Math.clamp(offsetX, 0, side28 - boxWidth);
        offsetY = Math.clamp(offsetY, 0, side28 - boxHeight);
        float[] digit = new float[side28 * side28];
        for (int y = 0; y < boxHeight; y++) {
            for (int x = 0; x < boxWidth; x++) {
                digit[(offsetY + y) * side28 + offsetX + x] = box.getRaster().getSample(x, y, 0) / 255f;
            }
        }
        return digit;
    }
}
