package org.latentlab.lesson.importer;

import java.lang.Character.UnicodeScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Repairs mojibake: UTF-8 text that was once decoded with a single-byte code page (every one the JDK has:
 * Windows-1250..1258 and 874, ISO-8859-1..16, KOI8-R/U and the Mac code pages, see {@link CodePage}), possibly twice
 * (the same code page or two), so that "✅" became "‚úÖ" (Mac OS Roman) or "âœ…" (Windows-1252).
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
 * <p>A run is a code page's characters side by side; one that is only a part of a stretch of several code pages'
 * characters is no whole run ("ƒ£" of "βƒ£" is not repaired through Mac OS Roman on its own).
 *
 * <p>Runs containing C1 controls or U+F8FF (the Apple logo of Mac OS Roman) are never weak: correct text does not
 * contain them. A C1 control in a result is accepted only as a step of double damage: when the run had some too
 * (the undefined Windows-1252 bytes), or when the result's runs holding them are damaged UTF-8 once more (ISO-8859-1
 * first, whose C1 controls a second decoding as Windows-1252 turned into "Â€"). Evidence counts per pass, and passes
 * after the first only look where the previous pass repaired, so text the first pass made correct is not taken for
 * damage a second time.
 *
 * <p>With some forty code pages, correct text looks repairable by some code page far more often, so: the code page
 * that repairs most characters in whole runs, with readings that look like the language (no capital inside a
 * lower-case word, no Latin letter the language does not use), wins each place; and a run that could be a word of
 * one non-Latin script (Greek in Windows-1253, Thai in Windows-874) is weak like the cases above. A capital after a
 * small letter is no word: "вЂњ" (“ through Windows-1251) is repaired on its own. And a word-shaped run of a script
 * the lesson's language is not written in ({@link LetterStatistics#scriptsOf}) is damage when the unambiguous repairs
 * came from its code page: an English lesson decoded as Windows-1251 has no Cyrillic words, so its "ВІ" is "²".
 * Where code pages that agree elsewhere read a place differently, the reading that is not damaged once more and
 * looks like the language wins, then the one of common characters ("≥" rather than "≄").
 *
 * <p>Lost bytes: a code page that does not define a byte makes tools drop it or write "?" or U+FFFD. A run that is not
 * valid UTF-8 is then tried with each undefined byte put back (at the "?" or U+FFFD, or where a dropped byte fits);
 * the readings are ranked by the letter statistics of the language ({@link LetterStatistics}) and of the text's
 * other repairs, with a capital inside a lower-case word unlikely, a Hebrew or Greek final form only at the end of a
 * word, a reading that makes a word of our lessons in the language far likelier (Windows-1255 drops the second byte
 * of א, ל, מ, ם, ן and ך alike: "לומד" and "מולד" differ only in the words), and by how often text has a sign
 * (quotation marks, dashes, maths, emoji; a zero width joiner only between emoji). A reading at least four times as
 * likely as the next is taken, unless the two differ in signs text has (which of "★" and "✅" a place held depends
 * on what it says); otherwise the place stays as it is. Both are reported ({@link LostByte}, with the line), and so is a run whose
 * marked losses (U+FFFD, or "?" inside it) are too many to read. A reading in a script neither the language nor the
 * text's repairs have is never chosen. Code pages the text supports equally (ISO-8859-7 and Windows-1253) put their
 * readings of a place together.
 *
 * <p>Known limits (MojibakeRepairInEveryCodePageTest lists each failing case in mojibake-known-limits.txt): in a
 * lesson whose language is written in the script of the damage (Russian through Windows-1251), a damaged run shaped
 * like a word of it needs evidence from other runs; double damage through code pages whose intermediate readings
 * are ambiguous (emoji through ISO-8859-2 twice, a Thai code page then Windows-1252) is not always undone; a lost
 * byte between two real signs ("★" or "✅", "👍" or "👏") stays undecided; emoji alone through a Greek, Hebrew or
 * Thai code page that dropped a byte of each give no unambiguous repair to go by and stay as they are (with a "?"
 * inside the run, or U+FFFD, they are read or reported); two bytes
 * dropped from one emoji, or a character that lost all of its bytes (ISO-8859-8 loses most of Hebrew, ISO-8859-3
 * all of "Ü"), cannot be found; a dropped byte that leaves a single character ("Ä" for "Đ") is looked for only in
 * text damaged throughout, and where several letters of the language fit it stays undecided (a letter's frequency
 * is all the statistics know, not its neighbours); a text whose only damaged characters are rare ones (say the
 * Fula letters ɓ and ɗ, and nothing else) keeps them damaged for lack of evidence; and a deliberately typed "Ã©" is
 * taken for damage and repaired, because real damaged files matter more.
 */
public final class MojibakeRepair {

    /** Double damage needs two passes; a few more cost nothing and cover triple damage. */
    private static final int MAX_PASSES = 5;

