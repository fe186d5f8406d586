package org.latentlab.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.latentlab.base.InvalidInputException;

/**
 * How the server scores the two music challenges. Pure functions: a melody (or a path of melodies) in, a score
 * from 0 to 100 and the rule results out. Every rule result carries a message key and its arguments, so the page
 * shows the student, in their language, what each rule found and how many points it gave; the rules themselves
 * are described to the students before they start ({@link #C_MAJOR_RULES}, {@link #MORPH_RULES}). Each rule's
 * points are rounded to a whole number and the score is their sum, so the shown points always add up.
 */
public final class MelodyRules {

    /** Message keys describing the challenges and their scoring, to show before a student starts. */
    public static final String C_MAJOR_TITLE = "challenge.music.cmajor.title";
    public static final String C_MAJOR_RULES = "challenge.music.cmajor.rules";
    public static final String MORPH_TITLE = "challenge.music.morph.title";
    public static final String MORPH_RULES = "challenge.music.morph.rules";

    /** Pitch classes of the C major scale: C D E F G A B. */
    static final Set<Integer> C_MAJOR = Set.of(0, 2, 4, 5, 7, 9, 11);
    static final int IN_KEY_POINTS = 40;
    static final int TONIC_POINTS = 30;
    static final int NOTES_POINTS = 15;
    static final int RANGE_POINTS = 15;
    static final int MIN_NOTES = 3;
    static final int ENOUGH_NOTES = 6;
    /** An octave and a half. */
    static final int MAX_RANGE = 18;

    /** The morph challenge: this many melodies, from A to B. */
    public static final int MORPH_STEPS = 8;
    static final int START_POINTS = 30;
    static final int END_POINTS = 30;
    static final int SMOOTH_POINTS = 40;
    /** Most steps (of 32) one melody of the path may change from the one before. */
    public static final int MAX_CHANGE = 8;
    /** Smoothness points lost for each changed step beyond {@link #MAX_CHANGE}. */
    static final int CHANGE_COST = 5;

    private MelodyRules() {
    }

    /**
     * One rule's finding.
     *
     * @param messageKey what to show, e.g. {@code challenge.music.cmajor.tonic}
     * @param arguments  its arguments (numbers and note names), in the order of the message's placeholders
     * @param passed     whether the rule is fully met
     * @param points     the points it gave, a whole number
     * @param maxPoints  the most it can give (0 for notes that only explain another rule)
     */
    public record RuleResult(String messageKey, List<Object> arguments, boolean passed, int points, int maxPoints) {

        public RuleResult {
            arguments = List.copyOf(arguments);
        }
    }

    /** A score from 0 to 100 and how it came about. */
    public record Score(int score, List<RuleResult> rules) {

        public Score {
            rules = List.copyOf(rules);
        }

        static Score of(List<RuleResult> rules) {
            return new Score(rules.stream().mapToInt(RuleResult::points).sum(), rules);
        }
    }

    /**
     * "Compose a melody in C major that ends on the tonic." With n notes (onsets; a held note counts once):
     * <ul>
     * <li>fewer than 3 notes: 0 points in all, one rule saying so;</li>
     * <li>in key: 40 × (notes whose pitch is in C D E F G A B) / n;</li>
     * <li>tonic: 30 if the last note that sounds is a C (any octave), else 0;</li>
     * <li>enough notes: 15 × min(1, n / 6);</li>
     * <li>range: 15 if the highest and lowest notes are at most 18 semitones (an octave and a half) apart, else 0.</li>
     * </ul>
     * So a melody of six or more notes, all in C major, within an octave and a half and ending on C scores 100.
     */
    public static Score cMajorEndingOnTonic(Melody melody) {
        List<Melody.Note> notes = melody.notes();
        int n = notes.size();
        List<RuleResult> rules = new ArrayList<>();
        if (n < MIN_NOTES) {
            rules.add(new RuleResult("challenge.music.cmajor.tooFewNotes", List.of(n, MIN_NOTES), false, 0, 100));
            return Score.of(rules);
        }
        int inKey = (int) notes.stream().filter(note -> C_MAJOR.contains(Math.floorMod(note.pitch(), 12))).count();
        int keyPoints = (int) Math.round(IN_KEY_POINTS * inKey / (double) n);
        rules.add(new RuleResult("challenge.music.cmajor.inKey", List.of(inKey, n, keyPoints, IN_KEY_POINTS),
                inKey == n, keyPoints, IN_KEY_POINTS));
        int last = melody.lastPitch().orElseThrow();
        boolean tonic = Math.floorMod(last, 12) == 0;
        rules.add(new RuleResult(tonic ? "challenge.music.cmajor.tonic" : "challenge.music.cmajor.notTonic",
                List.of(Melody.noteName(last), tonic ? TONIC_POINTS : 0, TONIC_POINTS), tonic,
                tonic ? TONIC_POINTS : 0, TONIC_POINTS));
        int notePoints = (int) Math.round(NOTES_POINTS * Math.min(1.0, n / (double) ENOUGH_NOTES));
        rules.add(new RuleResult("challenge.music.cmajor.notes", List.of(n, ENOUGH_NOTES, notePoints, NOTES_POINTS),
                n >= ENOUGH_NOTES, notePoints, NOTES_POINTS));
        int range = melody.range();
        boolean narrow = range <= MAX_RANGE;
        rules.add(new RuleResult("challenge.music.cmajor.range",
                List.of(range, MAX_RANGE, narrow ? RANGE_POINTS : 0, RANGE_POINTS), narrow,
                narrow ? RANGE_POINTS : 0, RANGE_POINTS));
        return Score.of(rules);
    }

