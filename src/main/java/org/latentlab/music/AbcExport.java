package org.latentlab.music;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A melody as ABC text that abcjs (and {@link AbcParser}) can read: {@code L:1/16}, {@code M:4/4}, {@code K:C},
 * a bar line every 16 steps. Black keys are written as sharps; since an accidental holds for the rest of its bar,
 * a later natural of the same note in that bar gets {@code =}. Notes and rests are split into lengths with a
 * plain note value (1, 2, 3, 4, 6, 8, 12 or 16 sixteenths: dotted values included), the parts of a note joined by
 * ties, also across the bar line (the continuation repeats its accidental).
 */
public final class AbcExport {

    private static final int[] VALUES = {16, 12, 8, 6, 4, 3, 2, 1};
    private static final String[] NAMES = {"C", "^C", "D", "^D", "E", "F", "^F", "G", "^G", "A", "^A", "B"};

    private AbcExport() {
    }

    public static String toAbc(Melody melody, String title) {
        return toAbc(List.of(melody), title);
    }

    /** Melodies one after the other (a morph's steps, say), as one tune of two bars per melody. */
    public static String toAbc(List<Melody> melodies, String title) {
        String cleanTitle = title == null || title.isBlank() ? "Melody" : title.replaceAll("[\\r\\n]+", " ").strip();
        StringBuilder abc = new StringBuilder("X:1\nT:").append(cleanTitle)
                .append("\nM:4/4\nL:1/16\nK:C\n");
        int[] tokens = new int[melodies.size() * Melody.STEPS];
        for (int i = 0; i < melodies.size(); i++) {
            System.arraycopy(melodies.get(i).tokens(), 0, tokens, i * Melody.STEPS, Melody.STEPS);
        }
        Map<Integer, Boolean> sharpened = new HashMap<>();
        int step = 0;
        while (step < tokens.length) {
            int barEnd = (step / Melody.STEPS_PER_BAR + 1) * Melody.STEPS_PER_BAR;
            int token = tokens[step];
            int end = step + 1;
            if (token == Melody.REST) {
                while (end < barEnd && tokens[end] == Melody.REST) {
                    end++;
                }
                appendLengths(abc, "z", end - step, false);
            } else {
                int pitch = token == Melody.HOLD ? soundingPitch(tokens, step) : token;
                while (end < barEnd && tokens[end] == Melody.HOLD) {
                    end++;
                }
                boolean tiedOn = end < tokens.length && end == barEnd && tokens[end] == Melody.HOLD;
                appendLengths(abc, noteName(pitch, sharpened), end - step, tiedOn);
            }
            step = end;
            if (step % Melody.STEPS_PER_BAR == 0) {
                // Four bars to a line keeps a long morph readable.
                abc.append(step == tokens.length ? " |]" : step % (4 * Melody.STEPS_PER_BAR) == 0 ? " |\n" : " | ");
                sharpened.clear();
            } else {
                abc.append(' ');
            }
        }
        return abc.append('\n').toString();
    }

    private static int soundingPitch(int[] tokens, int step) {
        int s = step;
        while (tokens[s] == Melody.HOLD) {
            s--;
        }
        return tokens[s];
    }

    /** The ABC name of a pitch, with {@code ^} or {@code =} as the bar's accidentals so far require. */
    private static String noteName(int pitch, Map<Integer, Boolean> sharpened) {
        String name = NAMES[Math.floorMod(pitch, 12)];
        boolean sharp = name.startsWith("^");
        String letter = sharp ? name.substring(1) : name;
        int octave = Math.floorDiv(pitch, 12) - 5; // 0 for C4..B4
        int natural = pitch - (sharp ? 1 : 0);
        String accidental = "";
        if (sharp) {
            accidental = "^";
            sharpened.put(natural, true);
        } else if (Boolean.TRUE.equals(sharpened.get(natural))) {
            accidental = "=";
            sharpened.put(natural, false);
        }
        StringBuilder text = new StringBuilder(accidental);
        if (octave >= 1) {
            text.append(letter.toLowerCase(java.util.Locale.ROOT)).append("'".repeat(octave - 1));
        } else {
            text.append(letter).append(",".repeat(-octave));
        }
        return text.toString();
    }

    /** The symbol for {@code length} sixteenths, split into plain values; a note's parts are tied. */
    private static void appendLengths(StringBuilder abc, String symbol, int length, boolean tiedOn) {
        int left = length;
        boolean first = true;
        while (left > 0) {
            for (int value : VALUES) {
                if (value <= left) {
                    if (!first) {
                        abc.append(symbol.equals("z") ? " " : "-");
                    }
                    abc.append(symbol);
                    if (value > 1) {
                        abc.append(value);
                    }
                    left -= value;
                    first = false;
                    break;
                }
            }
        }
        if (tiedOn) {
            abc.append('-');
        }
    }
}
