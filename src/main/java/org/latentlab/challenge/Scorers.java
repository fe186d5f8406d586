package org.latentlab.challenge;

import org.springframework.stereotype.Component;

/** The one place on the server that tells image challenges from music ones. */
@Component
class Scorers {

    private final ImageScorer images;
    private final MusicScorer melodies;

    Scorers(ImageScorer images, MusicScorer melodies) {
        this.images = images;
        this.melodies = melodies;
    }

    Scorer of(ChallengeKind kind) {
        return kind.musical() ? melodies : images;
    }
}
