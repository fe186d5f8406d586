package org.latentlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LatentPlaneTest {

    @Test
    void aTwoDimensionalSpaceIsItsOwnMap() {
        LatentPlane plane = LatentPlane.of(new float[][] {{1, 2}, {3, 4}});
        assertThat(plane.projected()).isFalse();
        assertThat(plane.code(0.5, -1.5)).containsExactly(0.5f, -1.5f);
        assertThat(plane.project(new float[] {2, 3})).containsExactly(2.0, 3.0);
    }

    @Test
    void aLargerSpaceIsShownAlongItsTwoMainDirectionsThroughTheMeanCode() {
        // Codes spread mostly along (1, 1, 0, 0) and less along (0, 0, 1, 0), around the mean (5, 5, 5, 5).
        Random random = new Random(1);
        float[][] codes = new float[4000][];
        for (int i = 0; i < codes.length; i++) {
            double main = random.nextGaussian() * 3;
            double second = random.nextGaussian() * 1.5;
            double noise = random.nextGaussian() * 0.1;
            codes[i] = new float[] {(float) (5 + main / Math.sqrt(2)), (float) (5 + main / Math.sqrt(2)),
                    (float) (5 + second), (float) (5 + noise)};
        }
        LatentPlane plane = LatentPlane.of(codes);
        assertThat(plane.projected()).isTrue();
        assertThat(plane.origin()).usingComparatorWithPrecision(0.15f).containsExactly(5f, 5f, 5f, 5f);
        assertThat(Math.abs(plane.first()[0])).isCloseTo((float) (1 / Math.sqrt(2)), within(0.02f));
        assertThat(Math.abs(plane.first()[1])).isCloseTo((float) (1 / Math.sqrt(2)), within(0.02f));
        assertThat(Math.abs(plane.second()[2])).isCloseTo(1f, within(0.02f));
        double dot = 0;
        for (int d = 0; d < 4; d++) {
            dot += plane.first()[d] * plane.second()[d];
        }
        assertThat(dot).isCloseTo(0, within(1e-5));
        assertThat(plane.explained()).isGreaterThan(0.99);
        // A point of the map decodes from a code that projects back onto the same point.
        double[] back = plane.project(plane.code(1.25, -0.5));
        assertThat(back[0]).isCloseTo(1.25, within(1e-5));
        assertThat(back[1]).isCloseTo(-0.5, within(1e-5));
    }
}
