package org.latentlab.challenge;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.RateLimits;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.music.MelodyCodec;
import org.latentlab.music.ShippedMelodyModel;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.LoadedModel;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Live challenges for a class, checked on the server for every call: the class's teacher (or an admin) creates,
 * pauses, closes, reveals and exports; the class's students submit and see their own history, and the leaderboard
 * once it is revealed. Anyone else, and any made-up id, gets "not found".
 * <p>
 * A submission is latent vectors plus the model id and version: the server decodes them with that model and scores
 * the images itself ({@link ImageScoring}); a submission for an older model version is refused, so every stored
 * score can be recomputed.
 * <p>
 * State changes are guarded updates in {@link ChallengeRecords}: pause only an open challenge, resume only a paused
 * one before its deadline, close an open or paused one, reveal only a closed one, vote only between the close and
 * the reveal, submit only while open. Whatever two teachers or tabs do at the same moment, a closed challenge never
 * opens again; the one that loses the race is told why.
 */
@Service
public class Challenges {

    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 240;
    /** The model id music challenges record. */
    public static final String MELODY_MODEL = "shipped:melody-vae";
    /** Random digits tried for a repair's hidden original (see {@link #repairableDigit}). */
    private static final int REPAIR_CANDIDATES = 128;

    private final ChallengeRecords records;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final AccountService accounts;
    private final LatentSpaces spaces;
    private final HeldOutDigits digits;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Random hiddenDigits = new SecureRandom();
    private final ShippedMelodyModel melodyModel;
    private final RateLimits limits;

    Challenges(ChallengeRecords records, CurrentUser currentUser, ClassroomService classrooms,
            AccountService accounts, LatentSpaces spaces, HeldOutDigits digits, Clock clock,
            ApplicationEventPublisher events, ShippedMelodyModel melodyModel, RateLimits limits) {
        this.melodyModel = melodyModel;
        this.limits = limits;
        this.records = records;
        this.currentUser = currentUser;
        this.classrooms = classrooms;
        this.accounts = accounts;
        this.spaces = spaces;
        this.digits = digits;
        this.clock = clock;
        this.events = events;
    }

    /** Opens a challenge for one of the teacher's classes, now, for the given number of minutes. */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge create(long classId, ChallengeSettings settings, String modelId, KeepPolicy keep, int minutes,
            boolean classVote) {
        SignedInUser teacher = currentUser.require();
        if (classrooms.myClasses().stream().noneMatch(c -> c.id() == classId)) {
            throw new InvalidInputException("classId", "challenge.classUnknown");
        }
        if (settings == null) {
            throw new InvalidInputException("kind", "challenge.settings.kind");
        }
        ChallengeSettings valid = settings.validated();
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new InvalidInputException("minutes", "challenge.settings.minutes", MIN_MINUTES, MAX_MINUTES);
        }
        String model;
        String modelVersion;
        if (valid.kind().musical()) {
            model = MELODY_MODEL;
            modelVersion = MusicScoring.version(melodyCodec());
        } else {
            // Students must be able to open the model: only shipped ones.
            if (modelId == null || !modelId.startsWith("shipped:")) {
                throw new InvalidInputException("model", "challenge.settings.model");
            }
            LatentSpace space = spaces.open(modelId);
            if (valid.kind() == ChallengeKind.REPAIR) {
                int hidden = repairableDigit(space).index();
                valid = new ChallengeSettings(valid.kind(), valid.digit(), valid.threshold(), valid.from(),
                        valid.to(), valid.steps(), valid.lowResolution(), valid.noiseLevel(), hidden);
            }
            model = modelId;
            modelVersion = space.modelVersion();
        }
        Instant now = clock.instant();
        long id = records.insert(classId, teacher.userId(), valid, model, modelVersion,
                keep == null ? KeepPolicy.BEST : keep, classVote, now, now.plus(Duration.ofMinutes(minutes)));
        events.publishEvent(new ChallengeChanged(id));
        return stored(id);
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

