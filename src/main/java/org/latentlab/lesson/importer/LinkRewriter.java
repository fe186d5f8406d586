package org.latentlab.lesson.importer;

import java.util.ArrayList;
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
    private static final String TITLE = "(?:\\s+(?:\"[^\"]*\"|'[^']*'|\\([^()]*\\)))?";

    /** The four things that can carry a link or an image, in one pattern so each is seen exactly once. */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<image>!\\[(?<imgAlt>" + LABEL + ")\\]\\(\\s*(?:<(?<imgAngle>[^<>\\n]*)>|(?<imgPlain>" + DESTINATION
                    + "))" + TITLE + "\\s*\\))"
                    + "|(?<link>\\[(?<linkText>" + LABEL + ")\\]\\(\\s*(?:<(?<linkAngle>[^<>\\n]*)>|(?<linkPlain>"
                    + DESTINATION + "))" + TITLE + "\\s*\\))"
                    + "|(?<htmlImg>(?i:<img\\b[^>]*>))"
                    + "|(?<anchor>(?i:<a\\b(?<aAttrs>[^>]*)>)(?<aText>.*?)(?i:</a\\s*>))");

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "(?i)\\b(?<name>src|alt|href)\\s*=\\s*(?:\"(?<dq>[^\"]*)\"|'(?<sq>[^']*)'|(?<bare>[^\\s\"'>]+))");

    /** Both quiz URL styles, on any host; the language segment of the newer style may be any language tag. */
    private static final Pattern QUIZ_URL = Pattern.compile(
            "(?i)https?://[^/?#\\s]+(?:/quiz/(?<old>\\d{1,6})|/[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*/ai/quiz/(?<new>\\d{1,6}))"
                    + "/?(?:[?#]\\S*)?");

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

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
        Matcher m = TOKEN.matcher(stripped);
        if (!m.matches()) {
            return null;
        }
        Image image = image(m);
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

    /** Inline code spans as [start, end) pairs: a run of backticks up to the next run of the same length. */
    private static List<int[]> codeSpans(String line) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = runOfBackticks(line, i);
            int close = -1;
            for (int j = i + run; j < line.length(); ) {
                if (line.charAt(j) == '`') {
                    int other = runOfBackticks(line, j);
                    if (other == run) {
                        close = j;
                        break;
                    }
                    j += other;
                } else {
                    j++;
                }
            }
            if (close < 0) {
                i += run;
            } else {
                spans.add(new int[] {i, close + run});
                i = close + run;
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

    private String rewriteInline(String text, int lineNumber, List<ImportMessage> messages) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (m.find()) {
            out.append(text, at, m.start());
            out.append(rewriteToken(text, m, lineNumber, messages));
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    private String rewriteToken(String text, Matcher m, int lineNumber, List<ImportMessage> messages) {
        String token = m.group();
        Image image = image(m);
        if (image != null) {
            if (!isRelative(image.source())) {
                return token;
            }
            messages.add(ImportMessage.at(ImportMessageKey.IMAGE_MISSING, lineNumber, image.source()));
            return PLACEHOLDER.formatted(image.label());
        }
        if (m.group("link") != null) {
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
        // <a href="...">text</a>
        String attributes = m.group("aAttrs");
        String label = rewriteInline(m.group("aText"), lineNumber, messages);
        Matcher href = attribute(attributes, "href");
        if (href == null) {
            return text.substring(m.start(), m.start("aText")) + label + text.substring(m.end("aText"), m.end());
        }
        String valueGroup = valueGroup(href);
        String newDestination = newDestination(decodeEntities(href.group(valueGroup)), m.group("aText"), lineNumber,
                messages);
        if (newDestination == null) {
            return label;
        }
        String newAttributes = attributes.substring(0, href.start(valueGroup))
                + (valueGroup.equals("bare") ? "\"" + newDestination + "\"" : newDestination)
                + attributes.substring(href.end(valueGroup));
        return text.substring(m.start(), m.start("aAttrs")) + newAttributes
                + text.substring(m.end("aAttrs"), m.start("aText")) + label + text.substring(m.end("aText"), m.end());
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

    /** A Markdown or HTML image in the match, or null when the match is a link. */
    private static Image image(Matcher m) {
        if (m.group("image") != null) {
            String source = m.group("imgAngle") != null ? m.group("imgAngle") : m.group("imgPlain");
            return new Image(source.strip(), label(m.group("imgAlt"), source));
        }
        if (m.group("htmlImg") != null) {
            String tag = m.group("htmlImg");
            Matcher src = attribute(tag, "src");
            Matcher alt = attribute(tag, "alt");
            String source = src == null ? "" : decodeEntities(src.group(valueGroup(src))).strip();
            return new Image(source, label(alt == null ? "" : decodeEntities(alt.group(valueGroup(alt))), source));
        }
        return null;
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
                && !SCHEME.matcher(target).find();
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
}
