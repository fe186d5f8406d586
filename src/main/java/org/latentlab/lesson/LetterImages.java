package org.latentlab.lesson;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Capital letters drawn the way MNIST digits are prepared: a bright stroke on black, scaled to fit a 20 × 20 box and
 * centred by its centre of mass in a 28 × 28 image. Fed to the digit models, they show what a model does with input
 * unlike anything it was trained on.
 */
public final class LetterImages {

    /** The letters the lesson shows: four unlike any digit, and O and S, which look like a 0 and a 5. */
    public static final List<Character> LETTERS = List.of('A', 'K', 'M', 'X', 'O', 'S');

    private static final int SIDE = 28;
    private static final int BOX = 20;
    private static final int DRAW = 112;

    private LetterImages() {
    }

    /** The letter as 784 pixel values between 0 and 1, row by row. */
    public static float[] letter(char letter) {
        BufferedImage big = new BufferedImage(DRAW, DRAW, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, DRAW, DRAW);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 80);
        GlyphVector glyph = font.createGlyphVector(g.getFontRenderContext(), String.valueOf(letter));
        Rectangle2D bounds = glyph.getVisualBounds();
        double scale = (DRAW * BOX / (double) SIDE) / Math.max(bounds.getWidth(), bounds.getHeight());
        AffineTransform place = new AffineTransform();
        place.translate(DRAW / 2.0, DRAW / 2.0);
        place.scale(scale, scale);
        place.translate(-bounds.getCenterX(), -bounds.getCenterY());
        g.setColor(Color.WHITE);
        g.fill(place.createTransformedShape(glyph.getOutline()));
        g.dispose();
        // Down to 28 × 28 by averaging 4 × 4 blocks (what an anti-aliased scan of the same letter would give).
        int factor = DRAW / SIDE;
        float[] small = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        sum += big.getRaster().getSample(x * factor + dx, y * factor + dy, 0);
                    }
                }
                small[y * SIDE + x] = sum / (255f * factor * factor);
            }
        }
        return centred(small);
    }

    /** Shifts the image so that its centre of mass is at the middle, as MNIST does. */
    private static float[] centred(float[] image) {
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            cx += image[i] * (i % SIDE);
            cy += image[i] * (i / SIDE);
        }
        if (mass == 0) {
            return image;
        }
        int shiftX = (int) Math.round((SIDE - 1) / 2.0 - cx / mass);
        int shiftY = (int) Math.round((SIDE - 1) / 2.0 - cy / mass);
        float[] out = new float[image.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int fromX = x - shiftX;
                int fromY = y - shiftY;
                if (fromX >= 0 && fromX < SIDE && fromY >= 0 && fromY < SIDE) {
                    out[y * SIDE + x] = image[fromY * SIDE + fromX];
                }
            }
        }
        return out;
    }
}
