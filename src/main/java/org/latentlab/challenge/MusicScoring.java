package org.latentlab.challenge;

import java.util.List;

import org.latentlab.base.InvalidInputException;
import org.latentlab.music.Melody;
import org.latentlab.music.MelodyCodec;
import org.latentlab.music.MelodyCorpus;
import org.latentlab.music.MelodyRules;

/** The music challenges: the server decodes the codes with the shipped melody VAE and applies {@link MelodyRules}. */
final class MusicScoring {

    /** Latent values beyond this are refused: the prior is N(0, 1), so ±6 is far outside anything sensible. */
    static final float LIMIT = 6f;

    private MusicScoring() {
    }

    static void check(MelodyCodec codec, List<float[]> codes) {
        for (float[] code : codes) {
            boolean ok = code != null && code.length == codec.latentSize();
            for (int d = 0; ok && d < code.length; d++) {
                ok = Float.isFinite(code[d]) && Math.abs(code[d]) <= LIMIT;
            }
            if (!ok) {
                throw new InvalidInputException("vectors", "challenge.vectorInvalid", codec.latentSize());
            }
        }
    }

    static Scored score(ChallengeSettings settings, MelodyCodec codec, List<float[]> codes) {
        List<Melody> melodies = codec.decode(codes);
        MelodyRules.Score score = settings.kind() == ChallengeKind.MELODY
                ? MelodyRules.cMajorEndingOnTonic(melodies.getFirst())
                : MelodyRules.morph(MelodyCorpus.melody(settings.from()), MelodyCorpus.melody(settings.to()),
                        melodies);
        List<RuleResult> rules = score.rules().stream().map(rule -> new RuleResult(rule.messageKey(),
                rule.arguments().stream().map(String::valueOf).toList(), rule.passed(), rule.points())).toList();
        return new Scored(score.score(), rules, List.of());
    }

    /** The model's version as challenges store it: when it was trained and its parameter file. */
    static String version(MelodyCodec codec) {
        return codec.metadata().createdAt() + "/" + codec.metadata().parametersFile();
    }
}
