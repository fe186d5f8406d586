package org.latentlab.lesson.importer;

import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Repairs mojibake: UTF-8 text that was once decoded with a single-byte character set (Mac OS Roman, Windows-1252,
 * ISO-8859-1), possibly twice, so that "✅" became "‚úÖ" (Mac OS Roman) or "âœ…" (Windows-1252).
 *
 * <p>The repair is general, not a table of known damaged strings. Damage turns every byte of a multi-byte UTF-8
 * character into one non-ASCII character, so it always shows as a run of non-ASCII characters that the legacy
 * character set can encode. For each such run and each candidate character set the run is encoded back to bytes and
 * those bytes are decoded as UTF-8, strictly. Correct text almost never survives that: a lone "é", "€" or "ñ", or
 * Hebrew, Cyrillic, CJK and emoji (which the legacy sets cannot even encode) give invalid UTF-8 and stay as they
 * are. Repeating the repair until nothing changes undoes double damage.
 *
 * <p>The few ways correct text could look like valid UTF-8 are guarded against. A repair is accepted only when it
 * covers a whole run, or at least three bytes of a longer run (a damaged emoji next to a correct "é"); results with
 * unassigned, private-use or noncharacter code points are rejected. Results that are possible but unlikely in
 * correct text are "weak":
 * <ul>
 * <li>a single character of a non-Latin script touching an ASCII letter or digit ("café…”" in Windows-1252 would
 * give "caf酔", "l’été" in Mac OS Roman the Armenian "lՎté"), or coming from a single two-byte sequence ("–à"
 * would give the Cyrillic "Ј");</li>
 * <li>a single rarely used character from a two-byte sequence ("Et…écoute" would give "EtɎcoute"): anything but
 * Latin-1, Latin Extended-A and letters of other scripts;</li>
 * <li>a result that starts with a combining mark ("€™" would give U+06EA), and partial repairs of a run.</li>
 * </ul>
 * Weak repairs are made only when unambiguous repairs in the same pass prove that the text is damaged, and, for
 * characters of another script, only when those repairs produced that script too. Among weak repairs of the same
 * place, the charset most unambiguous repairs came from wins. So a Hebrew prefix glued to a Latin word, or a Russian
 * one-letter word, is repaired in a damaged Hebrew or Russian file, while a French file with one damaged emoji
 * keeps its correct "l’été".
 *
 * <p>Runs containing C1 controls or U+F8FF (the Apple logo of Mac OS Roman) are never weak: correct text does not
 * contain them. A C1 control in a result is accepted only when the run had some too (a step of double damage through
 * ISO-8859-1 or the undefined Windows-1252 bytes). Evidence counts per pass, and passes after the first only look
 * where the previous pass repaired, so text the first pass made correct is not taken for damage a second time.
 *
 * <p>Known limits: damage that replaced bytes by U+FFFD cannot be undone; a text whose only damaged characters are
 * rare ones (say the Fula letters ɓ and ɗ, and nothing else) keeps them damaged for lack of evidence; and a
 * deliberately typed "Ã©" is taken for damage and repaired, because real damaged files matter more.
 */
public final class MojibakeRepair {

    /** Double damage needs two passes; a few more cost nothing and cover triple damage. */
    private static final int MAX_PASSES = 5;

