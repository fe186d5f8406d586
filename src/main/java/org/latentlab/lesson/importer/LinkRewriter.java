package org.latentlab.lesson.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the links of a curriculum lesson for Latent Lab. The curriculum's links point into its own repository
 * and quiz site; here they must point to the app's own quizzes, to GitHub, or nowhere:
 * <ul>
 * <li>quiz links, in the older style {@code https://<any host>/quiz/17} and the newer
 * {@code https://ff-quizzes.netlify.app/en/ai/quiz/17}, become {@code /quizzes/<our id>} when the quiz is mapped,
 * and stay external (reported) when it is not;</li>
 * <li>relative images (Markdown and {@code <img>}) are files we do not have: they become a visible placeholder;</li>
 * <li>relative notebook links ({@code .ipynb}) point to the notebook on GitHub;</li>
 * <li>other relative links lose the link and keep their text.</li>
 * </ul>
 * Absolute links and images, in-page anchors, fenced code blocks and inline code stay as they are.
 */
public final class LinkRewriter {

    /** Where the autoencoder lesson's notebooks live in the curriculum repository. */
    public static final String DEFAULT_NOTEBOOK_BASE =
            "https://github.com/microsoft/AI-For-Beginners/blob/main/lessons/4-ComputerVision/09_Autoencoders/";

    /** The app's quiz route; a mapped quiz link becomes this plus our quiz id. */
    public static final String QUIZ_PATH = "/quizzes/";

    private static final String PLACEHOLDER = "[image not available: %s]";

    // Link text: anything but brackets, escaped characters, and one level of nested brackets (an image in a link).
    private static final String LABEL = "(?:[^\\[\\]\\\\]|\\\\.|\\[(?:[^\\[\\]\\\\]|\\\\.)*+\\])*+";
    // Link destination: no spaces, parentheses only balanced (Wikipedia's "Foo_(bar)").
    private static final String DESTINATION = "(?:[^()\\s\\\\]|\\\\.|\\((?:[^()\\s\\\\]|\\\\.)*+\\))*+";
    private static final String TITLE = "(?:\\s++(?:\"[^\"]*+\"|'[^']*+'|\\([^()]*+\\)))?";

    /**
     * A Markdown image or link, tried only where one can start (an unescaped "!" or "["): label and destination
     * are possessive, so a failed attempt costs no more than the text it looked at.
     */
    private static final Pattern MARKDOWN = Pattern.compile(
            "(?<image>!\\[(?<imgAlt>" + LABEL + ")\\]\\(\\s*+(?:<(?<imgAngle>[^<>\\n]*+)>|(?<imgPlain>" + DESTINATION
                    + "))" + TITLE + "\\s*+\\))"
                    + "|(?<link>\\[(?<linkText>" + LABEL + ")\\]\\(\\s*+(?:<(?<linkAngle>[^<>\\n]*+)>|(?<linkPlain>"
                    + DESTINATION + "))" + TITLE + "\\s*+\\))");

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(?i)\\b(?<name>src|alt|href)\\s*=\\s*(?:\"(?<dq>[^\"]*)\"|'(?<sq>[^']*)'|(?<bare>[^\\s\"'>]+))");

    /** Both quiz URL styles, on any host; the language segment of the newer style may be any language tag. */
    private static final Pattern QUIZ_URL = Pattern.compile(
            "(?i)https?://[^/?#\\s]++(?:/quiz/(?<old>\\d{1,6})|/[a-z]{2,3}+(?:[-_][a-z0-9]{2,8}+)*+/ai/quiz/(?<new>\\d{1,6}))"
                    + "/?(?:[?#]\\S*+)?");

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*+:");

    private final Map<Integer, String> quizMapping;
    private final String notebookBase;

    /**
     * @param quizMapping  curriculum quiz number to our quiz id
     * @param notebookBase the GitHub folder relative notebook links are resolved against; a "/" is added if missing
     */
    public LinkRewriter(Map<Integer, String> quizMapping, String notebookBase) {
        this.quizMapping = Map.copyOf(quizMapping);
        String base = Objects.requireNonNullElse(notebookBase, DEFAULT_NOTEBOOK_BASE).strip();
        this.notebookBase = base.endsWith("/") ? base : base + "/";
    }

    /**
     * The rewritten text.
     *
     * @param text     the text with links rewritten
     * @param messages one entry per rewritten, unmapped or removed link or image, with its line
     */
    public record Result(String text, List<ImportMessage> messages) {

        public Result {
            messages = List.copyOf(messages);
        }
    }

    /** Rewrites the links of a text whose line endings are "\n"; line numbers in the report refer to this text. */
    public Result rewrite(String text) {
        List<String> lines = MarkdownLines.split(text);
        boolean[] fenced = MarkdownLines.fenced(lines);
        List<ImportMessage> messages = new ArrayList<>();
        List<String> out = new ArrayList<>(lines.size());
        boolean blankNeeded = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String block = fenced[i] ? null : blockPlaceholder(line, i + 1, messages);
            if (block != null) {
                // The placeholder is a block quote; blank lines around it keep the neighbours out of the quote.
                if (!out.isEmpty() && !out.getLast().isBlank()) {
                    out.add("");
                }
                out.add(block);
                blankNeeded = true;
                continue;
            }
            String rewritten = fenced[i] ? line : rewriteLine(line, i + 1, messages);
            if (blankNeeded && !rewritten.isBlank()) {
                out.add("");
            }
            blankNeeded = false;
            out.add(rewritten);
        }
        return new Result(String.join("\n", out), messages);
    }

    /** When the line is nothing but a relative image, its placeholder on a line of its own; otherwise null. */
    private String blockPlaceholder(String line, int lineNumber, List<ImportMessage> messages) {
        String stripped = line.strip();
        Image image = null;
        if (stripped.startsWith("![")) {
            Matcher m = MARKDOWN.matcher(stripped);
            image = m.matches() ? image(m) : null;
        } else if (stripped.startsWith("<")) {
            HtmlTag tag = HtmlTag.at(stripped, 0, new HtmlScan());
            image = tag != null && tag.end() == stripped.length() ? tag.image() : null;
        }
        if (image == null || !isRelative(image.source())) {
            return null;
        }
        messages.add(ImportMessage.at(ImportMessageKey.IMAGE_MISSING, lineNumber, image.source()));
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return indent + "> " + PLACEHOLDER.formatted(image.label());
    }

    /** Rewrites the parts of a line outside inline code spans. */
    private String rewriteLine(String line, int lineNumber, List<ImportMessage> messages) {
        StringBuilder out = new StringBuilder(line.length());
        int at = 0;
        for (int[] span : codeSpans(line)) {
            out.append(rewriteInline(line.substring(at, span[0]), lineNumber, messages));
            out.append(line, span[0], span[1]);
            at = span[1];
        }
        out.append(rewriteInline(line.substring(at), lineNumber, messages));
        return out.toString();
    }

    /**
     * Inline code spans as [start, end) pairs: a run of backticks up to the next run of the same length. Each run's
     * closing run is looked up, not searched for, so that many runs that never close cost no more than one.
     */
    private static List<int[]> codeSpans(String line) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < line.length(); ) {
            if (line.charAt(i) == '`') {
                int run = runOfBackticks(line, i);
                runs.add(new int[] {i, run});
                i += run;
            } else {
                i++;
            }
        }
        // For each run, the index of the next run of the same length, found walking backwards once.
        int[] next = new int[runs.size()];
        Map<Integer, Integer> seen = new HashMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            next[r] = seen.getOrDefault(runs.get(r)[1], -1);
            seen.put(runs.get(r)[1], r);
        }
        List<int[]> spans = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            if (next[r] >= 0) {
                int[] close = runs.get(next[r]);
                spans.add(new int[] {runs.get(r)[0], close[0] + close[1]});
                r = next[r];
            }
        }
        return spans;
    }

    private static int runOfBackticks(String line, int from) {
        int end = from;
        while (end < line.length() && line.charAt(end) == '`') {
            end++;
        }
        return end - from;
    }

    /**
     * Rewrites the links and images of a piece of a line. Tokens are tried only where one can start: an unescaped
     * "!" or "[" (a Markdown image or link) and "<" (an HTML image or link); a backslash escapes the next character,
     * so "\\[" starts nothing, as in Markdown.
     */
    private String rewriteInline(String text, int lineNumber, List<ImportMessage> messages) {
        Matcher m = MARKDOWN.matcher(text);
        HtmlScan scan = new HtmlScan();
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '!' || c == '[') {
                m.region(i, text.length());
                if (m.lookingAt()) {
                    out.append(text, at, i).append(rewriteMarkdown(text, m, lineNumber, messages));
                    at = i = m.end();
                    continue;
                }
            } else if (c == '<') {
                HtmlTag tag = HtmlTag.at(text, i, scan);
                if (tag != null) {
                    out.append(text, at, i).append(rewriteHtml(tag, lineNumber, messages));
                    at = i = tag.end();
                    continue;
                }
            }
            i++;
        }
        return out.append(text, at, text.length()).toString();
    }

    private String rewriteMarkdown(String text, Matcher m, int lineNumber, List<ImportMessage> messages) {
        String token = m.group();
        Image image = image(m);
        if (image != null) {
            return rewriteImage(token, image, lineNumber, messages);
        }
        String groupName = m.group("linkAngle") != null ? "linkAngle" : "linkPlain";
        String destination = m.group(groupName);
        String label = rewriteInline(m.group("linkText"), lineNumber, messages);
        String newDestination = newDestination(destination, m.group("linkText"), lineNumber, messages);
        if (newDestination == null) {
            return label;
        }
        // Splice: "[" + label + "](" ... destination ... title ")", keeping everything else as written.
        return "[" + label + text.substring(m.end("linkText"), m.start(groupName)) + newDestination
                + text.substring(m.end(groupName), m.end());
    }

    private String rewriteImage(String token, Image image, int lineNumber, List<ImportMessage> messages) {
        if (!isRelative(image.source())) {
            return token;
        }
        messages.add(ImportMessage.at(ImportMessageKey.IMAGE_MISSING, lineNumber, image.source()));
        return PLACEHOLDER.formatted(image.label());
    }

    private String rewriteHtml(HtmlTag tag, int lineNumber, List<ImportMessage> messages) {
        if (tag.text() == null) {
            return rewriteImage(tag.token(), tag.image(), lineNumber, messages);
        }
        // <a href="...">text</a>
        String attributes = tag.attributes();
        String label = rewriteInline(tag.text(), lineNumber, messages);
        Matcher href = attribute(attributes, "href");
        if (href == null) {
            return tag.openTag() + label + tag.closeTag();
        }
        String valueGroup = valueGroup(href);
        String newDestination = newDestination(decodeEntities(href.group(valueGroup)), tag.text(), lineNumber,
                messages);
        if (newDestination == null) {
            return label;
        }
        String newAttributes = attributes.substring(0, href.start(valueGroup))
                + (valueGroup.equals("bare") ? "\"" + newDestination + "\"" : newDestination)
                + attributes.substring(href.end(valueGroup));
        return "<" + tag.name() + newAttributes + ">" + label + tag.closeTag();
    }

    /**
     * Where a link should point now: the same destination, the app's quiz, or the notebook on GitHub; null when the
     * link must go (a relative link to a file we do not have).
     */
    private String newDestination(String destination, String linkText, int lineNumber, List<ImportMessage> messages) {
        String target = destination.strip();
        Matcher quiz = QUIZ_URL.matcher(target);
        if (quiz.matches()) {
            int number = Integer.parseInt(quiz.group("old") != null ? quiz.group("old") : quiz.group("new"));
            String ours = quizMapping.get(number);
            if (ours == null) {
                messages.add(ImportMessage.at(ImportMessageKey.QUIZ_UNMAPPED, lineNumber, number, target));
                return destination;
            }
            messages.add(ImportMessage.at(ImportMessageKey.QUIZ_LINKED, lineNumber, number, ours));
            return QUIZ_PATH + ours;
        }
        if (!isRelative(target)) {
            return destination;
        }
        String path = withoutQueryAndFragment(target);
        if (path.toLowerCase(Locale.ROOT).endsWith(".ipynb")) {
            String fileName = fileName(path);
            int hash = target.indexOf('#');
            String url = notebookBase + fileName + (hash >= 0 ? target.substring(hash) : "");
            messages.add(ImportMessage.at(ImportMessageKey.NOTEBOOK_LINKED, lineNumber, fileName, url));
            return url;
        }
        messages.add(ImportMessage.at(ImportMessageKey.RELATIVE_LINK_REMOVED, lineNumber,
                linkText.strip(), target));
        return null;
    }

    /** The Markdown image in the match, or null when the match is a link. */
    private static Image image(Matcher m) {
        if (m.group("image") == null) {
            return null;
        }
        String source = m.group("imgAngle") != null ? m.group("imgAngle") : m.group("imgPlain");
        return new Image(source.strip(), label(m.group("imgAlt"), source));
    }

    /**
     * What the placeholder shows: the alternative text, else the file name. Brackets would end the placeholder's
     * own brackets early, so they become parentheses.
     */
    private static String label(String alt, String source) {
        String label = alt.isBlank() ? fileName(withoutQueryAndFragment(source.strip())) : alt;
        return label.replace('[', '(').replace(']', ')').replaceAll("\\s+", " ").strip();
    }

    private static Matcher attribute(String attributes, String name) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            if (m.group("name").equalsIgnoreCase(name)) {
                return m;
            }
        }
        return null;
    }

    private static String valueGroup(Matcher attribute) {
        return attribute.group("dq") != null ? "dq" : attribute.group("sq") != null ? "sq" : "bare";
    }

    /** The few entities that appear in attribute values of the curriculum's HTML. */
    private static String decodeEntities(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /**
     * Relative: a path in the curriculum repository. Not relative: URLs with a scheme (https:, mailto:, data:),
     * protocol-relative URLs, in-page anchors, and empty destinations.
     */
    private static boolean isRelative(String target) {
        return !target.isEmpty() && !target.startsWith("#") && !target.startsWith("//")
                && !SCHEME.matcher(target).lookingAt();
    }

    private static String withoutQueryAndFragment(String target) {
        int end = target.length();
        int query = target.indexOf('?');
        int hash = target.indexOf('#');
        if (query >= 0) {
            end = Math.min(end, query);
        }
        if (hash >= 0) {
            end = Math.min(end, hash);
        }
        return target.substring(0, end);
    }

    private static String fileName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private record Image(String source, String label) {
    }

    /**
     * What an HTML scan of one piece of text has learnt: once no "&gt;" follows, no later tag can end; once no
     * "&lt;/a&gt;" follows an opening tag, no later link can close. Both make every later attempt free, where a
     * pattern tried each "&lt;a" again against the rest of the text.
     */
    private static final class HtmlScan {
        boolean noTagEnd;
        boolean noLinkClose;
    }

    /**
     * An HTML image ({@code <img ...>}, text null) or link ({@code <a ...>text</a>}, up to the first closing tag)
     * in a piece of text, as the curriculum writes them; names are case-insensitive.
     */
    private record HtmlTag(String source, int start, int end, String name, String attributes, int textStart,
            int textEnd) {

        static HtmlTag at(String text, int start, HtmlScan scan) {
            if (scan.noTagEnd) {
                return null;
            }
            String name = tagName(text, start + 1, "img") ? text.substring(start + 1, start + 4)
                    : tagName(text, start + 1, "a") ? text.substring(start + 1, start + 2) : null;
            if (name == null || name.length() == 1 && scan.noLinkClose) {
                return null;
            }
            int gt = text.indexOf('>', start);
            if (gt < 0) {
                scan.noTagEnd = true;
                return null;
            }
            String attributes = text.substring(start + 1 + name.length(), gt);
            if (name.length() == 3) {
                return new HtmlTag(text, start, gt + 1, name, attributes, -1, -1);
            }
            for (int close = text.indexOf("</", gt + 1); close >= 0; close = text.indexOf("</", close + 1)) {
                if (close + 2 < text.length() && Character.toLowerCase(text.charAt(close + 2)) == 'a') {
                    int after = close + 3;
                    while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                        after++;
                    }
                    if (after < text.length() && text.charAt(after) == '>') {
                        return new HtmlTag(text, start, after + 1, name, attributes, gt + 1, close);
                    }
                }
            }
            scan.noLinkClose = true;
            return null;
        }

        /** "<img" or "<a" followed by the end of the name (anything but a letter, digit or underscore). */
        private static boolean tagName(String text, int at, String name) {
            int after = at + name.length();
            return text.regionMatches(true, at, name, 0, name.length())
                    && (after == text.length() || !(Character.isLetterOrDigit(text.charAt(after))
                    || text.charAt(after) == '_'));
        }

        String token() {
            return source.substring(start, end);
        }

        /** The link text, or null for an image. */
        String text() {
            return textStart < 0 ? null : source.substring(textStart, textEnd);
        }

        String openTag() {
            return source.substring(start, textStart);
        }

        String closeTag() {
            return source.substring(textEnd, end);
        }

        Image image() {
            Matcher src = attribute(attributes, "src");
            Matcher alt = attribute(attributes, "alt");
            String imageSource = src == null ? "" : decodeEntities(src.group(valueGroup(src))).strip();
            return new Image(imageSource, label(alt == null ? "" : decodeEntities(alt.group(valueGroup(alt))),
                    imageSource));
        }
    }
}
