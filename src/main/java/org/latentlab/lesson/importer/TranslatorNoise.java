package org.latentlab.lesson.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what the curriculum's translation tool (Co-op Translator) adds to every translated lesson: a metadata
 * comment with hashes and dates, and a final disclaimer saying the text was machine translated. Neither belongs in
 * a lesson page.
 *
 * <p>Removed comments are replaced by as many empty lines as they spanned, so that the line numbers in later report
 * entries still match the uploaded file; {@link MarkdownLines#tidy} collapses the blank lines at the end.
 */
public final class TranslatorNoise {

    // The comments are found by scanning, not by patterns: "<!--" then a lazy body searched once per "<!--" took
    // time quadratic in the file for a file of unclosed comments.
    private static final String COMMENT_OPEN = "<!--";
    private static final String COMMENT_CLOSE = "-->";
    private static final String METADATA = "CO_OP_TRANSLATOR_METADATA";
    private static final String DISCLAIMER_START = "CO_OP_TRANSLATOR_DISCLAIMER_START";
    private static final String DISCLAIMER_END = "CO_OP_TRANSLATOR_DISCLAIMER_END";

    /**
     * Words that show a final bold paragraph is the translation disclaimer: "translation", the tool's name, "AI" and
     * "machine", and the word for "translated" in the lesson languages (Malay terjemah-, Swahili tafsiri-, Slovenian
     * prevod-/prevaj-/preved-, Tagalog salin, Hebrew תרגום/תורגם).
     */
    private static final Pattern DISCLAIMER_WORDS = Pattern.compile(
            "(?iu)translat|co-op[ -]translator|machine|terjemah|tafsiri|prevod|prevaj|preved|salin|תרגום|תורגם|מתורגם"
                    + "|(?-i:\\b(?:AI|IA|KI)\\b)");

    /** A disclaimer is one short block; anything longer after the last rule is lesson content. */
    private static final int MAX_DISCLAIMER_CHARS = 3000;

    private TranslatorNoise() {
    }

    /**
     * The text without translator noise.
     *
     * @param text     the text; removed comments are blank lines, the end is trimmed
     * @param messages what was removed, with the line it started on
     */
    public record Result(String text, List<ImportMessage> messages) {

        public Result {
            messages = List.copyOf(messages);
        }
    }

    /** Strips metadata comments, the disclaimer and a trailing horizontal rule. Line endings must be "\n". */
    public static Result strip(String text) {
        List<ImportMessage> messages = new ArrayList<>();
        String result = blankOut(text, TranslatorNoise::metadataComment, ImportMessageKey.METADATA_REMOVED, messages);
        int before = messages.size();
        result = blankOut(result, TranslatorNoise::markedDisclaimer, ImportMessageKey.DISCLAIMER_REMOVED, messages);
        boolean marked = messages.size() > before;

        List<String> lines = MarkdownLines.split(result);
        trimTrailingBlankLines(lines);
        if (!marked) {
            removeUnmarkedDisclaimer(lines, messages);
        }
        removeTrailingRule(lines, messages);
        return new Result(String.join("\n", lines), messages);
    }

    /** Where a removable part that starts at an index ends (exclusive): -1 if none starts there. */
    @FunctionalInterface
    private interface Part {
        int endAt(String text, int start);
    }

    /** Replaces each part starting at a "<!--" by its line ends; lines are counted once, as the text is walked. */
    private static String blankOut(String text, Part part, ImportMessageKey key, List<ImportMessage> messages) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        int line = 1;
        int counted = 0;
        int start = text.indexOf(COMMENT_OPEN);
        while (start >= 0) {
            int end = part.endAt(text, start);
            if (end == NO_END) {
                break;
            }
            if (end < 0) {
                start = text.indexOf(COMMENT_OPEN, start + 1);
                continue;
            }
            line += newlines(text, counted, start);
            out.append(text, at, start);
            messages.add(ImportMessage.at(key, line));
            int removed = newlines(text, start, end);
            out.append("\n".repeat(removed));
            line += removed;
            counted = end;
            at = end;
            start = text.indexOf(COMMENT_OPEN, end);
        }
        return out.append(text, at, text.length()).toString();
    }

    /** A part has no end anywhere in the rest of the text: no later start can have one either. */
    private static final int NO_END = Integer.MIN_VALUE;

    /** "<!--", spaces, CO_OP_TRANSLATOR_METADATA as a whole word, anything up to the first "-->". */
    private static int metadataComment(String text, int start) {
        int word = skipSpaces(text, start + COMMENT_OPEN.length());
        int after = word + METADATA.length();
        if (!text.startsWith(METADATA, word) || after < text.length() && isWordChar(text.charAt(after))) {
            return -1;
        }
        int close = text.indexOf(COMMENT_CLOSE, after);
        return close < 0 ? NO_END : close + COMMENT_CLOSE.length();
    }

    /** The marked disclaimer up to its end marker; an unterminated one runs to the end of the file. */
    private static int markedDisclaimer(String text, int start) {
        int end = markerComment(text, start, DISCLAIMER_START);
        if (end < 0) {
            return -1;
        }
        for (int open = text.indexOf(COMMENT_OPEN, end); open >= 0; open = text.indexOf(COMMENT_OPEN, open + 1)) {
            int close = markerComment(text, open, DISCLAIMER_END);
            if (close >= 0) {
                return close;
            }
        }
        return text.length();
    }

    /** The end of "<!--", spaces, the marker, spaces, "-->" at start, or -1. */
    private static int markerComment(String text, int start, String marker) {
        if (!text.startsWith(COMMENT_OPEN, start)) {
            return -1;
        }
        int word = skipSpaces(text, start + COMMENT_OPEN.length());
        if (!text.startsWith(marker, word)) {
            return -1;
        }
        int close = skipSpaces(text, word + marker.length());
        return text.startsWith(COMMENT_CLOSE, close) ? close + COMMENT_CLOSE.length() : -1;
    }

    /** Past the white space (as a pattern's \\s: space, tab, line ends, form feed, vertical tab) at from. */
    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * Without markers, the disclaimer is recognised as the final block after the last thematic break: it starts
     * in bold ("**Disclaimer**:" or a translation of it), has no heading or code, is short, and speaks about
     * translation.
     */
    private static void removeUnmarkedDisclaimer(List<String> lines, List<ImportMessage> messages) {
        int rule = lastThematicBreak(lines);
        if (rule < 0 || rule == lines.size() - 1) {
            return;
        }
        List<String> tail = lines.subList(rule + 1, lines.size());
        String block = String.join("\n", tail).strip();
        boolean boldLed = block.startsWith("**") || block.startsWith("__");
        boolean plainProse = tail.stream().map(String::strip)
                .noneMatch(l -> l.startsWith("#") || l.startsWith("```") || l.startsWith("~~~"));
        if (boldLed && plainProse && block.length() <= MAX_DISCLAIMER_CHARS && DISCLAIMER_WORDS.matcher(block).find()) {
            int first = rule + 1;
            while (lines.get(first).isBlank()) {
                first++;
            }
            messages.add(ImportMessage.at(ImportMessageKey.DISCLAIMER_REMOVED, first + 1));
            lines.subList(rule + 1, lines.size()).clear();
            trimTrailingBlankLines(lines);
        }
    }

    /** A lone "---" closing the lesson is left over from the disclaimer; it would end the page with a line. */
    private static void removeTrailingRule(List<String> lines, List<ImportMessage> messages) {
        int last = lines.size() - 1;
        if (last >= 0 && lastThematicBreak(lines) == last) {
            messages.add(ImportMessage.at(ImportMessageKey.TRAILING_RULE_REMOVED, last + 1));
            lines.remove(last);
            trimTrailingBlankLines(lines);
        }
    }

    /**
     * The index of the last thematic break outside code that follows a blank line (right after a paragraph line
     * "---" underlines a heading instead), or -1.
     */
    private static int lastThematicBreak(List<String> lines) {
        boolean[] fenced = MarkdownLines.fenced(lines);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!fenced[i] && MarkdownLines.isThematicBreak(lines.get(i)) && (i == 0 || lines.get(i - 1).isBlank())) {
                return i;
            }
        }
        return -1;
    }

    private static void trimTrailingBlankLines(List<String> lines) {
        while (lines.size() > 1 && lines.getLast().isBlank()) {
            lines.removeLast();
        }
    }
}
