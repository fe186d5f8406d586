package org.latentlab.challenge;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.LoadedModel;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.springframework.stereotype.Component;

/**
 * Image challenges: a shipped digit model decodes the vectors on the server and {@link ImageScoring} scores the
 * pictures, with the shipped classifier as the judge. A repair's original is a held-out digit the server hides.
 */
@Component
final class ImageScorer implements Scorer {

    /** Random digits tried for a repair's hidden original (see {@link #repairableDigit}). */
    private static final int REPAIR_CANDIDATES = 128;

    private final LatentSpaces spaces;
    private final HeldOutDigits digits;
    private final Random hiddenDigits = new SecureRandom();

    ImageScorer(LatentSpaces spaces, HeldOutDigits digits) {
        this.spaces = spaces;
        this.digits = digits;
    }

    @Override
    public Opening open(ChallengeSettings settings, String modelId) {
        // Students must be able to open the model: only shipped ones.
        if (modelId == null || !modelId.startsWith("shipped:")) {
            throw new InvalidInputException("model", "challenge.settings.model");
        }
        LatentSpace space = spaces.open(modelId);
        ChallengeSettings completed = settings;
        if (settings.kind() == ChallengeKind.REPAIR) {
            int hidden = repairableDigit(space).index();
            completed = new ChallengeSettings(settings.kind(), settings.digit(), settings.threshold(),
                    settings.from(), settings.to(), settings.steps(), settings.lowResolution(),
                    settings.noiseLevel(), hidden);
        }
        return new Opening(completed, modelId, space.modelVersion());
    }

    /**
     * A random held-out digit that the challenge's model can bring to the repair goal from the digit's own code.
     * A 2-D latent space reconstructs only about one digit in six that well (measured on the shipped 2-D VAE), so
     * a digit drawn blindly would usually leave the goal out of every student's reach. If none of the candidates
     * reaches it, the best one is hidden.
     */
    private HeldOutDigits.Digit repairableDigit(LatentSpace space) {
        List<HeldOutDigits.Digit> heldOut = digits.heldOut();
        HeldOutDigits.Digit best = null;
        double bestScore = -1;
        for (int i = 0; i < REPAIR_CANDIDATES; i++) {
            HeldOutDigits.Digit candidate = heldOut.get(hiddenDigits.nextInt(heldOut.size()));
            Scored reachable = ImageScoring.repair(List.of(space.reconstruct(candidate.pixels())), candidate.pixels());
            if (reachable.rules().getFirst().met()) {
                return candidate;
            }
            if (reachable.score() > bestScore) {
                best = candidate;
                bestScore = reachable.score();
            }
        }
        return best;
    }

    @Override
    public Scored score(Challenge challenge, List<float[]> vectors, String modelVersion) {
        LatentSpace space = spaces.open(challenge.modelId());
        if (!challenge.modelVersion().equals(modelVersion) || !space.modelVersion().equals(modelVersion)) {
            throw new InvalidInputException("model", "challenge.modelChanged");
        }
        Scorer.requireCount(vectors, challenge.settings().vectorCount());
        requireWithinLimits(space, vectors);
        return judged(challenge, space, vectors);
    }

    @Override
    public Scored preview(Challenge challenge, List<float[]> vectors) {
        LatentSpace space = spaces.open(challenge.modelId());
        requireWithinLimits(space, vectors);
        Scorer.requirePreviewCount(vectors, challenge.settings().vectorCount());
        if (vectors.size() < challenge.settings().vectorCount()) {
            // Not complete yet: show the judge's reading of each image, no score.
            return new Scored(0, List.of(), decode(space, vectors));
        }
        return judged(challenge, space, vectors);
    }

    private static void requireWithinLimits(LatentSpace space, List<float[]> vectors) {
        for (float[] vector : vectors) {
            if (!space.withinLimits(vector)) {
                throw new InvalidInputException("vectors", "challenge.vectorInvalid", space.latentSize());
            }
        }
    }

    private Scored judged(Challenge challenge, LatentSpace space, List<float[]> vectors) {
        LoadedModel judge = spaces.classifier()
                .orElseThrow(() -> new InvalidInputException("challenge", "challenge.judgeMissing"));
        List<float[]> images = decode(space, vectors);
        float[] hidden = challenge.kind() == ChallengeKind.REPAIR ? original(challenge) : null;
        return ImageScoring.score(challenge.settings(), images, judge::classify, hidden);
    }

    private static List<float[]> decode(LatentSpace space, List<float[]> vectors) {
        List<float[]> images = new ArrayList<>(vectors.size());
        for (float[] vector : vectors) {
            images.add(space.decode(vector).pixels());
        }
        return images;
    }

    /** The judge's reading of images (ten probabilities each). */
    float[][] read(List<float[]> images) {
        return spaces.classifier().map(judge -> judge.classify(images.toArray(float[][]::new)))
                .orElseThrow(() -> new InvalidInputException("challenge", "challenge.judgeMissing"));
    }

    /** A repair's hidden original. */
    float[] original(Challenge challenge) {
        return digits.byIndex(challenge.settings().hiddenDigit()).orElseThrow().pixels();
    }
}
