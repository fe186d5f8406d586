package org.latentlab.quiz.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Text helpers shared by the formats: HTML detection and removal, whitespace, slugs, limits of imported files. */
final class PlainText {

    /** Imported files larger than this are refused. */
    static final int MAX_IMPORT_BYTES = 2 * 1024 * 1024;
    /** Imported files with more questions than this (in all their quizzes) are refused. */
    static final int MAX_IMPORT_QUESTIONS = 500;
    /** An imported question with a longer text (question, option, feedback) is left out. */
    static final int MAX_TEXT_LENGTH = 2000;
    /** Ids: lowercase letters, digits and single hyphens between them. */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** An HTML start or end tag, comment, doctype or CDATA section; "a < b" and "x<5" are not tags. */
    private static final Pattern HTML_TAG = Pattern.compile(
            "</?[a-zA-Z][a-zA-Z0-9:-]*(?:[\\s/][^<>]*)?>|<!--|<!\\[CDATA\\[|<![a-zA-Z]");
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Document.OutputSettings RAW = new Document.OutputSettings().prettyPrint(false)
            .escapeMode(Entities.EscapeMode.base);

    private PlainText() {
    }

    /** The first HTML tag in the text, or null if it has none. */
    static String firstHtmlTag(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = HTML_TAG.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

    static boolean containsHtml(String text) {
        return firstHtmlTag(text) != null;
    }

    /**
     * The text without any HTML: {@code Jsoup.clean(text, Safelist.none())} then entities unescaped, repeated until
     * nothing changes (so that {@code &lt;script&gt;} does not come back as a tag). Whitespace is normalised.
     */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        String current = normalize(text);
        for (int round = 0; round < 8; round++) {
            if (current.indexOf('<') < 0 && !ENTITY.matcher(current).find()) {
                break;
            }
            String cleaned = normalize(Parser.unescapeEntities(Jsoup.clean(current, "", Safelist.none(), RAW), false));
            if (cleaned.equals(current)) {
                break;
            }
            current = cleaned;
        }
        // Whatever still looks like a tag after eight rounds is taken apart rather than kept.
        while (containsHtml(current)) {
            current = normalize(HTML_TAG.matcher(current).replaceAll(" "));
        }
        return current;
    }