    private static final Set<UnicodeScript> LATIN_LIKE = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.COMMON,
            UnicodeScript.INHERITED);

    /**
     * Lost bytes per run that are tried: each multiplies the readings by up to 23, less the choices that cannot
     * continue the UTF-8 before them.
     */
    private static final int MAX_LOST_PER_RUN = 4;

    /** How many ways of filling a run's gaps are tried at most; a run with more is left as it is. */
    private static final int MAX_GAP_FILLS = 4_000;

    /** How many ways of putting lost bytes back one repair tries at most: a few seconds' work. */
    private static final long MAX_TRIES = 2_000_000;

    /** Longest run in which two dropped bytes are looked for. */
    private static final int MAX_TWICE_DROPPED_RUN = 8;

    /** Longest run in which a dropped byte is looked for; damaged words are shorter. */
    private static final int MAX_DROPPED_RUN = 64;

    /** How much more likely the chosen reading of a lost byte must be than the next one. */
    private static final double DECISIVE = 4.0;

    private MojibakeRepair() {
    }

    /**
     * The repaired text.
     *
     * @param text      the text, repaired where it was damaged
     * @param repairs   how many damaged places were repaired (counted in the first pass, so a doubly damaged place
     *                  counts once)
     * @param charsets  the character sets the damage came from, in the order they were first met
     * @param lostBytes every place where a byte had been lost, with what was inferred or why nothing was
     */
    public record Result(String text, int repairs, List<String> charsets, List<LostByte> lostBytes) {

        public Result {
            charsets = List.copyOf(charsets);
            lostBytes = List.copyOf(lostBytes);
        }

        public boolean changed() {
            return repairs > 0;
        }
    }

    /**
     * A damaged place one of whose bytes had been lost (dropped, or written as "?" or U+FFFD).
     *
     * @param line         the 1-based line
     * @param damaged      the damaged characters as they were
     * @param reading      what they were read as, or null when the readings were too alike to choose
     * @param alternatives every reading that was possible, most likely first
     */
    public record LostByte(int line, String damaged, String reading, List<String> alternatives) {

        public LostByte {
            alternatives = List.copyOf(alternatives);
        }

        public boolean decided() {
            return reading != null;
        }
    }

    /**
     * A possible repair of text[start, end), from the code pages in {@code codePages} (bits). A repair of a run
     * with a lost byte has several {@code readings} and no replacement until one of them is chosen.
     */
    private record Candidate(int start, int end, String replacement, long codePages, boolean weak,
            Set<UnicodeScript> suspectScripts, Set<UnicodeScript> scripts, List<String> readings, boolean marked,
            boolean wholeRun) {

        int sourceLength() {
            return end - start;
        }

        boolean overlaps(Candidate other) {
            return start < other.end && other.start < end;
        }

        boolean lost() {
            return readings != null;
        }

        Candidate from(long pages) {
            return new Candidate(start, end, replacement, codePages | pages, weak, suspectScripts, scripts, readings,
                    marked, wholeRun);
        }
    }

    /** What the unambiguous repairs of a pass prove about the text. */
    private static final class Evidence {
        private int strongRepairs;
        private final Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        private final StringBuilder repairedText = new StringBuilder();

        void add(Candidate candidate) {
            strongRepairs++;
            scripts.addAll(candidate.scripts());
            repairedText.append(candidate.replacement());
        }

        boolean supports(Candidate weak) {
            if (weak.lost()) {
                // One reading of the lost byte in the scripts the repairs produced is enough: the others are
                // unlikely, not a reason to leave the place unreported.
                return strongRepairs > 0 && weak.readings().stream().anyMatch(r -> scripts.containsAll(scriptsOf(r)));
            }
            return strongRepairs > 0 && scripts.containsAll(weak.suspectScripts());
        }

        /**
         * Whether a weak repair of a run shaped like a word of {@code wordScript} is damage all the same: the
         * language is not written in that script, and the code page it comes from is one the unambiguous repairs
         * came from. A file decoded with Windows-1251 turned all of its non-ASCII text into Cyrillic letters, so in
         * an English lesson "ВІ" is "²" rather than a Ukrainian word; in a Russian lesson it stays as it is.
         */
        boolean supportsForeignWord(Candidate weak, UnicodeScript wordScript, Set<UnicodeScript> homeScripts,
                Support support) {
            return strongRepairs > 0 && wordScript != null && homeScripts != null
                    && !homeScripts.contains(wordScript) && support.of(weak) > 0;
        }
    }

    /**
     * How many characters each code page could repair unambiguously, in whole runs, in a pass: a file is usually
     * damaged one way. Characters, not repairs: a wrong code page splits the runs and repairs more, shorter pieces.
     */
    private static final class Support {
        private final int[] counts = new int[CodePage.ALL.size()];

        Support(String text, List<Candidate> candidates, Map<Integer, Double> language) {
            for (Candidate candidate : candidates) {
                if (!candidate.weak() && !candidate.lost() && candidate.wholeRun()) {
                    // Code pages that agree on most characters (Windows-1252 and ISO-8859-15, Windows-1250 and
                    // ISO-8859-2) both repair most runs, differently where they differ: the one whose readings
                    // look like the language wins.
                    int weight = candidate.sourceLength() * plausibility(text, candidate, language);
                    for (CodePage page : CodePage.ALL) {
                        if ((candidate.codePages() & page.bit()) != 0) {
                            counts[page.index()] += weight;
                        }
                    }
                }
            }
        }

        /** The code page of the candidate's that most repairs came from; the first in order on a tie. */
        CodePage best(Candidate candidate) {
            CodePage best = null;
            for (CodePage page : CodePage.ALL) {
                if ((candidate.codePages() & page.bit()) != 0
                        && (best == null || counts[page.index()] > counts[best.index()])) {
                    best = page;
                }
            }
            return best;
        }

        int of(Candidate candidate) {
            return counts[best(candidate).index()];
        }
    }

    /** Tries of putting lost bytes back, counted down; {@link #take} says whether one more may be made. */
    private static final class Budget {
        private long left;

        Budget(long left) {
            this.left = left;
        }

        boolean take() {
            return --left >= 0;
        }

        boolean spent() {
            return left < 0;
        }
    }

    /**
     * Putting lost bytes back, for one repair. A lesson repeats its words, so a run's readings are worked out once
     * for each code page and surroundings (what {@link #judge} looks at); and the tries are bounded per run and in
     * all, so that no upload, however hostile, keeps the server busy for more than seconds. Past the bound, runs
     * are left as they are (and reported, when their losses are marked).
     */
    private static final class LostByteWork {
        private final Budget total = new Budget(MAX_TRIES);
        private final Map<String, Set<String>> known = new HashMap<>();
        private final Set<String> tooMany = new HashSet<>();

        /** The run's readings, or null when finding them took more tries than a run or the repair may have. */
        Set<String> readings(String text, int runStart, int runEnd, CodePage page, int pass, String kind,
                Function<Budget, Set<String>> find) {
            String key = kind + '\u0000' + page.index() + '\u0000' + pass + '\u0000'
                    + text.substring(Math.max(0, runStart - 1), Math.min(text.length(), runEnd + 1));
            Set<String> readings = known.get(key);
            if (readings != null || tooMany.contains(key) || total.spent()) {
                return readings;
            }
            Budget run = new Budget(Math.min(MAX_GAP_FILLS, total.left));
            long before = run.left;
            readings = find.apply(run);
            total.left -= before - Math.max(0, run.left);
            if (run.spent()) {
                tooMany.add(key);
                return null;
            }
            known.put(key, readings);
            return readings;
        }
    }

    /** Repairs the text; text without damage comes back unchanged (the same string). */
    public static Result repair(String text) {
        return repair(text, null);
    }

    /**
     * Repairs the text, choosing what lost bytes were by the letter statistics of the language and of the text.
     *
     * @param languageTag the language of the text (BCP 47), or null when unknown
     */
    public static Result repair(String text, String languageTag) {
        Map<Integer, Double> language = LetterStatistics.of(languageTag);
        Set<UnicodeScript> homeScripts = LetterStatistics.scriptsOf(languageTag);
        Set<String> words = LetterStatistics.words(languageTag);
        Set<String> charsets = new LinkedHashSet<>();
        List<LostByte> lostBytes = new ArrayList<>();
        int firstPassRepairs = 0;
        String current = text;
        LostByteWork work = new LostByteWork();
        NavigableMap<Integer, Integer> changed = null; // start to end of what the previous pass repaired
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Integer> lone = new ArrayList<>();
            List<Candidate> candidates = collect(current, changed, pass, work, lone);
            if (changed != null) {
                NavigableMap<Integer, Integer> regions = changed;
                // Double damage is undone where the previous pass repaired, nowhere else.
                candidates.removeIf(c -> !within(c, regions));
            }
            Support support = new Support(current, candidates, language);
            // Evidence counts per pass: after the first pass the text may already be correct, and the first pass's
            // repairs say nothing about whether what they produced is damaged once more.
            Evidence evidence = new Evidence();
            NavigableMap<Integer, Candidate> accepted = new TreeMap<>();
            // Unambiguous repairs first, from the code page most of them came from, longest first: they are the
            // evidence for the weak ones. Where code pages that agree elsewhere (ISO-8859-7 and Windows-1253) read a
            // lost byte differently, the one whose readings look like words of the language comes first.
            String before = current;
            // A lesson repeats its words: each lost-byte place in the same surroundings is scored once.
            Map<String, Double> placeScores = new HashMap<>();
            Map<Candidate, Double> readingScores = new IdentityHashMap<>();
            Comparator<Candidate> order = Comparator.comparingInt(support::of).reversed()
                    .thenComparing(Comparator.comparingInt(Candidate::sourceLength).reversed())
                    .thenComparing(Comparator.comparingDouble((Candidate c) -> !c.lost() ? 0 : readingScores
                            .computeIfAbsent(c, lost -> placeScores.computeIfAbsent(surroundings(before, lost),
                                    k -> bestReadingPerCharacter(before, lost, language, words)))).reversed())
                    .thenComparingLong(MojibakeRepair::rareCharacters)
                    .thenComparing(c -> !damagedAgainThroughItsCodePage(c))
                    .thenComparingInt(c -> support.best(c).index());
            candidates = mergeLostReadings(candidates, support);
            candidates.sort(order);
            for (Candidate candidate : candidates) {
                if (!candidate.weak() && !candidate.lost() && !overlapsAccepted(candidate, accepted)) {
                    accepted.put(candidate.start(), candidate);
                    evidence.add(candidate);
                }
            }
            // Then the weak ones the evidence supports, and lost bytes: marked ones (U+FFFD) always, dropped ones
            // and "?" only in a code page the unambiguous repairs came from.
            // A lone character left by a dropped byte ("Ä" of "Đ" through Windows-1250) is looked at only in text
            // the unambiguous repairs show to be damaged through and through: elsewhere a lone "Ä" is a letter.
            if (!lone.isEmpty() && damagedThroughout(before, accepted, language)) {
                List<Candidate> remnants = mergeLostReadings(remnants(before, lone, pass, work), support);
                remnants.sort(order);
                candidates.addAll(remnants); // the last thing looked at
            }
            for (Candidate candidate : candidates) {
                boolean admissible = candidate.lost()
                        ? (candidate.marked() || support.of(candidate) > 0) && (candidate.marked()
                                || evidence.supports(candidate))
                        : candidate.weak() && (evidence.supports(candidate) || evidence.supportsForeignWord(
                                candidate, nativeWordScript(before, candidate.start(), candidate.end()), homeScripts,
                                support));
                if (admissible && !overlapsAccepted(candidate, accepted)) {
                    accepted.put(candidate.start(), candidate);
                } else if (admissible && candidate.lost() && onlyPartsOfRunsOverlap(candidate, accepted)) {
                    // A run with a lost byte whose whole-sequence prefix was repaired on its own: the run is read
                    // as a whole (or reported), not left half repaired around the lost byte.
                    accepted.subMap(candidate.start(), candidate.end()).clear();
                    accepted.put(candidate.start(), candidate);
                }
            }
            if (accepted.isEmpty()) {
                break;
            }
            Map<Integer, Double> document = LetterStatistics.count(evidence.repairedText);
            int[] newlines = null;
            StringBuilder repaired = new StringBuilder(current.length());
            NavigableMap<Integer, Integer> repairedRegions = new TreeMap<>();
            int regionStart = -1;
            int at = 0;
            int repairs = 0;
            // A reading in a script neither the language nor the text's repairs have is never chosen.
            Set<UnicodeScript> expected = homeScripts == null ? null
                    : Stream.concat(homeScripts.stream(), evidence.scripts.stream()).collect(Collectors.toSet());
            Map<String, LostByte> read = new HashMap<>();
            for (Candidate candidate : accepted.values()) {
                String replacement = candidate.replacement();
                if (candidate.lost()) {
                    newlines = newlines == null ? newlines(current) : newlines;
                    String text0 = current;
                    LostByte reading = read.computeIfAbsent(surroundings(current, candidate), k -> {
                        List<String> readings = rank(text0, candidate, language, words, document);
                        if (readings.isEmpty()) {
                            return new LostByte(0, "", null, List.of()); // too many bytes lost to read it
                        }
                        boolean expectedScripts = expected == null || expected.containsAll(scriptsOf(readings.get(0)));
                        boolean chosen = expectedScripts
                                && decisive(text0, candidate, readings, language, words, document);
                        return new LostByte(0, "", chosen ? readings.get(0) : null, readings);
                    });
                    replacement = reading.reading();
                    lostBytes.add(new LostByte(line(newlines, candidate.start()),
                            current.substring(candidate.start(), candidate.end()), replacement, reading.alternatives()));
                    if (replacement == null) {
                        continue; // left as it is (too many bytes lost, or readings too alike), and reported
                    }
                }
                repaired.append(current, at, candidate.start());
                int start = repaired.length();
                repaired.append(replacement);
                if (regionStart >= 0 && repairedRegions.get(regionStart) == start) {
                    repairedRegions.put(regionStart, repaired.length()); // adjacent repairs form one region
                } else {
                    regionStart = start;
                    repairedRegions.put(start, repaired.length());
                }
                at = candidate.end();
                repairs++;
                charsets.add(support.best(candidate).label());
            }
            if (repairs == 0) {
                break;
            }
            if (pass == 0) {
                firstPassRepairs = repairs;
            }
            repaired.append(current, at, current.length());
            current = repaired.toString();
            changed = repairedRegions;
        }
        return new Result(current, firstPassRepairs, List.copyOf(charsets), lostBytes);
    }

    /**
     * 4 for a reading that looks like text, 1 for one with a capital inside a lower-case word, or with a non-ASCII
     * Latin letter that the language does not use in a word ("ß" in Icelandic, where ISO-8859-15
     * and Windows-1252 read the same damage as "þ" and "ß").
     */
    private static int plausibility(String text, Candidate candidate, Map<Integer, Double> language) {
        String reading = candidate.replacement();
        if (mayBeDamagedAgain(reading)) {
            return 4; // may be damaged once more (double damage): its letters say nothing yet
        }
        int[] cps = reading.codePoints().toArray();
        int before = candidate.start() > 0 ? text.codePointBefore(candidate.start()) : ' ';
        int after = candidate.end() < text.length() ? text.codePointAt(candidate.end()) : ' ';
        for (int k = 0; k < cps.length; k++) {
            int cp = cps[k];
            int previous = k > 0 ? cps[k - 1] : before;
            int next = k + 1 < cps.length ? cps[k + 1] : after;
            // Only between letters: the first repair of double damage reads "Ã©", which is no word but fine.
            if (Character.isUpperCase(cp) && Character.isLowerCase(previous) && Character.isLowerCase(next)) {
                return 1;
            }
            boolean inWord = Character.isLetter(next) || Character.isLetter(previous);
            if (!language.isEmpty() && cp >= 0xC0 && inWord && UnicodeScript.of(cp) == UnicodeScript.LATIN
                    && !language.containsKey(Character.toLowerCase(cp))) {
                return 1;
            }
        }
        return 4;
    }

    /**
     * Whether some code page reads some of the text's characters as a whole multi-byte UTF-8 sequence of a
     * character that could have been damaged: three or four bytes, or two giving a character a code page has.
     */
    private static boolean mayBeDamagedAgain(String text) {
        int n = text.length();
        for (int k = 0; k + 1 < n; k++) {
            long pages = CodePage.sequenceStarts(text.charAt(k), text.charAt(k + 1));
            for (CodePage page : CodePage.ALL) {
                if ((pages & page.bit()) == 0) {
                    continue;
                }
                int[] bytes = new int[Math.min(4, n - k)];
                for (int m = 0; m < bytes.length; m++) {
                    bytes[m] = page.toByte(text.charAt(k + m));
                }
                int sequence = bytes[0] > 0 && bytes[1] > 0 ? sequenceLength(bytes, 0, bytes.length) : 0;
                // A two-byte sequence counts when it gives a character some code page has: double damage of real
                // text; "şó" is the N'Ko "ߗ" in Mac OS Turkish, which no one's text went through twice.
                if (sequence > 2
                        || (sequence == 2 && CodePage.isCodePageCharacter(decode(bytes, 0, 2).codePointAt(0)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What the reading of a lost-byte place depends on: its characters, the letters of the word around them and one
     * character either side, and the code pages it may come from.
     */
    private static String surroundings(String text, Candidate candidate) {
        int start = candidate.start();
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        int end = candidate.end();
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(Math.max(0, start - 1), Math.min(text.length(), end + 1)) + '\u0000'
                + (candidate.start() - start) + '\u0000' + (candidate.end() - candidate.start()) + '\u0000'
                + candidate.codePages();
    }

    /**
     * How many characters of the reading no code page has: where code pages that agree elsewhere read a place
     * differently (ISO-8859-13 and Windows-1257 give "≥" and "≄"), the reading of common characters is likelier,
     * and the characters code pages chose to have are the common ones.
     */
    private static long rareCharacters(Candidate candidate) {
        return candidate.lost() ? 0 : candidate.replacement().codePoints()
                .filter(cp -> cp >= 0x80 && !CodePage.isCodePageCharacter(cp)).count();
    }

    /**
     * Lost bytes of the same place read differently by code pages the text supports equally (Windows-1253 and
     * ISO-8859-7 leave different bytes undefined) become one candidate with the readings of both: nothing tells
     * which code page the place went through.
     */
    private static List<Candidate> mergeLostReadings(List<Candidate> candidates, Support support) {
        Map<List<Integer>, List<Candidate>> places = new LinkedHashMap<>();
        List<Candidate> merged = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.lost()) {
                places.computeIfAbsent(List.of(candidate.start(), candidate.end()), k -> new ArrayList<>())
                        .add(candidate);
            } else {
                merged.add(candidate);
            }
        }
        for (List<Candidate> place : places.values()) {
            int most = place.stream().mapToInt(support::of).max().orElseThrow();
            List<Candidate> equals = place.stream().filter(c -> support.of(c) == most).toList();
            if (equals.size() == 1 || most == 0) {
                merged.addAll(place);
                continue;
            }
            Candidate first = equals.get(0);
            Set<String> readings = new LinkedHashSet<>();
            long pages = 0;
            boolean marked = false;
            Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
            for (Candidate candidate : equals) {
                readings.addAll(candidate.readings());
                pages |= candidate.codePages();
                marked |= candidate.marked();
                scripts.addAll(candidate.scripts());
            }
            merged.add(new Candidate(first.start(), first.end(), null, pages, true, scripts, scripts,
                    List.copyOf(readings), marked, first.wholeRun()));
            place.stream().filter(c -> support.of(c) != most).forEach(merged::add);
        }
        return merged;
    }

    /**
     * Whether the candidate's reading is damaged once more through a code page it came from: every run of non-ASCII
     * characters in it is well-formed UTF-8 there. Where code pages tie, text damaged twice the same way is likelier
     * than a reading that happens to be valid ("ĂąÂÂ" is "—" through ISO-8859-16 twice, "ù" in Windows-1250).
     */
    private static boolean damagedAgainThroughItsCodePage(Candidate candidate) {
        if (candidate.lost()) {
            return false;
        }
        String reading = candidate.replacement();
        pages:
        for (CodePage page : CodePage.ALL) {
            if ((candidate.codePages() & page.bit()) == 0) {
                continue;
            }
            boolean any = false;
            int i = 0;
            while (i < reading.length()) {
                if (reading.charAt(i) < 0x80) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < reading.length() && reading.charAt(j) >= 0x80) {
                    j++;
                }
                if (!wellFormedIn(reading, i, j, page)) {
                    continue pages;
                }
                any = true;
                i = j;
            }
            if (any) {
                return true;
            }
        }
        return false;
    }

    /** How likely the candidate's likeliest reading is, per character, by the language's letters alone. */
    private static double bestReadingPerCharacter(String text, Candidate candidate, Map<Integer, Double> language,
            Set<String> words) {
        double best = 0;
        for (String reading : candidate.readings()) {
            best = Math.max(best, perCharacter(likelihood(text, candidate, reading, language, words, Map.of()), reading));
        }
        return best;
    }

    /**
     * A reading's likelihood per character (its geometric mean): the likelihood is a product over the whole
     * reading, so a long word of well-known letters would otherwise score below one unknown character.
     */
    private static double perCharacter(double likelihood, String reading) {
        return Math.pow(likelihood, 1.0 / Math.max(1, reading.codePointCount(0, reading.length())));
    }

    /** The readings of a lost byte, most likely first: see {@link #likelihood}. */
    private static List<String> rank(String text, Candidate candidate, Map<Integer, Double> language, Set<String> words,
            Map<Integer, Double> document) {
        Map<String, Double> likelihoods = new HashMap<>();
        for (String reading : candidate.readings()) {
            likelihoods.put(reading, likelihood(text, candidate, reading, language, words, document));
        }
        List<String> readings = new ArrayList<>(candidate.readings());
        readings.sort(Comparator.comparingDouble((String r) -> likelihoods.get(r)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return readings;
    }

    private static boolean decisive(String text, Candidate candidate, List<String> readings,
            Map<Integer, Double> language, Set<String> words, Map<Integer, Double> document) {
        double best = likelihood(text, candidate, readings.get(0), language, words, document);
        double next = readings.size() > 1 ? likelihood(text, candidate, readings.get(1), language, words, document) : 0;
        return perCharacter(best, readings.get(0)) > UNKNOWN_LETTER && best >= DECISIVE * next
                && !(readings.size() > 1 && differInSigns(text, candidate, readings.get(0), readings.get(1)));
    }

    /**
     * Whether two readings differ in a sign (punctuation, symbol, emoji) and both are made of signs text has: the
     * shares of signs are rough, and which of two real signs a place held ("★" or "✅", "‘" or "∀") depends on what
     * the text says, so such a place is reported undecided rather than guessed. A sign against a character nothing
     * is known of ("”" against U+2001 EM QUAD) is still decided.
     */
    private static boolean differInSigns(String text, Candidate candidate, String first, String second) {
        if (!knownSigns(text, candidate, first) || !knownSigns(text, candidate, second)) {
            return false;
        }
        int[] a = first.codePoints().filter(cp -> !Character.isLetter(cp)).toArray();
        int[] b = second.codePoints().filter(cp -> !Character.isLetter(cp)).toArray();
        return !Arrays.equals(a, b);
    }

    /** Whether every non-ASCII character of the reading that is no letter is a sign text has, in its place. */
    private static boolean knownSigns(String text, Candidate candidate, String reading) {
        int before = candidate.start() > 0 ? text.codePointBefore(candidate.start()) : ' ';
        int after = candidate.end() < text.length() ? text.codePointAt(candidate.end()) : ' ';
        int[] cps = reading.codePoints().toArray();
        for (int k = 0; k < cps.length; k++) {
            if (cps[k] >= 0x80 && !Character.isLetter(cps[k]) && LetterStatistics.symbolShare(cps[k],
                    k > 0 ? cps[k - 1] : before, k + 1 < cps.length ? cps[k + 1] : after) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The likelihood of a character no statistics know: the same for all, so it never decides. */
    private static final double UNKNOWN_LETTER = 1e-6;

    /**
     * How likely a reading is: the product over its characters of how often each occurs in the language and in the
     * text's other repairs, and a heavy penalty for a capital inside a lower-case word (or the reverse).
     */
    private static double likelihood(String text, Candidate candidate, String reading, Map<Integer, Double> language,
            Set<String> words, Map<Integer, Double> document) {
        double likelihood = 1;
        int before = candidate.start() > 0 ? text.codePointBefore(candidate.start()) : ' ';
        int[] cps = reading.codePoints().toArray();
        for (int k = 0; k < cps.length; k++) {
            int cp = cps[k];
            int lower = Character.toLowerCase(cp);
            int previous = k > 0 ? cps[k - 1] : before;
            int next = k + 1 < cps.length ? cps[k + 1]
                    : candidate.end() < text.length() ? text.codePointAt(candidate.end()) : ' ';
            double share = Character.isLetter(cp)
                    ? language.getOrDefault(lower, 0.0) + document.getOrDefault(lower, 0.0)
                    : LetterStatistics.symbolShare(cp, previous, next);
            double p = Math.max(share, UNKNOWN_LETTER);
            if (Character.isUpperCase(cp) && Character.isLowerCase(previous)) {
                p *= 0.01;
            } else if (Character.isLowerCase(cp) && Character.isUpperCase(previous) && Character.isUpperCase(next)) {
                p *= 0.01;
            }
            // Hebrew and Greek write some letters differently at the end of a word: "ם" only there, "מ" never.
            boolean atWordEnd = !Character.isLetter(next) && !isMark(next);
            if (FINAL_FORMS.containsKey(cp) != atWordEnd && (FINAL_FORMS.containsKey(cp) || FINAL_FORMS.containsValue(cp))) {
                p *= 0.01;
            }
            likelihood *= p;
        }
        return likelihood * (containsKnownWord(text, candidate, reading, words) ? KNOWN_WORD : 1);
    }

    /** The final forms of letters, with the forms they take inside a word. */
    private static final Map<Integer, Integer> FINAL_FORMS = Map.of((int) 'ך', (int) 'כ', (int) 'ם', (int) 'מ',
            (int) 'ן', (int) 'נ', (int) 'ף', (int) 'פ', (int) 'ץ', (int) 'צ', (int) 'ς', (int) 'σ');

    /** How much likelier a reading is that makes a word our lessons in the language use. */
    private static final double KNOWN_WORD = 1000;

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Whether the reading, with the letters next to it in the text, makes a word of the language's lessons: where
     * the letter statistics cannot choose (Windows-1255 drops the second byte of א, ך, ל, ם, מ and ן alike), the
     * word does.
     */
    private static boolean containsKnownWord(String text, Candidate candidate, String reading, Set<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        int start = candidate.start();
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        int end = candidate.end();
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String whole = text.substring(start, candidate.start()) + reading + text.substring(candidate.end(), end);
        for (String word : LetterStatistics.NOT_IN_WORD.split(whole)) {
            if (!word.isEmpty() && word.chars().anyMatch(c -> c >= 0x80)
                    && words.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static int[] newlines(String text) {
        return IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray();
    }

    private static int line(int[] newlines, int index) {
        int found = Arrays.binarySearch(newlines, index);
        return (found >= 0 ? found : -found - 1) + 1;
    }

    /**
     * Whether the accepted (unambiguous) repairs cover at least four times as many characters as the non-ASCII
     * characters they leave that could be correct text, and at least six: a file decoded with a code page as a
     * whole, where what is left are the remnants of lost bytes, not correct text beside a damaged emoji. Letters the
     * language does not use ("ĥ" in Turkish, left of "ö" by ISO-8859-3) are no sign of correct text.
     */
    private static boolean damagedThroughout(String text, NavigableMap<Integer, Candidate> accepted,
            Map<Integer, Double> language) {
        int repaired = 0;
        int left = 0;
        int at = 0;
        for (Candidate candidate : accepted.values()) {
            left += possiblyCorrect(text, at, candidate.start(), language);
            repaired += candidate.sourceLength();
            at = candidate.end();
        }
        left += possiblyCorrect(text, at, text.length(), language);
        return repaired >= 6 && repaired >= 4 * left;
    }

    private static int possiblyCorrect(String text, int from, int to, Map<Integer, Double> language) {
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean foreignLetter = !language.isEmpty() && Character.isLetter(c)
                    && !language.containsKey((int) Character.toLowerCase(c));
            count += c >= 0x80 && !foreignLetter ? 1 : 0;
        }
        return count;
    }

    /** The scripts of the text's characters, other than Latin, Common and Inherited. */
    private static Set<UnicodeScript> scriptsOf(String text) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        text.codePoints().mapToObj(UnicodeScript::of).filter(s -> !LATIN_LIKE.contains(s)).forEach(scripts::add);
        return scripts;
    }

    /** Accepted repairs never overlap, so only the one starting last before the candidate's end can overlap it. */
    private static boolean overlapsAccepted(Candidate candidate, NavigableMap<Integer, Candidate> accepted) {
        Map.Entry<Integer, Candidate> before = accepted.lowerEntry(candidate.end());
        return before != null && before.getValue().overlaps(candidate);
    }

    /** Whether everything accepted that overlaps the candidate is a part of a run inside it. */
    private static boolean onlyPartsOfRunsOverlap(Candidate candidate, NavigableMap<Integer, Candidate> accepted) {
        Map.Entry<Integer, Candidate> before = accepted.lowerEntry(candidate.start());
        if (before != null && before.getValue().overlaps(candidate)) {
            return false;
        }
        for (Candidate inside : accepted.subMap(candidate.start(), candidate.end()).values()) {
            if (inside.wholeRun() || inside.end() > candidate.end()) {
                return false;
            }
        }
        return true;
    }

    private static boolean within(Candidate candidate, NavigableMap<Integer, Integer> regions) {
        Map.Entry<Integer, Integer> region = regions.floorEntry(candidate.start());
        return region != null && candidate.end() <= region.getValue();
    }

    /** The code pages having the char at i; a "?" next to a code page's character may be a lost byte. */
    private static long members(String text, int i) {
        char c = text.charAt(i);
        if (c == '?') {
            // Next to a code page's character, on either side, or after one and another "?" (two lost bytes in a
            // row, as in "â??" for "∈" through Windows-1250): a lost lead byte leaves "?" before the rest.
            int previous = i > 0 && text.charAt(i - 1) == '?' ? i - 2 : i - 1;
            long before = previous >= 0 && text.charAt(previous) >= 0x80 ? CodePage.members(text.charAt(previous)) : 0;
            long after = i + 1 < text.length() && text.charAt(i + 1) >= 0x80 ? CodePage.members(text.charAt(i + 1)) : 0;
            long neighbours = before | after;
            return CodePage.members('\uFFFD') & neighbours;
        }
        return CodePage.members(c);
    }

    /**
     * Finds the stretches of characters some code page has, and in them each code page's runs and the repairs they
     * allow. Repairs of the same place to the same text from several code pages become one candidate.
     */
    private static List<Candidate> collect(String text, NavigableMap<Integer, Integer> onlyIn, int pass,
            LostByteWork work, List<Integer> lone) {
        Map<List<Object>, Candidate> found = new LinkedHashMap<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            long members = members(text, i);
            if (members == 0) {
                i++;
                continue;
            }
            int j = i;
            long any = 0;
            while (j < n && (members = members(text, j)) != 0) {
                any |= members;
                j++;
            }
            if (j - i >= 2 && (onlyIn == null || touches(onlyIn, i, j))) {
                for (CodePage page : CodePage.ALL) {
                    if ((any & page.bit()) != 0) {
                        collectRuns(text, i, j, page, pass, found, work);
                    }
                }
            } else if (j - i == 1 && onlyIn == null) {
                lone.add(i); // read only in text damaged throughout, see remnants
            }
            i = j;
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The readings of lone characters as two-byte sequences whose other byte was dropped, by each code page that
     * drops bytes and has the character as the first byte of one, or as the second (ISO-8859-3 drops the 0xC3 of
     * "ö").
     */
    private static List<Candidate> remnants(String text, List<Integer> lone, int pass, LostByteWork work) {
        Map<List<Object>, Candidate> found = new LinkedHashMap<>();
        for (int i : lone) {
            long members = members(text, i);
            for (CodePage page : CodePage.ALL) {
                int b = page.toByte(text.charAt(i));
                if ((members & page.bit()) != 0 && page.losesBytes() && b >= 0x80 && b <= 0xDF) {
                    add(found, withDroppedByte(text, i, i + 1, new int[] {b}, page, pass, work));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean touches(NavigableMap<Integer, Integer> regions, int start, int end) {
        Map.Entry<Integer, Integer> region = regions.lowerEntry(end);
        return region != null && region.getValue() > start;
    }

    private static void collectRuns(String text, int from, int to, CodePage page, int pass,
            Map<List<Object>, Candidate> found, LostByteWork work) {
        int k = from;
        while (k < to) {
            if ((members(text, k) & page.bit()) == 0) {
                k++;
                continue;
            }
            int end = k;
            while (end < to && (members(text, end) & page.bit()) != 0) {
                end++;
            }
            if (end - k >= 2) {
                // A run that is only a part of the stretch (its neighbours are other code pages' characters) is no
                // whole run: "ƒ£" of "βƒ£" (⃣ through Windows-1253) would be "ģ" in Mac OS Roman.
                collectRun(text, k, end, k == from && end == to, page, pass, found, work);
            }
            k = end;
        }
    }

    private static void add(Map<List<Object>, Candidate> found, Candidate candidate) {
        if (candidate != null) {
            List<Object> key = List.of(candidate.start(), candidate.end(),
                    candidate.lost() ? candidate.readings() : candidate.replacement());
            found.merge(key, candidate, (a, b) -> a.from(b.codePages()));
        }
    }

    /**
     * Splits the run's bytes into segments of consecutive well-formed UTF-8 sequences. A segment is a candidate when
     * it is the whole run, or when it is at least three bytes long (a lone two-byte sequence inside a longer run is
     * too likely to be correct text, like "“é”" in Mac OS Roman). When the run is not well-formed as a whole and
     * the code page loses bytes, the readings with the lost byte put back are candidates too.
     */
    private static void collectRun(String text, int runStart, int runEnd, boolean wholeStretch, CodePage page,
            int pass, Map<List<Object>, Candidate> found, LostByteWork work) {
        int length = runEnd - runStart;
        int[] bytes = new int[length];
        int lost = 0;
        for (int k = 0; k < length; k++) {
            char c = text.charAt(runStart + k);
            bytes[k] = c == '?' ? CodePage.LOST : page.toByte(c);
            lost += bytes[k] == CodePage.LOST ? 1 : 0;
        }
        boolean whole = false;
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
            boolean wholeRun = segmentStart == 0 && k == length && wholeStretch;
            whole |= wholeRun;
            if (wholeRun || k - segmentStart >= 3) {
                String decoded = decode(bytes, segmentStart, k);
                add(found, judge(text, runStart + segmentStart, runStart + k, decoded, page, !wholeRun,
                        sequences == 1 && k - segmentStart == 2, pass));
            }
        }
        if (!whole && page.losesBytes()) {
            if (lost > 0 && lost <= MAX_LOST_PER_RUN) {
                add(found, withLostBytes(text, runStart, runEnd, bytes, page, pass, work));
            } else if (lost > MAX_LOST_PER_RUN) {
                add(found, unreadable(text, runStart, runEnd, page));
            } else if (lost == 0 && length <= MAX_DROPPED_RUN) {
                add(found, withDroppedByte(text, runStart, runEnd, bytes, page, pass, work));
            }
        }
    }

    /** The readings of a run with up to four "?" or U+FFFD, each any byte the code page leaves undefined. */
    private static Candidate withLostBytes(String text, int runStart, int runEnd, int[] bytes, CodePage page,
            int pass, LostByteWork work) {
        Set<String> readings = work.readings(text, runStart, runEnd, page, pass, "gaps", budget -> {
            int[] gaps = IntStream.range(0, bytes.length).filter(k -> bytes[k] == CodePage.LOST).toArray();
            Set<String> found = new LinkedHashSet<>();
            fillGaps(text, runStart, runEnd, bytes.clone(), gaps, 0, page, pass, found, budget);
            return found;
        });
        if (readings == null) {
            // Too many ways to fill the gaps (ISO-8859-8 leaves 35 bytes undefined): left as it is.
            return unreadable(text, runStart, runEnd, page);
        }
        return lostCandidate(text, runStart, runEnd, page, readings, marked(text.substring(runStart, runEnd)));
    }

    /**
     * Fills the gaps from {@code next} on with each byte the code page leaves undefined, dropping a choice as soon as
     * the bytes before the following gap cannot be UTF-8: a Hebrew word through Windows-1255 may have lost four.
     */
    private static void fillGaps(String text, int runStart, int runEnd, int[] bytes, int[] gaps, int next,
            CodePage page, int pass, Set<String> readings, Budget budget) {
        if (next == gaps.length) {
            addReading(text, runStart, runEnd, bytes, page, pass, readings);
            return;
        }
        int upTo = next + 1 < gaps.length ? gaps[next + 1] : bytes.length;
        for (int lostByte : page.lostBytes()) {
            if (!budget.take()) {
                return;
            }
            bytes[gaps[next]] = lostByte;
            if (wellFormedSoFar(bytes, upTo)) {
                fillGaps(text, runStart, runEnd, bytes, gaps, next + 1, page, pass, readings, budget);
            }
        }
        bytes[gaps[next]] = CodePage.LOST;
    }

    /** Whether bytes[0, end) can begin well-formed UTF-8: whole sequences, then at most the start of one. */
    private static boolean wellFormedSoFar(int[] bytes, int end) {
        int k = 0;
        while (k < end) {
            int sequence = sequenceLength(bytes, k, end);
            if (sequence == 0) {
                return startsSequence(bytes, k, end);
            }
            k += sequence;
        }
        return true;
    }

    /** Whether bytes[from, end) are the first bytes, not all, of a well-formed multi-byte sequence. */
    private static boolean startsSequence(int[] bytes, int from, int end) {
        int lead = bytes[from] & 0xFF;
        int n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (n == 0 || end - from >= n) {
            return false;
        }
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        for (int m = from + 1; m < end; m++) {
            int b = bytes[m] & 0xFF;
            boolean fits = m == from + 1 ? b >= low && b <= high : b >= 0x80 && b <= 0xBF;
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    /**
     * The readings of a run one byte short: each undefined byte at each place where it makes the run whole. A short
     * run with no such reading is tried two bytes short (ISO-8859-3 drops the 0xC3 of both "ç" and "ö" in "çö").
     */
    private static Candidate withDroppedByte(String text, int runStart, int runEnd, int[] bytes, CodePage page,
            int pass, LostByteWork work) {
        Set<String> readings = work.readings(text, runStart, runEnd, page, pass, "dropped", budget -> {
            Set<String> found = new LinkedHashSet<>();
            putBackDropped(text, runStart, runEnd, bytes, page, pass, 1, found, budget);
            // Only where the run is continuation bytes alone (their lead bytes were lost) and the code page loses few
            // bytes: the readings grow with the square of both.
            if (found.isEmpty() && bytes.length >= 2 && bytes.length <= MAX_TWICE_DROPPED_RUN
                    && Arrays.stream(bytes).allMatch(b -> b >= 0x80 && b <= 0xBF) && page.lostBytes().length <= 8) {
                putBackDropped(text, runStart, runEnd, bytes, page, pass, 2, found, budget);
            }
            return found;
        });
        return readings == null ? null : lostCandidate(text, runStart, runEnd, page, readings, false);
    }

    /** Puts back {@code drops} undefined bytes, each after the longest prefix of whole sequences or up to 3 later. */
    private static void putBackDropped(String text, int runStart, int runEnd, int[] bytes, CodePage page, int pass,
            int drops, Set<String> readings, Budget budget) {
        // A byte goes after the longest prefix of whole sequences: before it, it would break one of them.
        int prefix = 0;
        int sequence;
        while (prefix < bytes.length && (sequence = sequenceLength(bytes, prefix, bytes.length)) > 0) {
            prefix += sequence;
        }
        for (int gap = prefix; gap <= Math.min(bytes.length, prefix + 3); gap++) {
            for (int lostByte : page.lostBytes()) {
                if (!budget.take()) {
                    return;
                }
                int[] filled = new int[bytes.length + 1];
                System.arraycopy(bytes, 0, filled, 0, gap);
                filled[gap] = lostByte;
                System.arraycopy(bytes, gap, filled, gap + 1, bytes.length - gap);
                if (drops == 1) {
                    addReading(text, runStart, runEnd, filled, page, pass, readings);
                } else {
                    putBackDropped(text, runStart, runEnd, filled, page, pass, drops - 1, readings, budget);
                }
            }
        }
    }

    private static void addReading(String text, int runStart, int runEnd, int[] filled, CodePage page, int pass,
            Set<String> readings) {
        if (isWellFormed(filled)) {
            Candidate judged = judge(text, runStart, runEnd, decode(filled, 0, filled.length), page, false,
                    false, pass);
            if (judged != null && !judged.weak()) {
                readings.add(judged.replacement());
            }
        }
    }

    /**
     * A run that lost too many bytes to be read, reported with no reading when its losses are marked (U+FFFD, or a
     * "?" inside it); null otherwise, as nothing then says it is damaged.
     */
    private static Candidate unreadable(String text, int runStart, int runEnd, CodePage page) {
        return marked(text.substring(runStart, runEnd))
                ? new Candidate(runStart, runEnd, null, page.bit(), true, Set.of(), Set.of(), List.of(), true, true)
                : null;
    }

    /**
     * U+FFFD marks a lost byte for sure; so does a "?" inside a longer run of a code page's characters ("π??€", 🚀
     * through Windows-1253): correct text has a question mark after a word, not inside one.
     */
    private static boolean marked(String run) {
        return run.indexOf('\uFFFD') >= 0
                || (run.length() >= 3 && run.indexOf('?') > 0 && run.indexOf('?') < run.length() - 1);
    }

    private static Candidate lostCandidate(String text, int runStart, int runEnd, CodePage page, Set<String> readings,
            boolean marked) {
        if (readings.isEmpty()) {
            return null;
        }
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        for (String reading : readings) {
            reading.codePoints().mapToObj(UnicodeScript::of).filter(s -> !LATIN_LIKE.contains(s))
                    .forEach(scripts::add);
        }
        return new Candidate(runStart, runEnd, null, page.bit(), true, scripts, scripts, List.copyOf(readings),
                marked, true);
    }

    private static boolean isWellFormed(int[] bytes) {
        int k = 0;
        while (k < bytes.length) {
            int sequence = sequenceLength(bytes, k, bytes.length);
            if (sequence == 0) {
                return false;
            }
            k += sequence;
        }
        return true;
    }

    private static String decode(int[] bytes, int from, int to) {
        byte[] raw = new byte[to - from];
        for (int k = from; k < to; k++) {
            raw[k - from] = (byte) bytes[k];
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    /**
     * The length of the well-formed UTF-8 sequence starting at {@code k} (RFC 3629: no overlong forms, no
     * surrogates, nothing above U+10FFFF), or 0 when there is none. Only multi-byte sequences count: every byte of a
     * run is non-ASCII.
     */
    private static int sequenceLength(int[] bytes, int k, int length) {
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
    private static Candidate judge(String text, int start, int end, String decoded, CodePage page, boolean partial,
            boolean singleTwoByte, int pass) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        Set<UnicodeScript> suspect = EnumSet.noneOf(UnicodeScript.class);
        boolean weak = partial;
        // C1 controls and the Apple logo never occur in correct text: a run containing them is damaged for sure.
        boolean sourceHasC1 = false;
        for (int i = start; i < end && !sourceHasC1; i++) {
            sourceHasC1 = isC1(text.charAt(i));
        }
        boolean certain = sourceHasC1 || text.substring(start, end).indexOf('\uF8FF') >= 0;
        // A C1 control in the result is only plausible as a step of double damage that went through them: the run
        // had some too, or the result's C1 controls sit in runs that are damaged UTF-8 once more (a first decoding
        // as ISO-8859-1 turns most bytes of "’" into C1 controls, a second one as Windows-1252 hides them).
        if (!sourceHasC1 && decoded.chars().anyMatch(MojibakeRepair::isC1) && !damagedAgainThroughC1(decoded)) {
            return null;
        }
        int[] codePoints = decoded.codePoints().toArray();
        for (int cp : codePoints) {
            int type = Character.getType(cp);
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
        if (singleTwoByte && isRareTwoByteResult(codePoints[0]) && !isLegacyCharacter(codePoints[0], pass)) {
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
                if (!LATIN_LIKE.contains(script) && !isLegacyCharacter(cp, pass)
                        && Character.getType(cp) != Character.CURRENCY_SYMBOL) {
                    weak = true;
                    suspect.add(script);
                }
            }
        }
        // A run that is a word of one non-Latin script (Thai in Windows-874, Greek in Windows-1253) may be just
        // that: repaired only when other repairs produced that script too (a Russian file damaged in Windows-1251).
        UnicodeScript word = nativeWordScript(text, start, end);
        if (word != null) {
            weak = true;
            suspect.add(word);
            suspect.addAll(scripts);
        }
        return certain ? new Candidate(start, end, decoded, page.bit(), false, Set.of(), scripts, null, false, !partial)
                : new Candidate(start, end, decoded, page.bit(), weak, suspect, scripts, null, false, !partial);
    }

    /**
     * The script of a run made only of letters (and marks) of one script other than Latin and shaped like a word of
     * it, or null. A capital after a small letter is no word's shape: UTF-8 read as Windows-1251 alternates them
     * ("вЂњ" for "“", "РљРѕ" for "Ко"), while real words are small, capitalised or all capitals.
     */
    private static UnicodeScript nativeWordScript(String text, int start, int end) {
        UnicodeScript found = null;
        boolean afterSmallLetter = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (!Character.isLetter(c)) {
                return null;
            }
            UnicodeScript script = UnicodeScript.of(c);
            if (LATIN_LIKE.contains(script) || (found != null && found != script)
                    || (afterSmallLetter && (Character.isUpperCase(c) || Character.isTitleCase(c)))) {
                return null;
            }
            afterSmallLetter = Character.isLowerCase(c);
            found = script;
        }
        return found;
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
     * Characters a first repair of doubly damaged text produces, so not suspicious in later passes: those of any
     * code page. In the first pass only Windows-1252's and Mac OS Roman's (Mac OS Roman has π, Ω and ƒ) count:
     * Cyrillic or Greek letters from a single sequence there are far more likely correct text.
     */
    private static boolean isLegacyCharacter(int cp, int pass) {
        return pass > 0 ? CodePage.isCodePageCharacter(cp) : CodePage.isWesternCharacter(cp);
    }

    /**
     * Whether every run of non-ASCII characters in the text that holds a C1 control is well-formed UTF-8 in some
     * code page: what a first decoding as an ISO-8859 code page leaves (they decode the bytes 0x80..0x9F as C1
     * controls, so "ł" through ISO-8859-2 is "Ĺ" and U+0082).
     */
    private static boolean damagedAgainThroughC1(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.charAt(i) < 0x80) {
                i++;
                continue;
            }
            int j = i;
            boolean c1 = false;
            while (j < n && text.charAt(j) >= 0x80) {
                c1 |= isC1(text.charAt(j));
                j++;
            }
            if (c1 && !wellFormedInSomeCodePage(text, i, j)) {
                return false;
            }
            i = j;
        }
        return true;
    }

    /** Whether some code page takes text[from, to) for well-formed UTF-8. */
    private static boolean wellFormedInSomeCodePage(String text, int from, int to) {
        return CodePage.ALL.stream().anyMatch(page -> wellFormedIn(text, from, to, page));
    }

    /** Whether the code page takes every character of text[from, to) for a non-ASCII byte, and those for UTF-8. */
    private static boolean wellFormedIn(String text, int from, int to, CodePage page) {
        int[] bytes = new int[to - from];
        for (int k = from; k < to; k++) {
            bytes[k - from] = page.toByte(text.charAt(k));
            if (bytes[k - from] < 0x80) {
                return false;
            }
        }
        return isWellFormed(bytes);
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
}
