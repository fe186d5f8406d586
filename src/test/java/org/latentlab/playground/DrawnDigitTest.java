package org.latentlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;

class DrawnDigitTest {

    private static byte[] canvas(int side, int left, int top, int width, int height) {
        byte[] grey = new byte[side * side];
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                grey[y * side + x] = (byte) 255;
            }
        }
        return grey;
    }

    @Test
    void aDigitDrawnInACornerIsScaledToTwentyPixelsAndCentredByItsMassLikeMnist() {
        // A tall bar (10 x 40) in the top-left corner of a 112 x 112 drawing.
        float[] digit = DrawnDigit.toMnist(canvas(112, 4, 6, 10, 40), 112);
        assertThat(digit).hasSize(784);
        int top = 28;
        int bottom = -1;
        int left = 28;
        int right = -1;
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float value = digit[y * 28 + x];
                assertThat(value).isBetween(0f, 1f);
                if (value > 0.05f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
                mass += value;
                sumX += value * (x + 0.5);
                sumY += value * (y + 0.5);
            }
        }
        assertThat(bottom - top + 1).isEqualTo(DrawnDigit.BOX);
        assertThat(right - left + 1).isEqualTo(5);
        assertThat(sumX / mass).isCloseTo(14.0, within(0.6));
        assertThat(sumY / mass).isCloseTo(14.0, within(0.6));
    }

    @Test
    void anEmptyDrawingIsRefusedWithAMessage() {
        assertThatThrownBy(() -> DrawnDigit.toMnist(new byte[112 * 112], 112))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("playground.draw.empty"));
    }

    @Test
    void aHugeMissizedOrMissingDrawingIsRefusedWithAMessage() {
        for (Runnable bad : new Runnable[] {
            () -> DrawnDigit.toMnist(new byte[2000 * 2000], 2000),
            () -> DrawnDigit.toMnist(new byte[100], 112),
            () -> DrawnDigit.toMnist(new byte[10 * 10], 10),
            () -> DrawnDigit.toMnist(null, 112)}) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("playground.draw.invalid"));
        }
    }
}
