package org.latentlab.lesson.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little Markdown structure the importer needs, line by line: where fenced code blocks are (their content must
 * stay exactly as written), thematic breaks, the title, and a final tidy-up. Deliberately not a Markdown parser.
 */
final class MarkdownLines {

    // Linear: the fence runs and the rest of the line are taken once, nothing before them can give way.
    // Headings and thematic breaks are read by plain scanning instead: as patterns, a lazy title before optional
    // closing #s took minutes on a long line of spaces, and a group repeated per dash overflowed the stack.
    private static final Pattern FENCE_OPEN = Pattern.compile("^ {0,3}(`{3,}+|~{3,}+)(.*)$");

    private MarkdownLines() {
    }

    /** The lines of a text whose line endings are already "\n". */
    static List<String> split(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    /** For each line, whether it belongs to a fenced code block (the fence lines included). */
    static boolean[] fenced(List<String> lines) {
        boolean[] fenced = new boolean[lines.size()];
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (fence == null) {
                Matcher open = FENCE_OPEN.matcher(line);
                if (open.matches() && !(open.group(1).charAt(0) == '`' && open.group(2).contains("`"))) {
                    fence = open.group(1);
                    fenced[i] = true;
                }
            } else {
                fenced[i] = true;
                String stripped = line.strip();
                char fenceChar = fence.charAt(0);
                if (line.length() - line.stripLeading().length() <= 3 && stripped.length() >= fence.length()
                        && stripped.chars().allMatch(c -> c == fenceChar)) {
                    fence = null;
                }
            }
        }
        return fenced;
    }

    /** Up to three spaces, then three or more of the same -, * or _, with only spaces and tabs between them. */
    static boolean isThematicBreak(String line) {
        int i = 0;
        while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
            i++;
        }
        if (i == line.length()) {
            return false;
        }
        char marker = line.charAt(i);
        if (marker != '-' && marker != '*' && marker != '_') {
            return false;
        }
        int count = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == marker) {
                count++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    /**
     * The text of a level 1 ATX heading ("# Title", "# Title #"), or null when the line is not one: up to three
     * spaces, "#", at least one space or tab, the title, optionally spaces and closing #s, optionally spaces.
     */
    static String headingOneText(String line) {
        int i = 0;
        while (i < line.length() && i < 3 && line.charAt(i) == ' ') {
            i++;
        }
        if (i == line.length() || line.charAt(i) != '#') {
            return null;
        }
        i++;
        int blanks = 0;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
            blanks++;
        }
        if (blanks == 0) {
            return null;
        }
        int end = line.length();
        while (end > i && isBlank(line.charAt(end - 1))) {
            end--;
        }
        int hashes = end;
        while (hashes > i && line.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes < end) {
            if (hashes == i) {
                // Only #s after the blanks: with two blanks or more, one of them opens the closing sequence.
                return blanks >= 2 ? "" : line.substring(i, end);
            }
            if (isBlank(line.charAt(hashes - 1))) {
                end = hashes;
                while (end > i && isBlank(line.charAt(end - 1))) {
                    end--;
                }
            }
        }
        return line.substring(i, end);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The title without a final heading id as the lesson renderer writes it ("Title {#id}"). */
    static String withoutHeadingId(String title) {
        if (!title.endsWith("}")) {
            return title;
        }
        // The id runs from a "{#" to the final "}" with no "}" between them; the earliest such "{#" is the one.
        int previousClose = title.lastIndexOf('}', title.length() - 2);
        int open = title.indexOf("{#", previousClose + 1);
        return open >= 0 && open + 2 <= title.length() - 1 ? title.substring(0, open) : title;
    }

    /** The text of the first level 1 heading outside code, or null. */
    static String title(List<String> lines) {
        boolean[] fenced = fenced(lines);
        for (int i = 0; i < lines.size(); i++) {
            String heading = fenced[i] ? null : headingOneText(lines.get(i));
            if (heading != null) {
                String title = withoutHeadingId(heading).strip();
                if (!title.isEmpty()) {
                    return title;
                }
            }
        }
        return null;
    }

    /**
     * Removes blank lines at the start and the end and collapses runs of blank lines outside code blocks into one
     * (removed comments and disclaimers leave them; in Markdown one blank line means the same as several). Lines
     * consisting of white space only become empty. The text ends with exactly one "\n".
     */
    static String tidy(List<String> lines) {
        boolean[] fenced = fenced(lines);
        List<String> out = new ArrayList<>();
        boolean previousBlank = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!fenced[i] && line.isBlank()) {
                if (!previousBlank) {
                    out.add("");
                }
                previousBlank = true;
            } else {
                out.add(line);
                previousBlank = false;
            }
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }
}
