package org.latentlab.ml;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pretrained models packed into the app load at start-up and do what the lessons promise. */
@ApplicationTest
class ShippedModelsTest {

    @Autowired
    ShippedModels shipped;

    private final ImageSet digits = ImageSet.load(DatasetName.MNIST);
    private final int[] test = DataSplit.of(digits).test();

    @Test
    void allSixShippedModelsAreLoadedAtStartUp() {
        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.all().keySet()).containsExactlyInAnyOrderElementsOf(ShippedModels.KINDS);
    }

    @Test
    void theJudgeReadsAtLeast97PercentOfTheTestDigits() {
        LoadedModel judge = shipped.get(ModelKind.CLASSIFIER).orElseThrow();
        float[][] images = new float[test.length][];
        for (int i = 0; i < test.length; i++) {
            images[i] = digits.image(test[i]);
        }
        float[][] probabilities = judge.classify(images);
        int correct = 0;
        for (int i = 0; i < test.length; i++) {
            int best = 0;
            for (int c = 1; c < 10; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            correct += best == digits.label(test[i]) ? 1 : 0;
        }
        assertThat(correct / (double) test.length).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void theTwoDimensionalVaeDecodesAnyPointIntoADigitImage() {
        LoadedModel vae = shipped.get(ModelKind.VAE_2D).orElseThrow();
        assertThat(vae.latentSize()).isEqualTo(2);
        float[] image = vae.decode(new float[] {0.5f, -1f});
        assertThat(image).hasSize(ImageSet.PIXELS);
        for (float pixel : image) {
            assertThat(pixel).isBetween(0f, 1f);
        }
        float[][] batch = vae.decode(new float[][] {{0, 0}, {1, 1}, {-2, 2}});
        assertThat(batch).hasNumberOfRows(3);
        assertThat(batch[0]).containsExactly(vae.decode(new float[] {0, 0}), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void reconstructionsOfTestDigitsAreClose() {
        LoadedModel autoencoder = shipped.get(ModelKind.CONV_AE).orElseThrow();
        double error = 0;
        for (int i = 0; i < 100; i++) {
            float[] digit = digits.image(test[i]);
            float[] output = autoencoder.reconstruct(digit);
            for (int p = 0; p < digit.length; p++) {
                error += (digit[p] - output[p]) * (digit[p] - output[p]);
            }
        }
        assertThat(error / (100.0 * ImageSet.PIXELS)).isLessThan(0.03);
    }

    @Test
    void theShippedConvolutionalVaeIsTheLessonsRecipeThatTheDesignerStartsFrom() {
        LoadedModel vae = shipped.get(ModelKind.CONV_VAE).orElseThrow();
        // Of today's format, so loaded as Networks.convVae: the assignment's design (format 1 was another network).
        assertThat(vae.metadata().format()).isEqualTo(CheckpointMetadata.FORMAT);
        assertThat(vae.metadata().config().design()).isNull();
        assertThat(vae.latentSize()).isEqualTo(NetworkDesign.assignment().latentSize());
        float[] image = vae.decode(new float[] {0, 0});
        assertThat(image).hasSize(ImageSet.PIXELS);
        for (float pixel : image) {
            assertThat(pixel).isBetween(0f, 1f);
        }
        // Two numbers keep a digit's shape, not its details.
        double error = 0;
        for (int i = 0; i < 100; i++) {
            float[] digit = digits.image(test[i]);
            float[] output = vae.reconstruct(digit);
            for (int p = 0; p < digit.length; p++) {
                error += (digit[p] - output[p]) * (digit[p] - output[p]);
            }
        }
        assertThat(error / (100.0 * ImageSet.PIXELS)).isLessThan(0.07);
    }

    @Test
    void codesOfTheWrongLengthAreRefusedWithAClearMessage() {
        LoadedModel vae = shipped.get(ModelKind.VAE_2D).orElseThrow();
        assertThatThrownBy(() -> vae.decode(new float[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Expected 2 values");
        LoadedModel judge = shipped.get(ModelKind.CLASSIFIER).orElseThrow();
        assertThatThrownBy(() -> judge.encode(new float[784])).isInstanceOf(UnsupportedOperationException.class);
    }
}
