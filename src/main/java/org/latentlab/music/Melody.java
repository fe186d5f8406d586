package org.latentlab.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.latentlab.base.InvalidInputException;

/**
 * A short monophonic melody: two bars of 4/4 cut into 32 steps of one sixteenth note each (16 steps a bar, 4 a
 * beat). Each step holds one token:
 * <ul>
 * <li>{@link #REST}: silence;</li>
 * <li>{@link #HOLD}: the note sounding in the step before goes on (so a quarter note is a pitch and three holds);</li>
 * <li>a MIDI pitch from {@link #LOWEST} (C3) to {@link #HIGHEST} (B5), 36 pitches: a new note starts here.</li>
 * </ul>
 * A hold must continue a note: it may not come first or after a rest. Melodies are values: the token array is
 * copied in and out, and two melodies with the same tokens are equal.
 * <p>
 * The text form ({@link #parse}, {@link #toText}) writes one token per step separated by spaces: {@code .} for a
 * rest, {@code -} for a hold and a note name in scientific pitch notation ({@code C4} = MIDI 60, {@code F#4},
 * {@code Bb3}) or a MIDI number for a note.
 */
public record Melody(int[] tokens) {

    public static final int STEPS = 32;
    public static final int STEPS_PER_BAR = 16;
    public static final int STEPS_PER_BEAT = 4;
    public static final int REST = -1;
    public static final int HOLD = -2;
    /** C3. */
    public static final int LOWEST = 48;
    /** B5. */
    public static final int HIGHEST = 83;
    public static final int PITCHES = HIGHEST - LOWEST + 1;
    /** Token classes of the model: rest, hold and the 36 pitches. */
    public static final int VOCABULARY = PITCHES + 2;

    static final String FIELD = "melody";
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    public Melody {
        if (tokens == null || tokens.length != STEPS) {
            throw new InvalidInputException(FIELD, "challenge.music.melody.length", tokens == null ? 0 : tokens.length,
                    STEPS);
        }
        tokens = tokens.clone();
        for (int step = 0; step < STEPS; step++) {
            int token = tokens[step];
            if (token != REST && token != HOLD && (token < LOWEST || token > HIGHEST)) {
                throw new InvalidInputException(FIELD, "challenge.music.melody.token", step + 1,
                        Integer.toString(token));
            }
            if (token == HOLD && (step == 0 || tokens[step - 1] == REST)) {
                throw new InvalidInputException(FIELD, "challenge.music.melody.hold", step + 1);
            }
        }
    }

    public static Melody of(int... tokens) {
        return new Melody(tokens);
    }

    /** Thirty-two rests. */
    public static Melody silence() {
        int[] tokens = new int[STEPS];
        Arrays.fill(tokens, REST);
        return new Melody(tokens);
    }

    /** The melody in its text form, e.g. {@code "C4 - - - E4 - . ."} (32 tokens). */
    public static Melody parse(String text) {
        String[] parts = text == null || text.isBlank() ? new String[0] : text.strip().split("\\s+");
        if (parts.length != STEPS) {
            throw new InvalidInputException(FIELD, "challenge.music.melody.length", parts.length, STEPS);
        }
        int[] tokens = new int[STEPS];
        for (int step = 0; step < STEPS; step++) {
            tokens[step] = parseToken(parts[step], step);
        }
        return new Melody(tokens);
    }

    private static int parseToken(String part, int step) {
        if (part.equals(".")) {
            return REST;
        }
        if (part.equals("-")) {
            return HOLD;
        }
        OptionalInt pitch = pitchOf(part);
        if (pitch.isEmpty()) {
            throw new InvalidInputException(FIELD, "challenge.music.melody.token", step + 1, part);
        }
        return pitch.getAsInt();
    }

