package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianQuantilesTest {

    @Test
    void knownQuantilesOfTheStandardNormal() {
        assertThat(GaussianQuantiles.inverseCdf(0.5)).isCloseTo(0, within(1e-9));
        assertThat(GaussianQuantiles.inverseCdf(0.975)).isCloseTo(1.959963985, within(1e-6));
        assertThat(GaussianQuantiles.inverseCdf(0.025)).isCloseTo(-1.959963985, within(1e-6));
        assertThat(GaussianQuantiles.inverseCdf(0.8413447461)).isCloseTo(1, within(1e-6));
        assertThat(GaussianQuantiles.inverseCdf(0.001)).isCloseTo(-3.090232306, within(1e-5));
        assertThat(GaussianQuantiles.inverseCdf(1e-9)).isCloseTo(-5.997807015, within(1e-4));
        assertThat(GaussianQuantiles.inverseCdf(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(GaussianQuantiles.inverseCdf(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void cdfAndInverseUndoEachOther() {
        for (double p = 0.0005; p < 1; p += 0.0005) {
            assertThat(GaussianQuantiles.cdf(GaussianQuantiles.inverseCdf(p))).isCloseTo(p, within(1e-7));
        }
        assertThat(GaussianQuantiles.cdf(0)).isCloseTo(0.5, within(1e-9));
        assertThat(GaussianQuantiles.cdf(1.959963985)).isCloseTo(0.975, within(1e-7));
    }

    @Test
    void theInverseIsSymmetricAndIncreasing() {
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < 1000; i++) {
            double p = i / 1000.0;
            double x = GaussianQuantiles.inverseCdf(p);
            assertThat(x).isGreaterThan(previous);
            assertThat(GaussianQuantiles.inverseCdf(1 - p)).isCloseTo(-x, within(1e-7));
            previous = x;
        }
    }

    @Test
    void aGridHasEqualShareSlicesAndStaysWellInsideThreeSigma() {
        double[] grid = GaussianQuantiles.grid(15);
        assertThat(grid).hasSize(15);
        assertThat(grid[7]).isCloseTo(0, within(1e-9));
        assertThat(grid[0]).isCloseTo(-grid[14], within(1e-9)).isCloseTo(-1.8339146, within(1e-5));
        for (int i = 0; i < grid.length; i++) {
            assertThat(GaussianQuantiles.cdf(grid[i])).isCloseTo((i + 0.5) / 15, within(1e-7));
        }
        assertThatThrownBy(() -> GaussianQuantiles.grid(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GaussianQuantiles.inverseCdf(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
