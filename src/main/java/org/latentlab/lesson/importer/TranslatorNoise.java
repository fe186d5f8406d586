package org.latentlab.lesson.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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

    /** Any HTML comment whose content starts with CO_OP_TRANSLATOR_METADATA, on one line or many. */
    private static final Pattern METADATA = Pattern.compile("<!--\\s*CO_OP_TRANSLATOR_METADATA\\b.*?-->",
            Pattern.DOTALL);

    /** The marked disclaimer; an unterminated one runs to the end of the file. */
    private static final Pattern MARKED_DISCLAIMER = Pattern.compile(
            "<!--\\s*CO_OP_TRANSLATOR_DISCLAIMER_START\\s*-->.*?(?:<!--\\s*CO_OP_TRANSLATOR_DISCLAIMER_END\\s*-->|\\z)",
            Pattern.DOTALL);

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
        String result = blankOut(text, METADATA, ImportMessageKey.METADATA_REMOVED, messages);
        int before = messages.size();
        result = blankOut(result, MARKED_DISCLAIMER, ImportMessageKey.DISCLAIMER_REMOVED, messages);
        boolean marked = messages.size() > before;

        List<String> lines = MarkdownLines.split(result);
        trimTrailingBlankLines(lines);
        if (!marked) {
            removeUnmarkedDisclaimer(lines, messages);
        }
        removeTrailingRule(lines, messages);
        return new Result(String.join("\n", lines), messages);
    }

    private static String blankOut(String text, Pattern pattern, ImportMessageKey key, List<ImportMessage> messages) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (matcher.find()) {
            out.append(text, at, matcher.start());
            messages.add(ImportMessage.at(key, lineAt(text, matcher.start())));
            matcher.group().chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
            at = matcher.end();
        }
        return out.append(text, at, text.length()).toString();
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

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
