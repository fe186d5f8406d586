package org.latentlab.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The image rules on hand-made images and a hand-made judge. */
class ImageScoringTest {

    private static float[] reading(int digit, float confidence) {
        float[] probabilities = new float[10];
        java.util.Arrays.fill(probabilities, (1 - confidence) / 9);
        probabilities[digit] = confidence;
        return probabilities;
    }

    private static float[] image(float value) {
        float[] pixels = new float[784];
        java.util.Arrays.fill(pixels, value);
        return pixels;
    }

    private static ChallengeSettings settings(ChallengeKind kind) {
        return new ChallengeSettings(kind, 7, 80, 1, 7, 4, false, 0.5, 0);
    }

    @Test
    void aDigitScoresTheJudgesConfidenceAndMeetsTheGoalAtTheThreshold() {
        Scored sure = ImageScoring.digit(settings(ChallengeKind.DIGIT), List.of(image(0.5f)),
                new float[][] {reading(7, 0.92f)});
        assertThat(sure.score()).isEqualTo(92.0);
        assertThat(sure.rules().getFirst().met()).isTrue();
        assertThat(sure.rules().getFirst().arguments()).containsExactly("7", "92", "80");
        Scored unsure = ImageScoring.digit(settings(ChallengeKind.DIGIT), List.of(image(0.5f)),
                new float[][] {reading(7, 0.79f)});
        assertThat(unsure.rules().getFirst().met()).isFalse();
        Scored wrong = ImageScoring.digit(settings(ChallengeKind.DIGIT), List.of(image(0.5f)),
                new float[][] {reading(3, 0.99f)});
        assertThat(wrong.score()).isLessThan(1.0);
    }

    @Test
    void tenCopiesOfOneDigitScoreLowAndTenClearDifferentFarApartDigitsScoreFull() {
        List<float[]> same = new ArrayList<>();
        float[][] sameReadings = new float[10][];
        for (int i = 0; i < 10; i++) {
            same.add(image(0.5f));
            sameReadings[i] = reading(4, 1f);
        }
        Scored copies = ImageScoring.varied(same, sameReadings);
        // One digit (5 points), full confidence (25), no variety (0).
        assertThat(copies.score()).isEqualTo(30.0);

        List<float[]> different = new ArrayList<>();
        float[][] readings = new float[10][];
        for (int i = 0; i < 10; i++) {
            // Ink in ten different places: each pair differs in 156 pixels, a distance of 12.5 (typical: 10.2).
            float[] pixels = new float[784];
            for (int p = i * 78; p < (i + 1) * 78; p++) {
                pixels[p] = 1;
            }
            different.add(pixels);
            readings[i] = reading(i, 1f);
        }
        Scored varied = ImageScoring.varied(different, readings);
        assertThat(varied.rules().get(0).points()).isEqualTo(50.0);
        assertThat(varied.rules().get(0).met()).isTrue();
        assertThat(varied.rules().get(1).points()).isEqualTo(25.0);
        assertThat(varied.rules().get(2).points()).isEqualTo(25.0);
        assertThat(varied.score()).isEqualTo(100.0);
    }

    @Test
    void aPerfectRepairScoresAHundredAndABlackSquareNothing() {
        float[] original = image(0);
        for (int p = 300; p < 500; p++) {
            original[p] = 1;
        }
        assertThat(ImageScoring.repair(List.of(original.clone()), original).score()).isEqualTo(100.0);
        assertThat(ImageScoring.repair(List.of(image(0)), original).score()).isEqualTo(0.0);
        assertThat(ImageScoring.repair(List.of(image(1)), original).score()).isEqualTo(0.0);
        float[] half = original.clone();
        for (int p = 300; p < 400; p++) {
            half[p] = 0;
        }
        assertThat(ImageScoring.repair(List.of(half), original).score()).isEqualTo(50.0);
    }

    @Test
    void aMorphNeedsTheRightEndsAndPlausibleStepsInBetween() {
        ChallengeSettings oneToSeven = settings(ChallengeKind.MORPH);
        List<float[]> images = List.of(image(0), image(0), image(0), image(0));
        Scored good = ImageScoring.morph(oneToSeven, images,
                new float[][] {reading(1, 0.9f), reading(1, 0.7f), reading(7, 0.65f), reading(7, 0.95f)});
        assertThat(good.score()).isEqualTo(100.0);
        Scored murky = ImageScoring.morph(oneToSeven, images,
                new float[][] {reading(1, 0.9f), reading(4, 0.3f), reading(2, 0.3f), reading(7, 0.95f)});
        assertThat(murky.score()).isEqualTo(80.0);
        Scored backwards = ImageScoring.morph(oneToSeven, images,
                new float[][] {reading(7, 0.9f), reading(7, 0.9f), reading(1, 0.9f), reading(1, 0.9f)});
        assertThat(backwards.score()).isEqualTo(40.0);
        assertThat(backwards.rules()).extracting(RuleResult::met).containsExactly(false, false, true);
    }
}
