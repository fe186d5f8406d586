package org.latentlab.playground;

/**
 * A decoded image (784 values 0..1) and the code it came from.
 *
 * @param clamped whether the requested code was outside the allowed range and moved to its edge
 */
public record Decoded(float[] pixels, float[] code, boolean clamped) {

    /** The pixels as grey bytes 0..255, row by row: what the browser paints. */
    public byte[] greyBytes() {
        byte[] grey = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            grey[i] = (byte) Math.round(Math.clamp(pixels[i], 0f, 1f) * 255f);
        }
        return grey;
    }
}