    /** A teacher's challenges (all their classes) or a student's (the classes they are in), newest first. */
    public List<Challenge> mine() {
        SignedInUser user = currentUser.require();
        List<Long> classIds = user.isTeacher() ? classrooms.myClasses().stream().map(ClassSummary::id).toList()
                : classrooms.myClassIds();
        return withClassNames(records.forClasses(classIds, clock.instant()));
    }

    public Challenge get(long id) {
        return readable(id);
    }

    /** Whether the signed-in user runs this challenge (its class's teacher, or an admin). */
    public boolean runs(long id) {
        return manages(readable(id));
    }

    /** Stops submissions for a while; only an open challenge before its deadline. */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge pause(long id) {
        managed(id);
        if (!records.pause(id, clock.instant())) {
            throw refused(id, "challenge.notOpen");
        }
        return changed(id);
    }

    /** Takes submissions again; only a paused challenge before its deadline, never a closed one. */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge resume(long id) {
        managed(id);
        if (!records.resume(id, clock.instant())) {
            throw refused(id, "challenge.notPaused");
        }
        return changed(id);
    }

    /** Ends an open or paused challenge before its deadline; a closed challenge stays closed. */
    @PreAuthorize("hasRole('TEACHER')")
    public Challenge close(long id) {
        managed(id);
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
        managed(id);
        if (!records.reveal(id, clock.instant())) {
            Challenge now = stored(id);
            throw new InvalidInputException("state", now.revealed() ? "challenge.alreadyRevealed"
                    : "challenge.notClosedYet");
        }
        return changed(id);
    }

    /** Why a guarded change did not happen: the challenge has closed, or {@code otherwise}. */
    private InvalidInputException refused(long id, String otherwise) {
        return new InvalidInputException("state",
                stored(id).state() == ChallengeState.CLOSED ? "challenge.alreadyClosed" : otherwise);
    }

    private Challenge changed(long id) {
        events.publishEvent(new ChallengeChanged(id));
        return stored(id);
    }

    private Challenge stored(long id) {
        return withClassNames(List.of(records.find(id, clock.instant()).orElseThrow(Challenges::notFound)))
                .getFirst();
    }

    /**
     * A student's submission: vectors for the challenge's model at the version they were made with. Refused after
     * the deadline, while paused, for another model version, and for vectors of the wrong number, length or range.
     */
    public Submission submit(long id, List<float[]> vectors, String modelVersion) {
        SignedInUser student = currentUser.require();
        // Every submission refreshes every open leaderboard: a student gets a human pace, not a script's.
        limits.take(RateLimits.Limit.SUBMISSION, "user:" + student.userId(), 1);
        Challenge challenge = readable(id);
        if (manages(challenge)) {
            throw new InvalidInputException("challenge", "challenge.teachersDoNotSubmit");
        }
        Instant now = clock.instant();
        if (!now.isBefore(challenge.closesAt()) || challenge.state() == ChallengeState.CLOSED) {
            throw new InvalidInputException("challenge", "challenge.closed");
        }
        if (challenge.state() == ChallengeState.PAUSED) {
            throw new InvalidInputException("challenge", "challenge.paused");
        }
        int expected = challenge.settings().vectorCount();
        Scored scored;
        if (challenge.kind().musical()) {
            MelodyCodec codec = melodyCodec();
            if (!challenge.modelVersion().equals(modelVersion)
                    || !MusicScoring.version(codec).equals(modelVersion)) {
                throw new InvalidInputException("model", "challenge.modelChanged");
            }
            countOf(vectors, expected);
            MusicScoring.check(codec, vectors);
            scored = MusicScoring.score(challenge.settings(), codec, vectors);
        } else {
            LatentSpace space = spaces.open(challenge.modelId());
            if (!challenge.modelVersion().equals(modelVersion) || !space.modelVersion().equals(modelVersion)) {
                throw new InvalidInputException("model", "challenge.modelChanged");
            }
            countOf(vectors, expected);
            for (float[] vector : vectors) {
                if (!space.withinLimits(vector)) {
                    throw new InvalidInputException("vectors", "challenge.vectorInvalid", space.latentSize());
                }
            }
            scored = score(challenge, space, vectors);
        }
        // Scoring took a moment: the insert checks again, in the same statement, that the challenge is open.
        long submissionId = records.insertSubmission(id, student.userId(), clock.instant(), challenge.modelId(),
                modelVersion, vectors, scored).orElseThrow(() -> new InvalidInputException("challenge",
                        stored(id).state() == ChallengeState.PAUSED ? "challenge.paused" : "challenge.closed"));
        events.publishEvent(new ChallengeChanged(id));
        return withStudentNames(records.submissionsOf(id, student.userId())).stream()
                .filter(s -> s.id() == submissionId).findFirst().orElseThrow();
    }

