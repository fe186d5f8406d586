package org.latentlab.challenge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.RateLimits;
import org.latentlab.base.SignedInUser;
import org.latentlab.music.MelodyCodec;
import org.latentlab.ml.DigitImages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A student's answers to a challenge of their class. A submission is latent vectors plus the model version they were
 * made with: the server decodes them with that model and scores them itself (the challenge kind's {@link Scorer}); a
 * submission for an older model version is refused, so every stored score can be recomputed. Submissions are taken
 * only while the challenge is open, and never from the teacher who runs it.
 */
@Service
public class ChallengeSubmissions {

    private final ChallengeRecords records;
    private final ChallengeAccess access;
    private final ChallengeNames names;
    private final Scorers scorers;
    private final ImageScorer images;
    private final MusicScorer melodies;
    private final RateLimits limits;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChallengeSubmissions(ChallengeRecords records, ChallengeAccess access, ChallengeNames names, Scorers scorers,
            ImageScorer images, MusicScorer melodies, RateLimits limits, Clock clock,
            ApplicationEventPublisher events) {
        this.records = records;
        this.access = access;
        this.names = names;
        this.scorers = scorers;
        this.images = images;
        this.melodies = melodies;
        this.limits = limits;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A student's submission: vectors for the challenge's model at the version they were made with. Refused after
     * the deadline, while paused, for another model version, and for vectors of the wrong number, length or range.
     */
    public Submission submit(long id, List<float[]> vectors, String modelVersion) {
        SignedInUser student = access.user();
        // Every submission refreshes every open leaderboard: a student gets a human pace, not a script's.
        limits.take(RateLimits.Limit.SUBMISSION, "user:" + student.userId(), 1);
        Challenge challenge = access.readable(id);
        if (access.manages(challenge)) {
            throw new InvalidInputException("challenge", "challenge.teachersDoNotSubmit");
        }
        Instant now = clock.instant();
        if (!now.isBefore(challenge.closesAt()) || challenge.state() == ChallengeState.CLOSED) {
            throw new InvalidInputException("challenge", "challenge.closed");
        }
        if (challenge.state() == ChallengeState.PAUSED) {
            throw new InvalidInputException("challenge", "challenge.paused");
        }
        Scored scored = scorers.of(challenge.kind()).score(challenge, vectors, modelVersion);
        // Scoring took a moment: the insert checks again, in the same statement, that the challenge is open.
        long submissionId = records.insertSubmission(id, student.userId(), clock.instant(), challenge.modelId(),
                modelVersion, vectors, scored).orElseThrow(() -> new InvalidInputException("challenge",
                        access.stored(id).state() == ChallengeState.PAUSED ? "challenge.paused" : "challenge.closed"));
        events.publishEvent(new ChallengeChanged(id));
        return names.withStudentNames(records.submissionsOf(id, student.userId())).stream()
                .filter(s -> s.id() == submissionId).findFirst().orElseThrow();
    }

    /** Scores vectors without storing them: what the workbench shows before a student submits. */
    public Scored preview(long id, List<float[]> vectors) {
        Challenge challenge = access.readable(id);
        return scorers.of(challenge.kind()).preview(challenge, vectors);
    }

    /** The signed-in student's submissions, newest first. */
    public List<Submission> mine(long id) {
        access.readable(id);
        return names.withStudentNames(records.submissionsOf(id, access.user().userId()));
    }

    /** The judge's reading of images (ten probabilities each), for the workbench. */
    public float[][] read(List<float[]> pictures) {
        return images.read(pictures);
    }

    /** The shipped melody model the music challenges use. */
    public MelodyCodec melodyCodec() {
        return melodies.codec();
    }

    /** The picture a repair challenge shows: the hidden original with noise, or at half resolution (14 × 14). */
    public float[] damagedDigit(long id) {
        Challenge challenge = repair(id);
        float[] original = images.original(challenge);
        return challenge.settings().lowResolution() ? DigitImages.downsampled(original)
                : DigitImages.noisy(original, challenge.settings().noiseLevel(), challenge.id());
    }

    /** A repair's original: for its teacher always, for students once the results are revealed. */
    public float[] hiddenOriginal(long id) {
        Challenge challenge = repair(id);
        if (!access.manages(challenge) && !challenge.revealed()) {
            throw new InvalidInputException("challenge", "challenge.notRevealed");
        }
        return images.original(challenge);
    }

    private Challenge repair(long id) {
        Challenge challenge = access.readable(id);
        if (challenge.kind() != ChallengeKind.REPAIR) {
            throw new InvalidInputException("challenge", "challenge.notARepair");
        }
        return challenge;
    }
}
