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

    private static final Pattern FENCE_OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^ {0,3}(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,})$");
    private static final Pattern HEADING_1 = Pattern.compile("^ {0,3}#[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    /** A heading id as the lesson renderer writes it: "## Title {#id}". */
    private static final Pattern HEADING_ID = Pattern.compile("\\s*\\{#[^}]*\\}$");

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

    static boolean isThematicBreak(String line) {
        return THEMATIC_BREAK.matcher(line).matches();
    }

    /** The text of the first level 1 heading outside code, or null. */
    static String title(List<String> lines) {
        boolean[] fenced = fenced(lines);
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = HEADING_1.matcher(lines.get(i));
            if (!fenced[i] && heading.matches()) {
                String title = HEADING_ID.matcher(heading.group(1)).replaceFirst("").strip();
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
