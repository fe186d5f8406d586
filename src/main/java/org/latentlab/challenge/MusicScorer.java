package org.latentlab.challenge;

import java.util.List;

import org.latentlab.base.InvalidInputException;
import org.latentlab.music.MelodyCodec;
import org.latentlab.music.ShippedMelodyModel;
import org.springframework.stereotype.Component;

/** Music challenges: the shipped melody model decodes the codes on the server and {@link MusicScoring} scores them. */
@Component
final class MusicScorer implements Scorer {

    /** The model id music challenges record. */
    static final String MODEL_ID = "shipped:melody-vae";

    private final ShippedMelodyModel model;

    MusicScorer(ShippedMelodyModel model) {
        this.model = model;
    }

    /** The shipped melody model, or a clear refusal when it is missing. */
    MelodyCodec codec() {
        return model.get().orElseThrow(() -> new InvalidInputException("model", "challenge.music.missing"));
    }

    @Override
    public Opening open(ChallengeSettings settings, String modelId) {
        return new Opening(settings, MODEL_ID, MusicScoring.version(codec()));
    }

    @Override
    public Scored score(Challenge challenge, List<float[]> vectors, String modelVersion) {
        MelodyCodec codec = codec();
        if (!challenge.modelVersion().equals(modelVersion) || !MusicScoring.version(codec).equals(modelVersion)) {
            throw new InvalidInputException("model", "challenge.modelChanged");
        }
        Scorer.requireCount(vectors, challenge.settings().vectorCount());
        MusicScoring.check(codec, vectors);
        return MusicScoring.score(challenge.settings(), codec, vectors);
    }

    @Override
    public Scored preview(Challenge challenge, List<float[]> vectors) {
        MelodyCodec codec = codec();
        MusicScoring.check(codec, vectors);
        Scorer.requirePreviewCount(vectors, challenge.settings().vectorCount());
        return vectors.size() < challenge.settings().vectorCount() ? new Scored(0, List.of(), List.of())
                : MusicScoring.score(challenge.settings(), codec, vectors);
    }
}