    /** Whether the text has a script, style or similar element whose content is dropped, not only its tags. */
    static boolean hasActiveContent(String text) {
        return text != null && Pattern.compile("<\\s*(script|style|iframe|object|embed|svg|math|template)\\b",
                Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    /** HTML (as written with Moodle's [html] marker) as plain text: line breaks for br and blocks, no markup. */
    static String htmlToText(String html) {
        Document document = Jsoup.parseBodyFragment(html == null ? "" : html);
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        text.append('\n');
                    } else if (element.isBlock()) {
                        endLine();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock() && !element.nameIs("br")) {
                    endLine();
                }
            }

            private void endLine() {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }
        }, document.body());
        return sanitize(text.toString());
    }

    /** Markdown images and links longer than these are left as they are. */
    private static final int MD_LABEL_MAX = 500;
    private static final int MD_DESTINATION_MAX = 2000;
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+");
    private static final Pattern MD_QUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");
    // Possessive: a group repeated greedily is matched recursively, and a long rule overflowed the stack.
    private static final Pattern MD_RULE = Pattern.compile("(?m)^[ \\t]*+(?:[-*_][ \\t]*+){3,}+$");
    private static final Pattern MD_CODE = Pattern.compile("`{1,3}([^`]*)`{1,3}");
    private static final Pattern MD_STRONG = Pattern.compile("\\*\\*|__");
    /** A * or _ that opens emphasis (at the start or after a space or bracket, before a non-space) or closes it. */
    private static final Pattern MD_EMPHASIS = Pattern.compile(
            "(?<![^\\s(\\[{\"'])[*_](?=\\S)|(?<=\\S)[*_](?=$|[\\s)\\]}.,;:!?\"'])", Pattern.MULTILINE);

    /**
     * Markdown (as written with Moodle's [markdown] marker) as plain text: emphasis, links, code marks, headings
     * removed. Every pattern is linear (bounded or without backtracking), so hostile input cannot make it slow.
     */
    static String markdownToText(String markdown) {
        String text = markdown == null ? "" : markdown.replace("\r\n", "\n");
        text = linkTexts(text, true);
        text = linkTexts(text, false);
        text = MD_HEADING.matcher(text).replaceAll("");
        text = MD_QUOTE.matcher(text).replaceAll("");
        text = MD_RULE.matcher(text).replaceAll("");
        text = MD_CODE.matcher(text).replaceAll("$1");
        text = MD_STRONG.matcher(text).replaceAll("");
        text = MD_EMPHASIS.matcher(text).replaceAll("");
        // Markdown may contain HTML: it is removed like anywhere else.
        return sanitize(text);
    }

    /**
     * Markdown images {@code ![alt](src)} (or links {@code [text](url)}) replaced by their text: the text is up to
     * the first "]" and at most 500 characters, the destination up to the first ")" and at most 2,000, neither
     * across a line end. Scanned with the next "]" and ")" looked up, not searched for: as bounded patterns, a
     * question of "[a](" repeated took a second, and a file holds hundreds of questions.
     */
    static String linkTexts(String text, boolean images) {
        int n = text.length();
        int[] nextBracket = nextOf(text, ']');
        int[] nextParen = nextOf(text, ')');
        StringBuilder out = new StringBuilder(n);
        int at = 0;
        for (int i = 0; i < n; i++) {
            int open = images ? i + 1 : i;
            if (open >= n || text.charAt(open) != '[' || images && text.charAt(i) != '!') {
                continue;
            }
            int close = nextBracket[open + 1];
            int label = close - open - 1;
            if (close >= n || text.charAt(close) != ']' || label > MD_LABEL_MAX || !images && label < 1
                    || close + 1 >= n || text.charAt(close + 1) != '(') {
                continue;
            }
            int end = nextParen[close + 2];
            if (end >= n || text.charAt(end) != ')' || end - close - 2 > MD_DESTINATION_MAX) {
                continue;
            }
            out.append(text, at, i).append(text, open + 1, close);
            at = end + 1;
            i = end;
        }
        return out.append(text, at, n).toString();
    }

    /** For each index (and one past the end), the index of the next wanted character or line end, else length. */
    private static int[] nextOf(String text, char wanted) {
        int[] next = new int[text.length() + 2];
        next[text.length()] = text.length();
        next[text.length() + 1] = text.length();
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            next[i] = c == wanted || c == '\n' ? i : next[i + 1];
        }
        return next;
    }

    /**
     * Plain-text whitespace: line ends unified, tabs and control characters removed, runs of spaces collapsed, each
     * line trimmed, at most one empty line in a row, no blank start or end.
     */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String result = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        result = CONTROL.matcher(result).replaceAll("");
        result = result.replace("\uFEFF", "");
        StringBuilder lines = new StringBuilder(result.length());
        for (String line : result.split("\n", -1)) {
            if (!lines.isEmpty()) {
                lines.append('\n');
            }
            lines.append(SPACES.matcher(line.strip()).replaceAll(" "));
        }
        return BLANK_LINES.matcher(lines.toString()).replaceAll("\n\n").strip();
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A lowercase id made of the text's letters and digits (accents removed), at most 60 characters; may be "". */
    static String slug(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
                .replace("ø", "o").replace("đ", "d").replace("ł", "l").replace("þ", "th").replace("ı", "i");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug;
    }

    /** The name of an uploaded file without folders and without its extension. */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A place in an imported file: {@code question 3 "Title"} or {@code question 3}. */
    static String questionPlace(int number, String title) {
        return "question " + number + (title == null || title.isBlank() ? "" : " \"" + shorten(title, 60) + "\"");
    }

    static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return length(flat) <= max ? flat : flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
    }

    /**
     * The bytes of an imported file as text, refusing what is not a usable text file: empty, over 2 MB, not UTF-8,
     * binary. A byte order mark is removed.
     */
    static String decodeImport(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw new QuizFormatException(fileName, null, "the file is empty");
        }
        if (bytes.length > MAX_IMPORT_BYTES) {
            throw new QuizFormatException(fileName, null, String.format(Locale.ROOT,
                    "the file is too large (%.1f MB); at most 2 MB can be imported", bytes.length / 1048576.0));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new QuizFormatException(fileName, null, "the file is not UTF-8 text", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new QuizFormatException(fileName, null, "the file is not a text file (it contains NUL bytes)");
        }
        if (text.isBlank()) {
            throw new QuizFormatException(fileName, null, "the file is empty");
        }
        return text;
    }

    /** Hands out ids unique within one scope (a quiz's questions): the wanted one, else with -2, -3... appended. */
    static final class Ids {

        private final Set<String> used = new HashSet<>();

        String unique(String wanted, String fallback) {
            String base = wanted == null || wanted.isEmpty() ? fallback : wanted;
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }
    }

    /** Option ids a, b, c... for the n-th option (0-based). */
    static String optionId(int index) {
        return index < 26 ? String.valueOf((char) ('a' + index)) : "o" + (index + 1);
    }
}
