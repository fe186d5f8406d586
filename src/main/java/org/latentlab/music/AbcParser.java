package org.latentlab.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subset of ABC notation (abcnotation.com, standard 2.1) that short monophonic tunes need, into
 * 32-step {@link Melody melodies}.
 * <p>
 * <b>Header</b>: a tune starts with {@code X:} (a number) and needs {@code T:} (title) and {@code K:} (key, which
 * ends the header). {@code O:} (origin) and {@code S:} (source) are kept; {@code M:} (meter) and {@code L:} (unit
 * note length; without it 1/8, or 1/16 for meters below 3/4, as the standard says) are read; other fields such as
 * {@code C:}, {@code N:}, {@code R:} or {@code Z:} are ignored. Keys: a tonic {@code A}–{@code G} with an optional
 * {@code #} or {@code b}, then a mode: none or {@code maj} (major), {@code m}/{@code min} (minor), {@code dor},
 * {@code phr}, {@code lyd}, {@code mix}, {@code aeo}, {@code loc}, {@code ion}; e.g. {@code G}, {@code Bb},
 * {@code F#m}, {@code Ddor}. {@code L:}, {@code M:} and {@code K:} may also change in the body, on their own line
 * or inline as {@code [K:G]}.
 * <p>
 * <b>Body</b>: notes {@code C}–{@code B} (C4 = middle C, MIDI 60) and {@code c}–{@code b} (an octave higher), each
 * {@code ,} an octave lower and each {@code '} an octave higher; accidentals {@code ^} (sharp), {@code _} (flat),
 * {@code =} (natural), doubled for double sharp or flat, which hold for the same note until the next bar line, as in
 * the standard; rests {@code z} (and invisible {@code x}); lengths as multiples of the unit: {@code 2}, {@code 3},
 * {@code /2}, {@code /}, {@code 3/2}, {@code //}; broken rhythm {@code a>b} (3/2 and 1/2 of their lengths) and
 * {@code a<b}; ties {@code -} between two notes of the same pitch. Bar lines ({@code | || |] [| |: :| ::}) only
 * reset accidentals: the tune is read as one stream of sixteenths, so tunes in 3/4 or 6/8 simply give their first
 * 32 sixteenths (two bars of 3/4 and two thirds of the third). Chord symbols in quotes, decorations
 * ({@code !trill!}, {@code ~}), slurs {@code ( )}, spaces and comments ({@code %}) are skipped.
 * <p>
 * <b>Refused</b>, with the tune, line, column and symbol in the message: tuplets ({@code (3abc}), chords
 * ({@code [CEG]}), grace notes ({@code {g}}), multi-bar rests ({@code Z}), repeat endings ({@code [1}), lengths that
 * are not a whole number of sixteenths, ties between different pitches, and anything else we do not know.
 * <p>
 * <b>Melody</b>: notes outside C3..B5 are moved by whole octaves into that range; the first 32 sixteenths are kept,
 * a shorter tune is padded with rests.
 */
final class AbcParser {

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z]):(.*)$");
    private static final Pattern KEY = Pattern.compile(
            "^([A-Ga-g])([#b]?)\\s*(maj|major|ion|ionian|m|min|minor|aeo|aeolian|dor|dorian|phr|phrygian|lyd|lydian|"
                    + "mix|mixolydian|loc|locrian)?$");
    /** Steps around the circle of fifths of each letter as a major key: F -1, C 0, G 1 ... B 5. */
    private static final Map<Character, Integer> FIFTHS = Map.of('F', -1, 'C', 0, 'G', 1, 'D', 2, 'A', 3, 'E', 4,
            'B', 5);
    private static final String SHARP_ORDER = "FCGDAEB";
    private static final String FLAT_ORDER = "BEADGCF";

    private AbcParser() {
    }

    /** Every tune of a file (tunes start at their {@code X:} line; text before the first is ignored). */
    static List<AbcTune> parseAll(String text) {
        List<String> lines = text.lines().toList();
        List<AbcTune> tunes = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean next = i == lines.size() || lines.get(i).startsWith("X:");
            if (next && start >= 0) {
                tunes.add(new TuneReader(lines, start, i).read());
            }
            if (next) {
                start = i;
            }
        }
        return tunes;
    }

    /** One tune: the text must start with its {@code X:} line. */
    static AbcTune parse(String text) {
        List<String> lines = text.strip().lines().toList();
        if (lines.isEmpty() || !lines.getFirst().startsWith("X:")) {
            throw new AbcSyntaxException("The tune must start with an X: line", "challenge.music.abc.field", "?",
                    "X:");
        }
        List<AbcTune> tunes = parseAll(text.strip());
        if (tunes.size() != 1) {
            throw new AbcSyntaxException("Expected one tune, found " + tunes.size(), "challenge.music.abc.field",
                    tunes.get(1).label(), "X:");
        }
        return tunes.getFirst();
    }

    /** The key signature: the semitone offset of each letter A..G (index 0 = A), e.g. G major sharpens F. */
    static int[] keySignature(String key, String tuneLabel) {
        String value = key.strip();
        int[] signature = new int[7];
        if (value.isEmpty() || value.equalsIgnoreCase("none")) {
            return signature;
        }
        Matcher matcher = KEY.matcher(Character.toUpperCase(value.charAt(0))
                + value.substring(1).toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new AbcSyntaxException("Tune " + tuneLabel + ": the key \"" + value + "\" is not one we read",
                    "challenge.music.abc.key", tuneLabel, value);
        }
        int fifths = FIFTHS.get(Character.toUpperCase(matcher.group(1).charAt(0)));
        fifths += matcher.group(2).equals("#") ? 7 : matcher.group(2).equals("b") ? -7 : 0;
        String mode = matcher.group(3) == null ? "maj" : matcher.group(3);
        fifths += switch (mode.substring(0, Math.min(3, mode.length()))) {
            case "dor" -> -2;
            case "phr" -> -4;
            case "lyd" -> 1;
            case "mix" -> -1;
            case "m", "min", "aeo" -> -3;
            case "loc" -> -5;
            default -> 0;
        };
        if (fifths < -7 || fifths > 7) {
            throw new AbcSyntaxException("Tune " + tuneLabel + ": the key \"" + value + "\" needs more than 7 sharps "
                    + "or flats", "challenge.music.abc.key", tuneLabel, value);
        }
        for (int i = 0; i < Math.abs(fifths); i++) {
            char letter = fifths > 0 ? SHARP_ORDER.charAt(i) : FLAT_ORDER.charAt(i);
            signature[letter - 'A'] = fifths > 0 ? 1 : -1;
        }
        return signature;
    }

    /** A note or rest before it is cut into sixteenths; its length is {@code num/den} of a whole note. */
    private static final class Event {
        final boolean rest;
        final int pitch;
        long num;
        long den;
        boolean tied;
        final int line;
        final int column;
        final String symbol;

        Event(boolean rest, int pitch, long num, long den, int line, int column, String symbol) {
            this.rest = rest;
            this.pitch = pitch;
            this.num = num;
            this.den = den;
            this.line = line;
            this.column = column;
            this.symbol = symbol;
        }

        void scale(long n, long d) {
            num *= n;
            den *= d;
        }
    }

    private static final class TuneReader {
        private final List<String> lines;
        private final int from;
        private final int to;
        private String label;
        private int number;
        private String title;
        private final List<String> subtitles = new ArrayList<>();
        private String origin = "";
        private String source = "";
        private String meter = "";
        private String unit;
        private String keyText;
        private long unitNum = 1;
        private long unitDen = 8;
        private int[] signature;
        private final Map<Integer, Integer> barAccidentals = new HashMap<>();
        private final List<Event> events = new ArrayList<>();
        private int brokenPending;
        private int brokenLevel;
        private int line;

        TuneReader(List<String> lines, int from, int to) {
            this.lines = lines;
            this.from = from;
            this.to = to;
        }

        AbcTune read() {
            String numberText = lines.get(from).substring(2).strip();
            label = numberText.isEmpty() ? "?" : numberText;
            try {
                number = Integer.parseInt(numberText);
            } catch (NumberFormatException e) {
                throw fieldError("X:");
            }
            int i = from + 1;
            for (; i < to && keyText == null; i++) {
                line = i + 1;
                String text = stripComment(lines.get(i)).strip();
                if (text.isEmpty()) {
                    continue;
                }
                Matcher field = FIELD.matcher(text);
                if (!field.matches()) {
                    throw fieldError("K:");
                }
                header(field.group(1).charAt(0), field.group(2).strip());
            }
            if (title == null) {
                throw fieldError("T:");
            }
            if (keyText == null) {
                throw fieldError("K:");
            }
            if (unit == null) {
                setDefaultUnit();
            }
            for (; i < to; i++) {
                line = i + 1;
                String text = stripComment(lines.get(i));
                Matcher field = FIELD.matcher(text.strip());
                if (field.matches()) {
                    bodyField(field.group(1).charAt(0), field.group(2).strip());
                } else {
                    body(text);
                }
            }
            if (brokenPending != 0) {
                Event last = events.getLast();
                throw symbolError(last.line, last.column, brokenPending > 0 ? ">" : "<");
            }
            return render();
        }

        private static String stripComment(String text) {
            int comment = text.indexOf('%');
            return comment < 0 ? text : text.substring(0, comment);
        }

        private void header(char field, String value) {
            switch (field) {
                case 'T' -> {
                    if (title == null) {
                        title = value;
                        label = number + " \"" + value + "\"";
                    } else {
                        subtitles.add(value);
                    }
                }
                case 'O' -> origin = value;
                case 'S' -> source = value;
                case 'M' -> meter = value;
                case 'L' -> setUnit(value);
                case 'K' -> setKey(value);
                case 'X' -> throw fieldError("X:");
                default -> {
                    // C: composer, N: notes, Z: transcription, R: rhythm, ...: kept in the text, not needed here.
                }
            }
        }

        private void bodyField(char field, String value) {
            switch (field) {
                case 'L' -> setUnit(value);
                case 'M' -> meter = value;
                case 'K' -> setKey(value);
                case 'T', 'N', 'W', 'w', 'P' -> {
                    // Titles of parts, notes and lyrics: not music.
                }
                default -> throw symbolError(line, 1, field + ":");
            }
        }

        private void setUnit(String value) {
            Matcher matcher = Pattern.compile("(\\d+)/(\\d+)").matcher(value);
            if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0 || Long.parseLong(matcher.group(2)) == 0) {
                throw fieldError("L:");
            }
            unit = value;
            unitNum = Long.parseLong(matcher.group(1));
            unitDen = Long.parseLong(matcher.group(2));
        }

        private void setDefaultUnit() {
            Matcher matcher = Pattern.compile("(\\d+)/(\\d+)").matcher(meter);
            boolean small = matcher.matches()
                    && Double.parseDouble(matcher.group(1)) / Double.parseDouble(matcher.group(2)) < 0.75;
            unit = small ? "1/16" : "1/8";
            unitNum = 1;
            unitDen = small ? 16 : 8;
        }

        private void setKey(String value) {
            signature = keySignature(value, label);
            if (keyText == null) {
                keyText = value;
            }
        }

        private void body(String text) {
            int i = 0;
            int length = text.length();
            while (i < length) {
                char c = text.charAt(i);
                int column = i + 1;
                if (Character.isWhitespace(c) || c == '\\' || c == '`') {
                    i++;
                } else if (c == '|' || c == ':' || c == ']') {
                    barAccidentals.clear();
                    i++;
                    if (i < length && Character.isDigit(text.charAt(i))) {
                        throw symbolError(line, column, text.substring(column - 1, i + 1));
                    }
                } else if (c == '[') {
                    i = bracket(text, i);
                } else if (c == '"') {
                    int end = text.indexOf('"', i + 1);
                    if (end < 0) {
                        throw symbolError(line, column, text.substring(i));
                    }
                    i = end + 1;
                } else if (c == '!' || c == '+') {
                    int end = text.indexOf(c, i + 1);
                    if (end < 0) {
                        throw symbolError(line, column, text.substring(i));
                    }
                    i = end + 1;
                } else if (c == '~') {
                    i++;
                } else if (c == '(') {
                    if (i + 1 < length && Character.isDigit(text.charAt(i + 1))) {
                        throw new AbcSyntaxException(where(line, column) + ": tuplets such as \""
                                + text.substring(i, i + 2) + "\" are not supported", "challenge.music.abc.tuplet",
                                label, line, column, text.substring(i, i + 2));
                    }
                    i++;
                } else if (c == ')') {
                    i++;
                } else if (c == '-') {
                    if (events.isEmpty() || events.getLast().rest) {
                        throw symbolError(line, column, "-");
                    }
                    events.getLast().tied = true;
                    i++;
                } else if (c == '>' || c == '<') {
                    int end = i;
                    while (end < length && text.charAt(end) == c) {
                        end++;
                    }
                    if (events.isEmpty() || brokenPending != 0) {
                        throw symbolError(line, column, text.substring(i, end));
                    }
                    brokenLevel = end - i;
                    brokenPending = c == '>' ? 1 : -1;
                    long d = 1L << brokenLevel;
                    Event previous = events.getLast();
                    if (c == '>') {
                        previous.scale(2 * d - 1, d);
                    } else {
                        previous.scale(1, d);
                    }
                    i = end;
                } else if ("^_=".indexOf(c) >= 0 || "ABCDEFGabcdefg".indexOf(c) >= 0 || c == 'z' || c == 'x') {
                    i = note(text, i);
                } else {
                    int end = i + 1;
                    if (c == '{') {
                        int close = text.indexOf('}', i);
                        end = close < 0 ? length : close + 1;
                    }
                    throw symbolError(line, column, text.substring(i, end));
                }
            }
        }

        /** {@code [|} bar line, {@code [K:G]} inline field; chords and repeat endings are refused. */
        private int bracket(String text, int i) {
            int column = i + 1;
            int length = text.length();
            if (i + 1 < length && text.charAt(i + 1) == '|') {
                barAccidentals.clear();
                return i + 2;
            }
            int close = text.indexOf(']', i);
            String inside = close < 0 ? text.substring(i) : text.substring(i, close + 1);
            if (i + 2 < length && Character.isLetter(text.charAt(i + 1)) && text.charAt(i + 2) == ':' && close > 0) {
                bodyField(text.charAt(i + 1), text.substring(i + 3, close).strip());
                return close + 1;
            }
            if (i + 1 < length && Character.isDigit(text.charAt(i + 1))) {
                throw symbolError(line, column, text.substring(i, i + 2));
            }
            throw new AbcSyntaxException(where(line, column) + ": chords such as \"" + inside
                    + "\" are not supported; write one note at a time", "challenge.music.abc.chord", label, line,
                    column, inside);
        }

        private int note(String text, int i) {
            int start = i;
            int length = text.length();
            int accidental = 0;
            boolean explicit = false;
            while (i < length && "^_=".indexOf(text.charAt(i)) >= 0) {
                char a = text.charAt(i);
                accidental += a == '^' ? 1 : a == '_' ? -1 : 0;
                explicit = true;
                i++;
            }
            if (i >= length) {
                throw symbolError(line, start + 1, text.substring(start));
            }
            char letter = text.charAt(i);
            boolean rest = letter == 'z' || letter == 'x';
            if (rest && explicit || !rest && "ABCDEFGabcdefg".indexOf(letter) < 0 || Math.abs(accidental) > 2) {
                throw symbolError(line, start + 1, text.substring(start, i + 1));
            }
            i++;
            int pitch = 0;
            if (!rest) {
                int octave = Character.isLowerCase(letter) ? 1 : 0;
                while (i < length && (text.charAt(i) == ',' || text.charAt(i) == '\'')) {
                    octave += text.charAt(i) == '\'' ? 1 : -1;
                    i++;
                }
                char upper = Character.toUpperCase(letter);
                int natural = 60 + "C D EF G A B".indexOf(upper) + 12 * octave;
                if (explicit) {
                    barAccidentals.put(natural, accidental);
                }
                pitch = natural + barAccidentals.getOrDefault(natural, signature[upper - 'A']);
            }
            long num = 1;
            long den = 1;
            int digits = i;
            while (i < length && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i > digits) {
                num = parseLength(text, digits, i, start);
            }
            while (i < length && text.charAt(i) == '/') {
                i++;
                int denominator = i;
                while (i < length && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                den *= i > denominator ? parseLength(text, denominator, i, start) : 2;
            }
            String symbol = text.substring(start, i);
            if (num == 0 || den == 0) {
                throw lengthError(line, start + 1, symbol);
            }
            Event event = new Event(rest, pitch, num * unitNum, den * unitDen, line, start + 1, symbol);
            if (brokenPending != 0) {
                long d = 1L << brokenLevel;
                if (brokenPending > 0) {
                    event.scale(1, d);
                } else {
                    event.scale(2 * d - 1, d);
                }
                brokenPending = 0;
            }
            events.add(event);
            return i;
        }

        private long parseLength(String text, int from, int to, int start) {
            if (to - from > 3) {
                throw lengthError(line, start + 1, text.substring(start, to));
            }
            return Long.parseLong(text.substring(from, to));
        }

        private AbcTune render() {
            List<Integer> steps = new ArrayList<>();
            int moved = 0;
            for (int e = 0; e < events.size(); e++) {
                Event event = events.get(e);
                long scaled = 16 * event.num;
                if (scaled % event.den != 0) {
                    throw lengthError(event.line, event.column, event.symbol);
                }
                int sixteenths = Math.toIntExact(scaled / event.den);
                if (event.rest) {
                    for (int s = 0; s < sixteenths; s++) {
                        steps.add(Melody.REST);
                    }
                    continue;
                }
                if (event.tied) {
                    Event next = e + 1 < events.size() ? events.get(e + 1) : null;
                    if (next == null || next.rest || next.pitch != event.pitch) {
                        throw new AbcSyntaxException(where(event.line, event.column) + ": the tie after \""
                                + event.symbol + "\" does not lead to a note of the same pitch",
                                "challenge.music.abc.tie", label, event.line, event.column, event.symbol);
                    }
                }
                boolean continued = e > 0 && events.get(e - 1).tied;
                int pitch = event.pitch;
                while (pitch < Melody.LOWEST) {
                    pitch += 12;
                }
                while (pitch > Melody.HIGHEST) {
                    pitch -= 12;
                }
                if (pitch != event.pitch && !continued) {
                    moved++;
                }
                for (int s = 0; s < sixteenths; s++) {
                    steps.add(s == 0 && !continued ? pitch : Melody.HOLD);
                }
            }
            if (steps.isEmpty()) {
                throw new AbcSyntaxException("Tune " + label + " has no notes", "challenge.music.abc.empty", label);
            }
            int[] tokens = new int[Melody.STEPS];
            Arrays.fill(tokens, Melody.REST);
            for (int s = 0; s < Math.min(Melody.STEPS, steps.size()); s++) {
                tokens[s] = steps.get(s);
            }
            return new AbcTune(number, title, subtitles, origin, source, meter, unit, keyText, new Melody(tokens),
                    steps.size(), moved, from + 1);
        }

        private String where(int atLine, int column) {
            return "Tune " + label + ", line " + atLine + ", column " + column;
        }

        private AbcSyntaxException symbolError(int atLine, int column, String symbol) {
            return new AbcSyntaxException(where(atLine, column) + ": cannot read \"" + symbol + "\" here",
                    "challenge.music.abc.symbol", label, atLine, column, symbol);
        }

        private AbcSyntaxException lengthError(int atLine, int column, String symbol) {
            return new AbcSyntaxException(where(atLine, column) + ": the note \"" + symbol + "\" does not last a whole "
                    + "number of sixteenths", "challenge.music.abc.length", label, atLine, column, symbol);
        }

        private AbcSyntaxException fieldError(String field) {
            return new AbcSyntaxException("Tune " + label + " (line " + (line == 0 ? from + 1 : line)
                    + "): the field " + field + " is missing or cannot be read", "challenge.music.abc.field", label,
                    field);
        }
    }
}