    /** The MIDI number of a note name ({@code C4}, {@code F#3}, {@code Bb5}) or of a plain number, if it is one. */
    static OptionalInt pitchOf(String name) {
        if (name.matches("\\d{1,3}")) {
            return OptionalInt.of(Integer.parseInt(name));
        }
        var matcher = java.util.regex.Pattern.compile("([A-Ga-g])([#b]?)(-?\\d)").matcher(name);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        int base = switch (Character.toUpperCase(matcher.group(1).charAt(0))) {
            case 'C' -> 0;
            case 'D' -> 2;
            case 'E' -> 4;
            case 'F' -> 5;
            case 'G' -> 7;
            case 'A' -> 9;
            default -> 11;
        };
        int accidental = matcher.group(2).equals("#") ? 1 : matcher.group(2).equals("b") ? -1 : 0;
        return OptionalInt.of((Integer.parseInt(matcher.group(3)) + 1) * 12 + base + accidental);
    }

    /** Scientific pitch name with sharps: 60 is {@code C4}, 61 {@code C#4}. */
    public static String noteName(int pitch) {
        return NAMES[Math.floorMod(pitch, 12)] + (Math.floorDiv(pitch, 12) - 1);
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        for (int step = 0; step < STEPS; step++) {
            if (step > 0) {
                text.append(' ');
            }
            int token = tokens[step];
            text.append(token == REST ? "." : token == HOLD ? "-" : noteName(token));
        }
        return text.toString();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    public int token(int step) {
        return tokens[step];
    }

    /** The model's class of a token: 0 rest, 1 hold, 2..37 the pitches C3..B5. */
    public static int tokenClass(int token) {
        return token == REST ? 0 : token == HOLD ? 1 : token - LOWEST + 2;
    }

    /** The token of a model class (the inverse of {@link #tokenClass}). */
    public static int tokenOfClass(int index) {
        if (index < 0 || index >= VOCABULARY) {
            throw new IllegalArgumentException("No token class " + index);
        }
        return index == 0 ? REST : index == 1 ? HOLD : LOWEST + index - 2;
    }

    /** The notes in order: where each starts, its pitch and how many steps it lasts (its holds included). */
    public List<Note> notes() {
        List<Note> notes = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (tokens[step] >= 0) {
                int end = step + 1;
                while (end < STEPS && tokens[end] == HOLD) {
                    end++;
                }
                notes.add(new Note(step, tokens[step], end - step));
            }
        }
        return notes;
    }

    /** The steps at which a note starts. */
    public List<Integer> onsets() {
        return notes().stream().map(Note::step).toList();
    }

    /** The pitch of every note, in order. */
    public List<Integer> pitches() {
        return notes().stream().map(Note::pitch).toList();
    }

    /** The pitch of the last note that sounds, if any. */
    public OptionalInt lastPitch() {
        for (int step = STEPS - 1; step >= 0; step--) {
            if (tokens[step] >= 0) {
                return OptionalInt.of(tokens[step]);
            }
        }
        return OptionalInt.empty();
    }

    /** Semitones between the lowest and the highest note (0 with fewer than two notes). */
    public int range() {
        List<Integer> pitches = pitches();
        if (pitches.isEmpty()) {
            return 0;
        }
        return pitches.stream().mapToInt(Integer::intValue).max().getAsInt()
                - pitches.stream().mapToInt(Integer::intValue).min().getAsInt();
    }

    /** The same melody the given number of semitones higher (or lower), or empty if a note would leave C3..B5. */
    public Optional<Melody> transposed(int semitones) {
        int[] moved = tokens.clone();
        for (int step = 0; step < STEPS; step++) {
            if (moved[step] >= 0) {
                moved[step] += semitones;
                if (moved[step] < LOWEST || moved[step] > HIGHEST) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Melody(moved));
    }

    /** How many of the 32 steps hold the same token in both melodies. */
    public int agreement(Melody other) {
        int same = 0;
        for (int step = 0; step < STEPS; step++) {
            same += tokens[step] == other.tokens[step] ? 1 : 0;
        }
        return same;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Melody melody && Arrays.equals(tokens, melody.tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return "Melody[" + toText() + "]";
    }

    /** One note: it starts at {@code step} and lasts {@code length} sixteenths. */
    public record Note(int step, int pitch, int length) {

        public String name() {
            return noteName(pitch);
        }
    }
}
