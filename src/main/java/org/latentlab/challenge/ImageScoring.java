package org.latentlab.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.latentlab.ml.DigitImages;
import org.latentlab.ml.ImageSet;
import org.latentlab.ml.LoadedModel;

/**
 * The rules of the image challenges. Everything is computed from the images the server decoded itself and from
 * the judge (the shipped digit classifier); the browser's own pictures or scores are never used. Scores run from
 * 0 to 100; each rule's points and whether it was met are kept so students see why.
 */
final class ImageScoring {

    /** Confidence from which the judge's reading counts as a clear digit. */
    static final double CLEAR = 0.5;
    /** Confidence each step of a morph needs to count as a plausible digit. */
    static final double PLAUSIBLE = 0.6;
    /**
     * Closeness to the hidden original (see {@link #repair}) that meets a repair's goal. The rules text in the
     * message bundles states it as 75.
     */
    static final double REPAIR_GOAL = 0.75;
    /**
     * Mean distance between two different real digits (root of the summed squared pixel differences, pixels 0..1),
     * measured on 400 random MNIST digits (10.2): ten digits this far apart on average count as fully varied.
     */
    static final double TYPICAL_DISTANCE = 10.2;

    private ImageScoring() {
    }

    /** The judge's probabilities for each image (ten per image). */
    interface Judge {
        float[][] read(float[][] images);
    }

    static Scored score(ChallengeSettings settings, List<float[]> images, Judge judge, float[] hiddenOriginal) {
        float[][] probabilities = judge.read(images.toArray(float[][]::new));
        return switch (settings.kind()) {
            case DIGIT -> digit(settings, images, probabilities);
            case VARIED -> varied(images, probabilities);
            case REPAIR -> repair(images, hiddenOriginal);
            case MORPH -> morph(settings, images, probabilities);
            case MELODY, MELODY_MORPH -> throw new IllegalArgumentException("not an image challenge");
        };
    }

    /** Score = the judge's confidence in the target digit, in percent; the goal is met at the threshold. */
    static Scored digit(ChallengeSettings settings, List<float[]> images, float[][] probabilities) {
        double confidence = probabilities[0][settings.digit()];
        double score = round(100 * confidence);
        RuleResult rule = new RuleResult("challenge.rule.digit",
                List.of(Integer.toString(settings.digit()), percent(confidence),
                        Integer.toString(settings.threshold())),
                100 * confidence >= settings.threshold(), score);
        return new Scored(score, List.of(rule), images);
    }

    /**
     * 50 points for the number of different digits the judge reads clearly (5 each), 25 for the judge's mean
     * confidence, 25 for how far apart the ten images are compared with typical real digits.
     */
    static Scored varied(List<float[]> images, float[][] probabilities) {
        boolean[] seen = new boolean[10];
        double confidenceSum = 0;
        for (float[] reading : probabilities) {
            int best = LoadedModel.mostLikely(reading);
            confidenceSum += reading[best];
            if (reading[best] >= CLEAR) {
                seen[best] = true;
            }
        }
        int distinct = 0;
        for (boolean s : seen) {
            distinct += s ? 1 : 0;
        }
        double meanConfidence = confidenceSum / probabilities.length;
        double distance = 0;
        int pairs = 0;
        for (int i = 0; i < images.size(); i++) {
            for (int j = i + 1; j < images.size(); j++) {
                distance += Math.sqrt(DigitImages.meanSquaredError(images.get(i), images.get(j)) * ImageSet.PIXELS);
                pairs++;
            }
        }
        double variety = Math.min(1, distance / pairs / TYPICAL_DISTANCE);
        List<RuleResult> rules = List.of(
                new RuleResult("challenge.rule.variedDigits", List.of(Integer.toString(distinct)), distinct == 10,
                        round(5.0 * distinct)),
                new RuleResult("challenge.rule.variedConfidence", List.of(percent(meanConfidence)),
                        meanConfidence >= CLEAR, round(25 * meanConfidence)),
                new RuleResult("challenge.rule.variedDistance", List.of(percent(variety)), variety >= 0.8,
                        round(25 * variety)));
        return new Scored(round(rules.stream().mapToDouble(RuleResult::points).sum()), rules, images);
    }

    /**
     * 100 × (1 − error / error of a black image): the mean squared difference from the hidden original, compared
     * with that of an empty picture, so a perfect copy scores 100 and a black square 0.
     */
    static Scored repair(List<float[]> images, float[] original) {
        double error = DigitImages.meanSquaredError(images.getFirst(), original);
        double blank = DigitImages.meanSquaredError(new float[original.length], original);
        double closeness = Math.max(0, 1 - error / Math.max(blank, 1e-9));
        double score = round(100 * closeness);
        return new Scored(score, List.of(new RuleResult("challenge.rule.repair", List.of(percent(closeness),
                String.format(Locale.ROOT, "%.4f", error)), closeness >= REPAIR_GOAL, score)), images);
    }

    /**
     * 30 points if the first image reads clearly as the first digit, 30 if the last reads clearly as the second,
     * and 40 × the share of images the judge reads as some digit with at least 60 % confidence.
     */
    static Scored morph(ChallengeSettings settings, List<float[]> images, float[][] probabilities) {
        float[] first = probabilities[0];
        float[] last = probabilities[probabilities.length - 1];
        boolean starts = LoadedModel.mostLikely(first) == settings.from() && first[settings.from()] >= CLEAR;
        boolean ends = LoadedModel.mostLikely(last) == settings.to() && last[settings.to()] >= CLEAR;
        int plausible = 0;
        for (float[] reading : probabilities) {
            plausible += reading[LoadedModel.mostLikely(reading)] >= PLAUSIBLE ? 1 : 0;
        }
        double share = (double) plausible / probabilities.length;
        List<RuleResult> rules = new ArrayList<>();
        rules.add(new RuleResult("challenge.rule.morphStart",
                List.of(Integer.toString(settings.from()), percent(first[settings.from()])), starts, starts ? 30 : 0));
        rules.add(new RuleResult("challenge.rule.morphEnd",
                List.of(Integer.toString(settings.to()), percent(last[settings.to()])), ends, ends ? 30 : 0));
        rules.add(new RuleResult("challenge.rule.morphSteps",
                List.of(Integer.toString(plausible), Integer.toString(probabilities.length)),
                plausible == probabilities.length, round(40 * share)));
        return new Scored(round(rules.stream().mapToDouble(RuleResult::points).sum()), rules, images);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f", 100 * share);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