    private static void countOf(List<float[]> vectors, int expected) {
        if (vectors == null || vectors.size() != expected) {
            throw new InvalidInputException("vectors", "challenge.vectorCount", expected,
                    vectors == null ? 0 : vectors.size());
        }
    }

    /** The shipped melody model the music challenges use. */
    public MelodyCodec melodyCodec() {
        return melodyModel.get().orElseThrow(() -> new InvalidInputException("model", "challenge.music.missing"));
    }

    /** Scores vectors without storing them: what the workbench shows before a student submits. */
    public Scored preview(long id, List<float[]> vectors) {
        Challenge challenge = readable(id);
        if (challenge.kind().musical()) {
            MelodyCodec codec = melodyCodec();
            MusicScoring.check(codec, vectors);
            if (vectors.isEmpty() || vectors.size() > challenge.settings().vectorCount()) {
                throw new InvalidInputException("vectors", "challenge.vectorCount",
                        challenge.settings().vectorCount(), vectors.size());
            }
            return vectors.size() < challenge.settings().vectorCount() ? new Scored(0, List.of(), List.of())
                    : MusicScoring.score(challenge.settings(), codec, vectors);
        }
        LatentSpace space = spaces.open(challenge.modelId());
        for (float[] vector : vectors) {
            if (!space.withinLimits(vector)) {
                throw new InvalidInputException("vectors", "challenge.vectorInvalid", space.latentSize());
            }
        }
        if (vectors.isEmpty() || vectors.size() > challenge.settings().vectorCount()) {
            throw new InvalidInputException("vectors", "challenge.vectorCount", challenge.settings().vectorCount(),
                    vectors.size());
        }
        if (vectors.size() < challenge.settings().vectorCount()) {
            // Not complete yet: show the judge's reading of each image, no score.
            List<float[]> images = decode(space, vectors);
            return new Scored(0, List.of(), images);
        }
        return score(challenge, space, vectors);
    }

