package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class LossesAndDataTest {

    @Test
    void vaeLossPartsMatchAHandComputedExample() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // One "image" of two pixels, target (1, 0), reconstruction (0.8, 0.4).
            NDArray target = manager.create(new float[] {1f, 0f}, new Shape(1, 2));
            NDArray reconstruction = manager.create(new float[] {0.8f, 0.4f}, new Shape(1, 2));
            // Latent mean (1, 0), log-variance (0, ln 2).
            NDArray mean = manager.create(new float[] {1f, 0f}, new Shape(1, 2));
            NDArray logVariance = manager.create(new float[] {0f, (float) Math.log(2)}, new Shape(1, 2));
            Losses.VaeLoss loss = Losses.vae(reconstruction, target, mean, logVariance);
            double bce = -Math.log(0.8) - Math.log(0.6);
            // KL = -1/2 * [(1 + 0 - 1 - 1) + (1 + ln2 - 0 - 2)] = 1 - ln(2)/2
            double kl = 1 - Math.log(2) / 2;
            assertThat(loss.reconstruction().getFloat()).isCloseTo((float) bce, offset(1e-5f));
            assertThat(loss.kl().getFloat()).isCloseTo((float) kl, offset(1e-5f));
            assertThat(loss.total().getFloat()).isCloseTo((float) (bce + kl), offset(1e-5f));
        }
    }

    @Test
    void upsamplingRepeatsEachPixelTwiceInBothDirections() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray image = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            NDArray up = Networks.upsample().forward(new ai.djl.training.ParameterStore(manager, false),
                    new ai.djl.ndarray.NDList(image), false).singletonOrThrow();
            assertThat(up.getShape()).isEqualTo(new Shape(1, 1, 4, 4));
            assertThat(up.toFloatArray()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
        }
    }

    @Test
    void downsamplingAveragesTwoByTwoBlocks() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray image = manager.create(new float[] {1, 3, 5, 7, 1, 3, 5, 7, 0, 0, 2, 2, 0, 0, 2, 2},
                    new Shape(1, 1, 4, 4));
            assertThat(Corruption.DOWNSAMPLE_2X.apply(image, 0).toFloatArray()).containsExactly(2, 6, 0, 2);
        }
    }

    @Test
    void noiseStaysWithinPixelRange() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray image = manager.ones(new Shape(2, 1, 28, 28)).mul(0.5f);
            float[] noisy = Corruption.GAUSSIAN_NOISE.apply(image, 0.5).toFloatArray();
            assertThat(box(noisy)).allSatisfy(v -> assertThat(v).isBetween(0f, 1f));
            assertThat(new HashSet<>(Arrays.asList(box(noisy))).size()).isGreaterThan(100);
        }
    }

    @Test
    void theDigitsAreTenThousandRealImagesSplitTheSameWayEveryTime() {
        ImageSet digits = ImageSet.load(DatasetName.MNIST);
        assertThat(digits.size()).isEqualTo(10_000);
        DataSplit split = DataSplit.of(digits);
        assertThat(split.train()).hasSize(8_000);
        assertThat(split.validation()).hasSize(1_000);
        assertThat(split.test()).hasSize(1_000);
        assertThat(DataSplit.of(digits).test()).containsExactly(split.test());
        Set<Integer> all = new HashSet<>();
        for (int[] part : new int[][] {split.train(), split.validation(), split.test()}) {
            for (int i : part) {
                all.add(i);
            }
        }
        assertThat(all).hasSize(10_000);
        Set<Integer> labels = new HashSet<>();
        for (int i : split.test()) {
            labels.add(digits.label(i));
        }
        assertThat(labels).hasSize(10);
        float[] image = digits.image(split.test()[0]);
        assertThat(image).hasSize(784);
        float ink = 0;
        for (float v : image) {
            ink += v;
        }
        assertThat(ink).as("a digit has ink").isGreaterThan(20f);
    }

    @Test
    void fashionMnistLoadsToo() {
        ImageSet clothes = ImageSet.load(DatasetName.FASHION_MNIST);
        assertThat(clothes.size()).isEqualTo(10_000);
        assertThat(clothes.image(1)).hasSize(784);
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
