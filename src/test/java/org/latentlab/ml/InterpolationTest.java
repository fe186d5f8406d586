package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InterpolationTest {

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    @Test
    void aStraightLineHalfwayIsTheAverage() {
        float[] mid = Interpolation.LINEAR.between(new float[] {0, 2}, new float[] {4, 6}, new float[2], 0.5);
        assertThat(mid).containsExactly(2f, 4f);
    }

    @Test
    void theSphericalPathStartsAndEndsAtTheCodesAndKeepsItsDistanceFromTheCentre() {
        float[] a = {3, 0};
        float[] b = {0, 3};
        float[] centre = {0, 0};
        assertThat(Interpolation.SPHERICAL.between(a, b, centre, 0)).usingComparatorWithPrecision(1e-5f)
                .containsExactly(3f, 0f);
        assertThat(Interpolation.SPHERICAL.between(a, b, centre, 1)).usingComparatorWithPrecision(1e-5f)
                .containsExactly(0f, 3f);
        float[] mid = Interpolation.SPHERICAL.between(a, b, centre, 0.5);
        // On the arc, not on the chord: the chord's middle (1.5, 1.5) is only 2.12 from the centre.
        assertThat(norm(mid)).isCloseTo(3.0, within(1e-5));
        assertThat(mid[0]).isCloseTo(mid[1], within(1e-5f));
    }

    @Test
    void theSphericalPathTurnsAroundTheGivenCentreAndInterpolatesTheRadius() {
        float[] centre = {10, 10};
        float[] mid = Interpolation.SPHERICAL.between(new float[] {11, 10}, new float[] {10, 13}, centre, 0.5);
        assertThat(Math.hypot(mid[0] - 10, mid[1] - 10)).isCloseTo(2.0, within(1e-5));
    }

    @Test
    void codesInTheSameOrOppositeDirectionFallBackToTheStraightLine() {
        float[] centre = {0, 0};
        assertThat(Interpolation.SPHERICAL.between(new float[] {1, 1}, new float[] {2, 2}, centre, 0.5))
                .containsExactly(1.5f, 1.5f);
        assertThat(Interpolation.SPHERICAL.between(new float[] {1, 0}, new float[] {-1, 0}, centre, 0.5))
                .containsExactly(0f, 0f);
        assertThat(Interpolation.SPHERICAL.between(new float[] {0, 0}, new float[] {2, 0}, centre, 0.25))
                .containsExactly(0.5f, 0f);
    }
}