    private Scored score(Challenge challenge, LatentSpace space, List<float[]> vectors) {
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

    /** The judge's reading of images (ten probabilities each), for the workbench. */
    public float[][] read(List<float[]> images) {
        return spaces.classifier().map(judge -> judge.classify(images.toArray(float[][]::new)))
                .orElseThrow(() -> new InvalidInputException("challenge", "challenge.judgeMissing"));
    }

    /** The picture a repair challenge shows: the hidden original with noise, or at half resolution (14 × 14). */
    public float[] damagedDigit(long id) {
        Challenge challenge = readable(id);
        if (challenge.kind() != ChallengeKind.REPAIR) {
            throw new InvalidInputException("challenge", "challenge.notARepair");
        }
        float[] original = original(challenge);
        return challenge.settings().lowResolution() ? DigitImages.downsampled(original)
                : DigitImages.noisy(original, challenge.settings().noiseLevel(), challenge.id());
    }

    /** A repair's original: for its teacher always, for students once the results are revealed. */
    public float[] hiddenOriginal(long id) {
        Challenge challenge = readable(id);
        if (challenge.kind() != ChallengeKind.REPAIR) {
            throw new InvalidInputException("challenge", "challenge.notARepair");
        }
        if (!manages(challenge) && !challenge.revealed()) {
            throw new InvalidInputException("challenge", "challenge.notRevealed");
        }
        return original(challenge);
    }

    private float[] original(Challenge challenge) {
        return digits.byIndex(challenge.settings().hiddenDigit()).orElseThrow().pixels();
    }

    /** The signed-in student's submissions, newest first. */
    public List<Submission> mySubmissions(long id) {
        readable(id);
        return withStudentNames(records.submissionsOf(id, currentUser.require().userId()));
    }

    /** One line per student: their best or last submission, ranked by score (earlier first on equal scores). */
    public List<LeaderboardEntry> leaderboard(long id) {
        Challenge challenge = readable(id);
        if (!manages(challenge) && !challenge.revealed()) {
            throw new InvalidInputException("challenge", "challenge.notRevealed");
        }
        Map<Long, Integer> votes = challenge.classVote() ? records.voteCounts(id) : Map.of();
        List<LeaderboardEntry> board = new ArrayList<>();
        for (Counted counted : counted(challenge)) {
            board.add(new LeaderboardEntry(board.size() + 1, counted.submission(), counted.submissions(),
                    votes.getOrDefault(counted.submission().id(), 0)));
        }
        return board;
    }

    private record Counted(Submission submission, int submissions) {
    }

    /** Each student's counted submission (best or last) with their number of submissions, best score first. */
    private List<Counted> counted(Challenge challenge) {
        Map<Long, List<Submission>> byStudent = new LinkedHashMap<>();
        for (Submission submission : withStudentNames(records.submissions(challenge.id()))) {
            byStudent.computeIfAbsent(submission.studentId(), s -> new ArrayList<>()).add(submission);
        }
        Comparator<Submission> best = Comparator.comparingDouble(Submission::score)
                .thenComparing(Submission::submittedAt, Comparator.reverseOrder())
                .thenComparing(Submission::id, Comparator.reverseOrder());
        List<Counted> counted = new ArrayList<>();
        for (List<Submission> own : byStudent.values()) {
            counted.add(new Counted(challenge.keep() == KeepPolicy.LAST ? own.getLast()
                    : own.stream().max(best).orElseThrow(), own.size()));
        }
        counted.sort(Comparator.comparing((Counted c) -> c.submission().score()).reversed()
                .thenComparing(c -> c.submission().submittedAt()).thenComparing(c -> c.submission().id()));
        return counted;
    }

    /**
     * The class vote as the viewer may see it: its teacher sees names and the running tally; a student sees the
     * answers numbered and without names (their own marked), and the tally only after the reveal.
     */
    public Ballot ballot(long id) {
        Challenge challenge = readable(id);
        if (!challenge.classVote()) {
            throw new InvalidInputException("challenge", "challenge.vote.none");
        }
        boolean manager = manages(challenge);
        long viewer = currentUser.require().userId();
        boolean tallyShown = manager || challenge.revealed();
        Map<Long, Integer> votes = records.voteCounts(id);
        List<Submission> answers = new ArrayList<>(counted(challenge).stream().map(Counted::submission).toList());
        // Numbered in an order that says nothing about score, time or name, and is the same on every page.
        answers.sort(Comparator.comparingLong(s -> ballotOrder(id, s.id())));
        List<Ballot.Entry> entries = new ArrayList<>();
        for (Submission answer : answers) {
            entries.add(new Ballot.Entry(answer.id(), entries.size() + 1, answer.vectors(),
                    answer.studentId() == viewer, tallyShown ? answer.studentName() : "",
                    tallyShown ? votes.getOrDefault(answer.id(), 0) : 0));
        }
        int cast = votes.values().stream().mapToInt(Integer::intValue).sum();
        return new Ballot(challenge.votingOpen(), entries, manager ? Optional.empty() : records.voteOf(id, viewer),
                cast, tallyShown);
    }

    private static long ballotOrder(long challengeId, long submissionId) {
        long mixed = (submissionId + challengeId * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        return mixed ^ (mixed >>> 31);
    }

    /**
     * A student's vote for a classmate's counted answer, taken between the close and the reveal; a new vote
     * replaces the old one. Refused for the teacher, one's own answer, and any answer not on the ballot.
     */
    public void vote(long id, long submissionId) {
        Challenge challenge = readable(id);
        if (!challenge.classVote()) {
            throw new InvalidInputException("challenge", "challenge.vote.none");
        }
        if (manages(challenge)) {
            throw new InvalidInputException("challenge", "challenge.vote.teachers");
        }
        if (!challenge.votingOpen()) {
            throw new InvalidInputException("challenge",
                    challenge.revealed() ? "challenge.vote.over" : "challenge.vote.notYet");
        }
        long voter = currentUser.require().userId();
        Submission answer = counted(challenge).stream().map(Counted::submission)
                .filter(s -> s.id() == submissionId).findFirst()
                .orElseThrow(() -> new InvalidInputException("submission", "challenge.vote.unknown"));
        if (answer.studentId() == voter) {
            throw new InvalidInputException("submission", "challenge.vote.own");
        }
        if (!records.vote(id, voter, submissionId, clock.instant())) {
            // The teacher revealed the results a moment ago.
            throw new InvalidInputException("challenge", "challenge.vote.over");
        }
        events.publishEvent(new ChallengeChanged(id));
    }

    /** The leaderboard as CSV (UTF-8, one line per student), for the teacher. */
    @PreAuthorize("hasRole('TEACHER')")
    public String csv(long id) {
        managed(id);
        StringBuilder csv = new StringBuilder("rank,student,score,submitted_at,submissions,votes,vectors\n");
        for (LeaderboardEntry entry : leaderboard(id)) {
            Submission s = entry.counted();
            csv.append(entry.rank()).append(',').append(quoted(s.studentName())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", s.score())).append(',').append(s.submittedAt())
                    .append(',').append(entry.submissions()).append(',').append(entry.votes()).append(',')
                    .append(quoted(vectors(s.vectors()))).append('\n');
        }
        return csv.toString();
    }

    private static String vectors(List<float[]> vectors) {
        StringBuilder text = new StringBuilder();
        for (float[] vector : vectors) {
            text.append(text.isEmpty() ? "" : " | ");
            for (int d = 0; d < vector.length; d++) {
                text.append(d == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.4f", vector[d]));
            }
        }
        return text.toString();
    }

    /** Quotes a field; a leading = + - @ is defused so that a spreadsheet never runs a name as a formula. */
    static String quoted(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private Challenge readable(long id) {
        SignedInUser user = currentUser.require();
        Challenge challenge = stored(id);
        if (manages(challenge)) {
            return challenge;
        }
        boolean member = !user.isTeacher() && classrooms.myClassIds().contains(challenge.classId());
        if (!member) {
            throw notFound();
        }
        return challenge;
    }

    /** The challenges with the names of their classes, which the classroom module keeps. */
    private List<Challenge> withClassNames(List<Challenge> stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        Map<Long, String> names = classrooms.classNames(stored.stream().map(Challenge::classId).distinct().toList());
        return stored.stream().map(c -> c.withClassName(names.getOrDefault(c.classId(), ""))).toList();
    }

    /** The submissions with the names of their students, which the classroom module keeps. */
    private List<Submission> withStudentNames(List<Submission> stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        Collection<Long> students = stored.stream().map(Submission::studentId).distinct().toList();
        Map<Long, String> names = accounts.displayNames(students);
        return stored.stream().map(s -> s.withStudentName(names.getOrDefault(s.studentId(), ""))).toList();
    }

    private Challenge managed(long id) {
        Challenge challenge = readable(id);
        if (!manages(challenge)) {
            throw notFound();
        }
        return challenge;
    }

    private boolean manages(Challenge challenge) {
        SignedInUser user = currentUser.require();
        if (!user.isTeacher()) {
            return false;
        }
        return user.isAdmin() || classrooms.myClasses().stream().anyMatch(c -> c.id() == challenge.classId());
    }

    private static InvalidInputException notFound() {
        return new InvalidInputException("challenge", "challenge.notFound");
    }
}