    /**
     * "Morph melody A into melody B in 8 steps": the path is 8 melodies, the first meant to be A and the last B.
     * <ul>
     * <li>start: 30 × (steps of the first melody equal to A's) / 32;</li>
     * <li>end: 30 × (steps of the last melody equal to B's) / 32;</li>
     * <li>smoothness: with c the most steps that change from one melody of the path to the next,
     * max(0, 40 − 5 × (c − 8)) for c above 8, else 40: every step beyond 8 costs 5 points, a change of 16 steps
     * or more leaves none; every pair that changes more than 8 steps is named in a rule of its own (0 points).</li>
     * </ul>
     * A path that jumps from A to B in one go therefore loses most of the smoothness points, however well it starts
     * and ends.
     */
    public static Score morph(Melody a, Melody b, List<Melody> path) {
        if (path == null || path.size() != MORPH_STEPS) {
            throw new InvalidInputException("path", "challenge.music.morph.count", MORPH_STEPS,
                    path == null ? 0 : path.size());
        }
        List<RuleResult> rules = new ArrayList<>();
        int start = path.getFirst().agreement(a);
        int startPoints = (int) Math.round(START_POINTS * start / (double) Melody.STEPS);
        rules.add(new RuleResult("challenge.music.morph.start", List.of(start, Melody.STEPS, startPoints, START_POINTS),
                start == Melody.STEPS, startPoints, START_POINTS));
        int end = path.getLast().agreement(b);
        int endPoints = (int) Math.round(END_POINTS * end / (double) Melody.STEPS);
        rules.add(new RuleResult("challenge.music.morph.end", List.of(end, Melody.STEPS, endPoints, END_POINTS),
                end == Melody.STEPS, endPoints, END_POINTS));
        int largest = 0;
        List<RuleResult> jumps = new ArrayList<>();
        for (int i = 1; i < path.size(); i++) {
            int changed = Melody.STEPS - path.get(i).agreement(path.get(i - 1));
            largest = Math.max(largest, changed);
            if (changed > MAX_CHANGE) {
                jumps.add(new RuleResult("challenge.music.morph.jump", List.of(i, i + 1, changed, MAX_CHANGE), false,
                        0, 0));
            }
        }
        int smoothPoints = Math.max(0, SMOOTH_POINTS - CHANGE_COST * Math.max(0, largest - MAX_CHANGE));
        rules.add(new RuleResult("challenge.music.morph.smooth", List.of(largest, MAX_CHANGE, smoothPoints,
                SMOOTH_POINTS), largest <= MAX_CHANGE, smoothPoints, SMOOTH_POINTS));
        rules.addAll(jumps);
        return Score.of(rules);
    }

    /**
     * The morph challenge handed in as 8 latent codes: the server decodes them with the given model and scores
     * the melodies. Codes of the wrong length or with non-finite numbers are refused.
     */
    public static Score morph(MelodyCodec codec, Melody a, Melody b, List<float[]> codes) {
        if (codes == null || codes.size() != MORPH_STEPS) {
            throw new InvalidInputException("path", "challenge.music.morph.count", MORPH_STEPS,
                    codes == null ? 0 : codes.size());
        }
        return morph(a, b, codec.decode(codes));
    }
}