    private static final Set<UnicodeScript> LATIN_LIKE = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.COMMON,
            UnicodeScript.INHERITED);

    private MojibakeRepair() {
    }

    /**
     * The repaired text.
     *
     * @param text     the text, repaired where it was damaged
     * @param repairs  how many damaged places were repaired (counted in the first pass, so a doubly damaged place
     *                 counts once)
     * @param charsets the character sets the damage came from, in the order they were first met
     */
    public record Result(String text, int repairs, List<String> charsets) {

        public Result {
            charsets = List.copyOf(charsets);
        }

        public boolean changed() {
            return repairs > 0;
        }
    }

    /** The legacy character sets whose decoding of UTF-8 bytes is undone. Order breaks ties only. */
    enum Legacy {
        /**
         * Windows-1252, extended for encoding: its five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) and every
         * other C1 control character map to the byte of the same value. That is how browsers and most tools decode
         * those bytes, and it makes ISO-8859-1 a subset: the two agree on 0xA0..0xFF and ISO-8859-1 turns
         * 0x80..0x9F into exactly those C1 controls. One table thus repairs both.
         */
        WINDOWS_1252("Windows-1252 or ISO-8859-1", Tables.WINDOWS_1252_80_TO_9F
                + Tables.latin1From(0xA0), true, Map.of()),
        /**
         * Mac OS Roman as Java decodes it. Older tables had the generic currency sign at 0xDB and the Ohm sign at
         * 0xBD; both are accepted too.
         */
        MAC_ROMAN("Mac OS Roman", Tables.MAC_ROMAN_80_TO_FF, false, Map.of('\u00A4', 0xDB, '\u2126', 0xBD));

        private final String label;
        private final Map<Character, Integer> toByte = new HashMap<>();

        Legacy(String label, String high, boolean c1Fallback, Map<Character, Integer> aliases) {
            this.label = label;
            for (int i = 0; i < high.length(); i++) {
                toByte.put(high.charAt(i), 0x80 + i);
            }
            if (c1Fallback) {
                for (char c = 0x80; c <= 0x9F; c++) {
                    toByte.putIfAbsent(c, (int) c);
                }
            }
            aliases.forEach(toByte::putIfAbsent);
        }

        String label() {
            return label;
        }

        /** Whether the character can be a byte of a damaged UTF-8 sequence: non-ASCII and encodable. */
        boolean member(char c) {
            return c >= 0x80 && toByte.containsKey(c);
        }

        int toByte(char c) {
            return toByte.get(c);
        }
    }

    /** A possible repair of text[start, end). */
    private record Candidate(int start, int end, String replacement, Legacy charset, boolean weak,
            Set<UnicodeScript> suspectScripts, Set<UnicodeScript> scripts) {

        int sourceLength() {
            return end - start;
        }

        boolean overlaps(Candidate other) {
            return start < other.end && other.start < end;
        }
    }

    /** What the unambiguous repairs of a pass prove about the text. */
    private static final class Evidence {
        private int strongRepairs;
        private final Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        private final Map<Legacy, Integer> byCharset = new EnumMap<>(Legacy.class);

        void add(Candidate candidate) {
            strongRepairs++;
            scripts.addAll(candidate.scripts());
            byCharset.merge(candidate.charset(), 1, Integer::sum);
        }

        boolean supports(Candidate weak) {
            return strongRepairs > 0 && scripts.containsAll(weak.suspectScripts());
        }

        /** How many unambiguous repairs undid damage from this charset; a file is usually damaged one way. */
        int count(Legacy charset) {
            return byCharset.getOrDefault(charset, 0);
        }
    }

    /** Repairs the text; text without damage comes back unchanged (the same string). */
    public static Result repair(String text) {
        Set<String> charsets = new LinkedHashSet<>();
        int firstPassRepairs = 0;
        String current = text;
        NavigableMap<Integer, Integer> changed = null; // start to end of what the previous pass repaired
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Candidate> candidates = new ArrayList<>();
            for (Legacy charset : Legacy.values()) {
                collect(current, charset, candidates);
            }
            if (changed != null) {
                NavigableMap<Integer, Integer> regions = changed;
                // Double damage is undone where the previous pass repaired, nowhere else.
                candidates.removeIf(c -> !within(c, regions));
            }
            // Evidence counts per pass: after the first pass the text may already be correct, and the first pass's
            // repairs say nothing about whether what they produced is damaged once more.
            Evidence evidence = new Evidence();
            NavigableMap<Integer, Candidate> accepted = new TreeMap<>();
            // Unambiguous repairs first, longest first: they are the evidence for the weak ones.
            candidates.sort(Comparator.comparingInt(Candidate::sourceLength).reversed()
                    .thenComparing(c -> c.charset().ordinal()));
            for (Candidate candidate : candidates) {
                if (!candidate.weak() && !overlapsAccepted(candidate, accepted)) {
                    accepted.put(candidate.start(), candidate);
                    evidence.add(candidate);
                }
            }
            // Then the weak ones the evidence supports, preferring the charset the unambiguous repairs came from.
            List<Candidate> weak = new ArrayList<>(candidates.stream().filter(Candidate::weak).toList());
            weak.sort(Comparator.comparingInt(Candidate::sourceLength).reversed()
                    .thenComparing(Comparator.comparingInt((Candidate c) -> evidence.count(c.charset())).reversed())
                    .thenComparing(c -> c.charset().ordinal()));
            for (Candidate candidate : weak) {
                if (evidence.supports(candidate) && !overlapsAccepted(candidate, accepted)) {
                    accepted.put(candidate.start(), candidate);
                }
            }
            if (accepted.isEmpty()) {
                break;
            }
            if (pass == 0) {
                firstPassRepairs = accepted.size();
            }
            StringBuilder repaired = new StringBuilder(current.length());
            changed = new TreeMap<>();
            int regionStart = -1;
            int at = 0;
            for (Candidate candidate : accepted.values()) {
                repaired.append(current, at, candidate.start());
                int start = repaired.length();
                repaired.append(candidate.replacement());
                if (regionStart >= 0 && changed.get(regionStart) == start) {
                    changed.put(regionStart, repaired.length()); // adjacent repairs form one region
                } else {
                    regionStart = start;
                    changed.put(start, repaired.length());
                }
                at = candidate.end();
                charsets.add(candidate.charset().label());
            }
            repaired.append(current, at, current.length());
            current = repaired.toString();
        }
        return new Result(current, firstPassRepairs, List.copyOf(charsets));
    }

    /** Accepted repairs never overlap, so only the one starting last before the candidate's end can overlap it. */
    private static boolean overlapsAccepted(Candidate candidate, NavigableMap<Integer, Candidate> accepted) {
        Map.Entry<Integer, Candidate> before = accepted.lowerEntry(candidate.end());
        return before != null && before.getValue().overlaps(candidate);
    }

    private static boolean within(Candidate candidate, NavigableMap<Integer, Integer> regions) {
        Map.Entry<Integer, Integer> region = regions.floorEntry(candidate.start());
        return region != null && candidate.end() <= region.getValue();
    }

    /** Finds the runs of characters the charset can encode and the repairs they allow. */
    private static void collect(String text, Legacy charset, List<Candidate> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!charset.member(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && charset.member(text.charAt(j))) {
                j++;
            }
            if (j - i >= 2) {
                collectRun(text, i, j, charset, out);
            }
            i = j;
        }
    }

    /**
     * Splits the run's bytes into segments of consecutive well-formed UTF-8 sequences. A segment is a candidate when
     * it is the whole run, or when it is at least three bytes long (a lone two-byte sequence inside a longer run is
     * too likely to be correct text, like "“é”" in Mac OS Roman).
     */
    private static void collectRun(String text, int runStart, int runEnd, Legacy charset, List<Candidate> out) {
        int length = runEnd - runStart;
        byte[] bytes = new byte[length];
        for (int k = 0; k < length; k++) {
            bytes[k] = (byte) charset.toByte(text.charAt(runStart + k));
        }
        int k = 0;
        while (k < length) {
            int sequence = sequenceLength(bytes, k, length);
            if (sequence == 0) {
                k++;
                continue;
            }
            int segmentStart = k;
            int sequences = 0;
            while (k < length && (sequence = sequenceLength(bytes, k, length)) > 0) {
                k += sequence;
                sequences++;
            }
            boolean wholeRun = segmentStart == 0 && k == length;
            if (wholeRun || k - segmentStart >= 3) {
                String decoded = new String(bytes, segmentStart, k - segmentStart, StandardCharsets.UTF_8);
                Candidate candidate = judge(text, runStart + segmentStart, runStart + k, decoded, charset,
                        !wholeRun, sequences == 1 && k - segmentStart == 2);
                if (candidate != null) {
                    out.add(candidate);
                }
            }
        }
    }

    /**
     * The length of the well-formed UTF-8 sequence starting at {@code k} (RFC 3629: no overlong forms, no
     * surrogates, nothing above U+10FFFF), or 0 when there is none. Only multi-byte sequences count: every byte of a
     * run is non-ASCII.
     */
    private static int sequenceLength(byte[] bytes, int k, int length) {
        int lead = bytes[k] & 0xFF;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 3;
            low = lead == 0xE0 ? 0xA0 : low;
            high = lead == 0xED ? 0x9F : high;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 4;
            low = lead == 0xF0 ? 0x90 : low;
            high = lead == 0xF4 ? 0x8F : high;
        } else {
            return 0;
        }
        if (k + n > length) {
            return 0;
        }
        int second = bytes[k + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int m = 2; m < n; m++) {
            int b = bytes[k + m] & 0xFF;
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
        }
        return n;
    }

    /** Rejects impossible results, and marks unlikely ones as weak; see the class comment. */
    private static Candidate judge(String text, int start, int end, String decoded, Legacy charset, boolean partial,
            boolean singleTwoByte) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        Set<UnicodeScript> suspect = EnumSet.noneOf(UnicodeScript.class);
        boolean weak = partial;
        // C1 controls and the Apple logo never occur in correct text: a run containing them is damaged for sure.
        boolean sourceHasC1 = false;
        for (int i = start; i < end && !sourceHasC1; i++) {
            sourceHasC1 = isC1(text.charAt(i));
        }
        boolean certain = sourceHasC1 || text.substring(start, end).indexOf('\uF8FF') >= 0;
        int[] codePoints = decoded.codePoints().toArray();
        for (int cp : codePoints) {
            int type = Character.getType(cp);
            // A C1 control in the result is only plausible as a step of double damage that went through them.
            if (isC1(cp) && !sourceHasC1) {
                return null;
            }
            // U+F8FF (the Apple logo) is Mac OS Roman's 0xF0, so it appears in once-repaired double damage.
            if (type == Character.UNASSIGNED || (type == Character.PRIVATE_USE && cp != 0xF8FF)
                    || type == Character.SURROGATE || isNoncharacter(cp)) {
                return null;
            }
            UnicodeScript script = UnicodeScript.of(cp);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                scripts.add(script);
            }
        }
        if (isLeadingMark(codePoints[0])) {
            weak = true;
        }
        if (singleTwoByte && isRareTwoByteResult(codePoints[0]) && !isLegacyCharacter(codePoints[0])) {
            weak = true;
            UnicodeScript script = UnicodeScript.of(codePoints[0]);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                suspect.add(script);
            }
        }
        // One character of another script alone ("–é" in Mac OS Roman gives the Cyrillic "Ў", "’ú" the Armenian "՜");
        // real damaged text in that script has longer words that prove it, and then its one-letter words are repaired.
        // A single character touching an ASCII word ("café…”" in Windows-1252 would give "caf酔"); longer results
        // are far too specific to come from correct text.
        boolean touchesAsciiWord = codePoints.length == 1
                && (isAsciiAlphanumeric(text, start - 1) || isAsciiAlphanumeric(text, end));
        if (touchesAsciiWord || singleTwoByte) {
            for (int cp : codePoints) {
                UnicodeScript script = UnicodeScript.of(cp);
                // Currency signs go with digits ("৳ 1,234"); they are no sign of a wrong script.
                if (!LATIN_LIKE.contains(script) && !isLegacyCharacter(cp)
                        && Character.getType(cp) != Character.CURRENCY_SYMBOL) {
                    weak = true;
                    suspect.add(script);
                }
            }
        }
        return certain ? new Candidate(start, end, decoded, charset, false, Set.of(), scripts)
                : new Candidate(start, end, decoded, charset, weak, suspect, scripts);
    }

    /**
     * Characters from a single two-byte sequence that real text rarely contains, but that correct text can produce
     * ("…é" in Mac OS Roman gives Ɏ, "Õ¥" U+0374): everything but Latin-1 and Latin Extended-A (U+00A0..U+017F),
     * the Romanian comma letters, and the letters of other scripts (Greek, Cyrillic, Hebrew, Arabic and so on, which
     * have their own rule). Latin Extended-B and IPA letters thus need evidence: they are rare in lessons.
     */
    private static boolean isRareTwoByteResult(int cp) {
        boolean common = (cp >= 0x00A0 && cp <= 0x017F) || (cp >= 0x0218 && cp <= 0x021B)
                || (Character.isLetter(cp) && !LATIN_LIKE.contains(UnicodeScript.of(cp)));
        return !common;
    }

    /**
     * A combining mark first: "Ã©" read as Mac OS Roman would give U+0329, "€™" U+06EA. Variation selectors and the
     * keycap mark are fine: in "1️⃣" they follow an ASCII digit.
     */
    private static boolean isLeadingMark(int cp) {
        int type = Character.getType(cp);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
        return mark && !(cp >= 0xFE00 && cp <= 0xFE0F) && cp != 0x20E3 && !(cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /**
     * Characters of the legacy tables themselves (Mac OS Roman has π, Ω and ƒ): in doubly damaged text the first
     * repair produces them, so they are not suspicious.
     */
    private static boolean isLegacyCharacter(int cp) {
        if (cp > 0xFFFF) {
            return false;
        }
        for (Legacy legacy : Legacy.values()) {
            if (legacy.member((char) cp)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isC1(int cp) {
        return cp >= 0x80 && cp <= 0x9F;
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static boolean isAsciiAlphanumeric(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The character tables, apart from the enum because enum constants cannot use the enum's own constants. */
    private static final class Tables {

        /** Windows-1252 0x80..0x9F; the five undefined bytes as the C1 control of the same value. */
        static final String WINDOWS_1252_80_TO_9F = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021"
                + "\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014"
                + "\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

        /**
         * Mac OS Roman 0x80..0xFF, as in the JDK's x-MacRoman (written out because that charset lives in the optional
         * jdk.charsets module, which slimmed-down runtimes leave out).
         */
        static final String MAC_ROMAN_80_TO_FF = "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2"
                + "\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4"
                + "\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9"
                + "\u2122\u00B4\u00A8\u2260\u00C6\u00D8\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0"
                + "\u222B\u00AA\u00BA\u03A9\u00E6\u00F8\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026"
                + "\u00A0\u00C0\u00C3\u00D5\u0152\u0153\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178"
                + "\u2044\u20AC\u2039\u203A\uFB01\uFB02\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8"
                + "\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8"
                + "\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7";

        static String latin1From(int first) {
            StringBuilder sb = new StringBuilder();
            for (int c = first; c <= 0xFF; c++) {
                sb.append((char) c);
            }
            return sb.toString();
        }

        private Tables() {
        }
    }
}
