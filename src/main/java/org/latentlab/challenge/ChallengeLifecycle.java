package org.latentlab.challenge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A challenge from its opening to its reveal: the class's teacher (or an admin) opens one for a class, pauses,
 * resumes, closes and reveals it; its class sees it ({@link ChallengeAccess} decides who may).
 * <p>
 * State changes are guarded updates in {@link ChallengeRecords}: pause only an open challenge, resume only a paused
 * one before its deadline, close an open or paused one, reveal only a closed one. Whatever two teachers or tabs do at
 * the same moment, a closed challenge never opens again; the one that loses the race is told why.
 */
@Service
public class ChallengeLifecycle {

    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 240;

    private final ChallengeRecords records;
    private final ChallengeAccess access;
    private final Scorers scorers;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChallengeLifecycle(ChallengeRecords records, ChallengeAccess access, Scorers scorers, Clock clock,
            ApplicationEventPublisher events) {
        this.records = records;
        this.access = access;
        this.scorers = scorers;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Opens a challenge for one of the teacher's classes, now, for the given number of minutes. Image challenges use
     * the shipped model {@code modelId}, so every student can open it; music ones the shipped melody model.
     */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge create(long classId, ChallengeSettings settings, String modelId, KeepPolicy keep, int minutes,
            boolean classVote) {
        SignedInUser teacher = access.user();
        access.requireOwnClass(classId);
        if (settings == null) {
            throw new InvalidInputException("kind", "challenge.settings.kind");
        }
        ChallengeSettings valid = settings.validated();
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new InvalidInputException("minutes", "challenge.settings.minutes", MIN_MINUTES, MAX_MINUTES);
        }
        Scorer.Opening opening = scorers.of(valid.kind()).open(valid, modelId);
        Instant now = clock.instant();
        long id = records.insert(classId, teacher.userId(), opening.settings(), opening.modelId(),
                opening.modelVersion(), keep == null ? KeepPolicy.BEST : keep, classVote, now,
                now.plus(Duration.ofMinutes(minutes)));
        return changed(id);
    }

    /** A teacher's challenges (all their classes) or a student's (the classes they are in), newest first. */
    public List<Challenge> mine() {
        return access.visible();
    }

    public Challenge get(long id) {
        return access.readable(id);
    }

    /** Whether the signed-in user runs this challenge (its class's teacher, or an admin). */
    public boolean runs(long id) {
        return access.manages(access.readable(id));
    }

    /** Stops submissions for a while; only an open challenge before its deadline. */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge pause(long id) {
        access.managed(id);
        if (!records.pause(id, clock.instant())) {
            throw refused(id, "challenge.notOpen");
        }
        return changed(id);
    }

    /** Takes submissions again; only a paused challenge before its deadline, never a closed one. */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge resume(long id) {
        access.managed(id);
        if (!records.resume(id, clock.instant())) {
            throw refused(id, "challenge.notPaused");
        }
        return changed(id);
    }

    /** Ends an open or paused challenge before its deadline; a closed challenge stays closed. */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge close(long id) {
        access.managed(id);
        if (!records.close(id, clock.instant())) {
            throw refused(id, "challenge.alreadyClosed");
        }
        return changed(id);
    }

    /**
     * Shows the full leaderboard (and a repair's original) to the students, and ends a class vote; only once the
     * challenge has closed (so nobody copies an answer or the original while it is open), and only once.
     */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge reveal(long id) {
        access.managed(id);
        if (!records.reveal(id, clock.instant())) {
            throw new InvalidInputException("state", access.stored(id).revealed() ? "challenge.alreadyRevealed"
                    : "challenge.notClosedYet");
        }
        return changed(id);
    }

    /** Why a guarded change did not happen: the challenge has closed, or {@code otherwise}. */
    private InvalidInputException refused(long id, String otherwise) {
        return new InvalidInputException("state",
                access.stored(id).state() == ChallengeState.CLOSED ? "challenge.alreadyClosed" : otherwise);
    }

    private Challenge changed(long id) {
        events.publishEvent(new ChallengeChanged(id));
        return access.stored(id);
    }
}
