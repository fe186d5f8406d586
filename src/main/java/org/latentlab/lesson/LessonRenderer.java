package org.latentlab.lesson;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns a lesson's Markdown into safe HTML blocks and directives.
 *
 * <p>Markdown goes through a real CommonMark parser (with GFM tables); whatever HTML comes out, including raw HTML
 * the source contained, is cleaned with a jsoup safelist, so no script, event handler or {@code javascript:} URL can
 * survive, whatever the source. Three extensions are handled around the parser, because the parser would otherwise
 * mangle them: directive lines ({@code ::: widget reconstruct}), display formulas between {@code $$} lines and
 * inline {@code $...$} formulas (their underscores and backslashes are not Markdown). They are swapped for
 * private-use placeholders before parsing and put back, as elements we build ourselves, after cleaning.
 */
@Component
public class LessonRenderer {

    /** A part of a rendered lesson: sanitised HTML, or a directive the page turns into a live component. */
    public sealed interface Block permits HtmlBlock, Directive {
    }

    public record HtmlBlock(String html) implements Block {
    }

    /** {@code ::: <kind> <name>}, e.g. kind "widget", name "reconstruct". */
    public record Directive(String kind, String name) implements Block {
    }

    /** A heading with its stable id ({@code ## Title {#id}}), used for the contents, progress and links. */
    public record Section(String id, String title, int level) {
    }

    public record RenderedLesson(String title, List<Block> blocks, List<Section> sections) {
    }

    public static final Set<String> DIRECTIVE_KINDS = Set.of("widget", "figure", "lab");

    // Possessive, so a long line that is almost a directive or a fence costs one pass. Heading ids and inline
    // formulas are found by scanning: as patterns they took time quadratic in a long line.
    private static final Pattern DIRECTIVE = Pattern.compile("^:::\\s*+([a-z]++)\\s++([a-z0-9][a-z0-9-]*+)\\s*+$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}+|~{3,}+)");
    /**
     * Lists and quotes nested deeper than this on one line are cut off (the marker that would go deeper is
     * escaped): the Markdown parser and the cleaner walk the tree recursively, and a line of a million "> " ran
     * them out of stack. Real lessons nest three or four levels.
     */
    static final int MAX_NESTING = 32;

    private static final char INLINE_OPEN = '\uE000';
    private static final char INLINE_CLOSE = '\uE001';
    private static final char BLOCK_OPEN = '\uE002';
    private static final char BLOCK_CLOSE = '\uE003';
    private static final Pattern PLACEHOLDERS = Pattern.compile("[\uE000-\uE003]");
    private static final Pattern BLOCK_TOKEN = Pattern.compile(BLOCK_OPEN + "([DM])(\\d+)" + BLOCK_CLOSE);
    private static final Pattern INLINE_TOKEN = Pattern.compile(INLINE_OPEN + "(\\d+)" + INLINE_CLOSE);

    private final Parser parser;
    private final Safelist safelist;

    public LessonRenderer() {
        List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.safelist = Safelist.relaxed()
                .addTags("hr", "del", "s", "details", "summary", "aside")
                .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
                .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
                .addAttributes("th", "align").addAttributes("td", "align")
                .addAttributes("code", "class")
                .addProtocols("a", "href", "http", "https", "mailto")
                .removeProtocols("img", "src", "http")
                .preserveRelativeLinks(true);
    }

    public RenderedLesson render(String markdown) {
        Extracted extracted = extract(markdown == null ? "" : markdown);
        Node document = parser.parse(extracted.markdown());
        Headings headings = headings(document);
        String html = HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    String id = headings.ids().get(node);
                    if (id != null) {
                        attributes.put("id", id);
                    }
                })
                .build()
                .render(document);
        // The base URI only lets relative links (/quizzes/x, #section) pass the cleaner; it never reaches the page.
        String clean = Jsoup.clean(html, "https://lesson.invalid/", safelist,
                new Document.OutputSettings().prettyPrint(false));
        Document body = Jsoup.parseBodyFragment(clean, "https://lesson.invalid/");
        body.outputSettings().prettyPrint(false);
        // The title is the page's heading, shown by the page itself.
        Element firstTitle = body.body().selectFirst("h1");
        if (firstTitle != null && headings.title() != null) {
            firstTitle.remove();
        }
        for (Element picture : body.select("img")) {
            String source = picture.attr("src");
            if (!source.isEmpty() && !source.contains(":") && !source.startsWith("//")) {
                continue;
            }
            // Pictures only from our own host (the Content-Security-Policy says the same): a picture from another
            // host is not loaded, its description stays readable.
            String alt = picture.attr("alt");
            picture.replaceWith(new Element("span").addClass("ll-external-image")
                    .text(alt.isBlank() ? "" : "[" + alt + "]"));
        }
        finish(body, extracted);
        return new RenderedLesson(headings.title(), blocks(body, extracted), headings.sections());
    }

    /** The Markdown with directives and formulas replaced by placeholders, and what they stood for. */
    private record Extracted(String markdown, List<Directive> directives, List<String> displayMath,
            List<String> inlineMath) {
    }

    private static Extracted extract(String source) {
        String text = PLACEHOLDERS.matcher(source.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        List<Directive> directives = new ArrayList<>();
        List<String> displayMath = new ArrayList<>();
        List<String> inlineMath = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        // A "<" with no ">" anywhere after it cannot start a tag or an autolink; the parser would still look for
        // the ">" from every one of them, which took time quadratic in a line of "<a <a <a...".
        int lastTagEnd = text.lastIndexOf('>');
        int[] lineStarts = new int[lines.length];
        for (int i = 1; i < lines.length; i++) {
            lineStarts[i] = lineStarts[i - 1] + lines[i - 1].length() + 1;
        }
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence != null) {
                if (fenceMatch.find() && fenceMatch.group(1).charAt(0) == fence.charAt(0)
                        && fenceMatch.group(1).length() >= fence.length()) {
                    fence = null;
                }
                out.append(line).append('\n');
                continue;
            }
            if (fenceMatch.find()) {
                fence = fenceMatch.group(1);
                out.append(line).append('\n');
                continue;
            }
            String trimmed = line.strip();
            Matcher directive = DIRECTIVE.matcher(trimmed);
            if (directive.matches() && DIRECTIVE_KINDS.contains(directive.group(1))) {
                out.append('\n').append(BLOCK_OPEN).append('D').append(directives.size()).append(BLOCK_CLOSE)
                        .append("\n\n");
                directives.add(new Directive(directive.group(1), directive.group(2)));
                continue;
            }
            if (trimmed.startsWith("$$")) {
                StringBuilder tex = new StringBuilder();
                String rest = trimmed.substring(2);
                int end = rest.indexOf("$$");
                if (end >= 0) {
                    tex.append(rest, 0, end);
                } else {
                    tex.append(rest);
                    int j = i + 1;
                    while (j < lines.length && !lines[j].contains("$$")) {
                        tex.append('\n').append(lines[j]);
                        j++;
                    }
                    if (j < lines.length) {
                        tex.append('\n').append(lines[j], 0, lines[j].indexOf("$$"));
                    }
                    i = j;
                }
                out.append('\n').append(BLOCK_OPEN).append('M').append(displayMath.size()).append(BLOCK_CLOSE)
                        .append("\n\n");
                displayMath.add(tex.toString().strip());
                continue;
            }
            int lineStart = lineStarts[i];
            String plain = lineStart + line.length() > lastTagEnd && !line.startsWith("    ") && !line.startsWith("\t")
                    ? escapeUnclosedAngles(line, Math.max(0, lastTagEnd - lineStart)) : line;
            out.append(inlineFormulas(limitNesting(plain), inlineMath)).append('\n');
        }
        return new Extracted(out.toString(), List.copyOf(directives), List.copyOf(displayMath),
                List.copyOf(inlineMath));
    }

    /** Replaces $...$ outside code spans by placeholders. */
    private static String inlineFormulas(String line, List<String> formulas) {
        if (line.indexOf('$') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int tick = line.indexOf('`', i);
            String plain = tick < 0 ? line.substring(i) : line.substring(i, tick);
            out.append(replaceFormulas(plain, formulas));
            if (tick < 0) {
                break;
            }
            int run = tick;
            while (run < line.length() && line.charAt(run) == '`') {
                run++;
            }
            String ticks = line.substring(tick, run);
            int close = line.indexOf(ticks, run);
            int end = close < 0 ? run : close + ticks.length();
            out.append(line, tick, end);
            i = end;
        }
        return out.toString();
    }

    private record Headings(String title, List<Section> sections, Map<Node, String> ids) {
    }

    private static Headings headings(Node document) {
        Map<Node, String> ids = new IdentityHashMap<>();
        List<Section> sections = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        String[] title = {null};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String id = null;
                if (heading.getLastChild() instanceof Text last) {
                    String literal = last.getLiteral();
                    int start = headingIdStart(literal);
                    if (start >= 0) {
                        id = literal.substring(literal.lastIndexOf("{#") + 2, literal.lastIndexOf('}'));
                        last.setLiteral(literal.substring(0, start));
                    }
                }
                String text = plainText(heading).strip();
                if (heading.getLevel() == 1) {
                    if (title[0] == null) {
                        title[0] = text;
                    }
                    return;
                }
                if (id == null || used.contains(id)) {
                    id = "section-" + (sections.size() + 1);
                }
                used.add(id);
                ids.put(heading, id);
                if (heading.getLevel() <= 3) {
                    sections.add(new Section(id, text, heading.getLevel()));
                }
            }
        });
        return new Headings(title[0], List.copyOf(sections), ids);
    }

    /**
     * Where a final heading id ("{#id}", an id being a letter then letters, digits, _ and -) starts with the space
     * before it, or -1: what the pattern {@code \\s*\\{#([A-Za-z][A-Za-z0-9_-]*)}\\s*$} found, in one pass.
     */
    static int headingIdStart(String literal) {
        int end = literal.length();
        while (end > 0 && isSpace(literal.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || literal.charAt(end - 1) != '}') {
            return -1;
        }
        int open = literal.lastIndexOf("{#", end - 1);
        if (open < 0 || open + 2 >= end - 1 || !isAsciiLetter(literal.charAt(open + 2))) {
            return -1;
        }
        for (int i = open + 3; i < end - 1; i++) {
            char c = literal.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return -1;
            }
        }
        int start = open;
        while (start > 0 && isSpace(literal.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** White space as a pattern's \\s: space, tab, line ends, vertical tab, form feed. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isWordChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * Replaces each $...$ formula in a piece of a line by a placeholder: a "$" not after a backslash, "$" or word
     * character, not before a space; the formula runs to the next "$", which must not follow a space nor come
     * before a word character or "$". So "costs $5 and $10" stays text. One pass: a formula cannot contain "$", so
     * each "$" is looked at as an opening at most once.
     */
    static String replaceFormulas(String plain, List<String> formulas) {
        StringBuilder out = new StringBuilder(plain.length());
        int at = 0;
        int open = plain.indexOf('$');
        while (open >= 0) {
            int close = plain.indexOf('$', open + 1);
            if (close < 0) {
                break;
            }
            boolean opens = (open == 0 || !isWordChar(plain.charAt(open - 1)) && plain.charAt(open - 1) != '\\'
                    && plain.charAt(open - 1) != '$') && !isSpace(plain.charAt(open + 1));
            boolean closes = close > open + 1 && !isSpace(plain.charAt(close - 1))
                    && (close + 1 == plain.length() || !isWordChar(plain.charAt(close + 1))
                    && plain.charAt(close + 1) != '$')
                    && plain.substring(open + 1, close).indexOf('\n') < 0;
            if (opens && closes) {
                out.append(plain, at, open).append(INLINE_OPEN).append(formulas.size()).append(INLINE_CLOSE);
                formulas.add(plain.substring(open + 1, close));
                at = close + 1;
                open = plain.indexOf('$', close + 1);
            } else {
                open = close;
            }
        }
        return out.append(plain, at, plain.length()).toString();
    }

    /**
     * Each "<" from index from on escaped as "\\<" (shown as "<"), except in code spans: there is no ">" after
     * them. Lines of indented code are left alone by the caller.
     */
    static String escapeUnclosedAngles(String line, int from) {
        if (line.indexOf('<', from) < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        boolean code = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '`') {
                // A simplification that only errs towards leaving a "<" alone: backticks toggle code.
                code = !code;
            } else if (c == '<' && i >= from && !code && (i == 0 || line.charAt(i - 1) != '\\')) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The line with the marker that would nest lists or quotes deeper than {@link #MAX_NESTING} escaped. */
    static String limitNesting(String line) {
        int depth = 0;
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            int marker = containerMarker(line, i);
            if (marker == 0) {
                return line;
            }
            if (++depth > MAX_NESTING) {
                return isThematicBreak(line) ? line : line.substring(0, i) + "\\" + line.substring(i);
            }
            i += marker;
        }
        return line;
    }

    /** The length of a quote or list marker ("&gt;", "- ", "1. ") at i, or 0. */
    private static int containerMarker(String line, int i) {
        if (i >= line.length()) {
            return 0;
        }
        char c = line.charAt(i);
        if (c == '>') {
            return 1;
        }
        boolean spaceAfter = i + 1 == line.length() || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t';
        if ((c == '-' || c == '*' || c == '+') && spaceAfter) {
            return 1;
        }
        int digits = 0;
        while (i + digits < line.length() && digits < 10 && Character.isDigit(line.charAt(i + digits))
                && line.charAt(i + digits) < 128) {
            digits++;
        }
        int after = i + digits;
        if (digits > 0 && after < line.length() && (line.charAt(after) == '.' || line.charAt(after) == ')')
                && (after + 1 == line.length() || line.charAt(after + 1) == ' ' || line.charAt(after + 1) == '\t')) {
            return digits + 1;
        }
        return 0;
    }

    /** Three or more of one of -, * or _ with only spaces and tabs: a line, not lists. */
    private static boolean isThematicBreak(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || "-*_".indexOf(stripped.charAt(0)) < 0) {
            return false;
        }
        char marker = stripped.charAt(0);
        long count = stripped.chars().filter(c -> c == marker).count();
        return count >= 3 && stripped.chars().allMatch(c -> c == marker || c == ' ' || c == '\t');
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return INLINE_TOKEN.matcher(text).replaceAll("…");
    }

    /** Puts our own elements in for the placeholders; code and formulas read left to right in RTL pages. */
    private static void finish(Document body, Extracted extracted) {
        for (Element element : body.body().getAllElements()) {
            for (TextNode text : List.copyOf(element.textNodes())) {
                replaceInline(text, extracted);
            }
        }
        for (Element code : body.select("pre, code")) {
            code.attr("dir", "ltr");
        }
        for (Element link : body.select("a[href]")) {
            String href = link.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                link.attr("target", "_blank").attr("rel", "noopener noreferrer");
            }
        }
        for (Element table : body.select("table")) {
            table.addClass("ll-table");
        }
        // <aside> is a box beside the main thread (e.g. a probabilistic view); <details> a fold-out.
        for (Element box : body.select("aside")) {
            box.addClass("ll-box");
        }
        for (Element fold : body.select("details")) {
            fold.addClass("ll-fold");
        }
        // A display formula inside a box or fold-out is not a top-level block: put it in place here.
        for (Element paragraph : body.select("p")) {
            if (paragraph.parent() == body.body()) {
                continue;
            }
            Matcher token = BLOCK_TOKEN.matcher(paragraph.text().strip());
            if (token.matches() && token.group(1).equals("M")) {
                paragraph.replaceWith(math(extracted.displayMath().get(Integer.parseInt(token.group(2))), true));
            }
        }
    }

    private static void replaceInline(TextNode text, Extracted extracted) {
        String value = text.getWholeText();
        if (value.indexOf(INLINE_OPEN) < 0 || text.parent() == null) {
            return;
        }
        Matcher token = INLINE_TOKEN.matcher(value);
        int last = 0;
        List<org.jsoup.nodes.Node> parts = new ArrayList<>();
        while (token.find()) {
            if (token.start() > last) {
                parts.add(new TextNode(value.substring(last, token.start())));
            }
            int index = Integer.parseInt(token.group(1));
            parts.add(math(extracted.inlineMath().get(index), false));
            last = token.end();
        }
        if (last < value.length()) {
            parts.add(new TextNode(value.substring(last)));
        }
        for (org.jsoup.nodes.Node part : parts) {
            text.before(part);
        }
        text.remove();
    }

    /** A formula element: its TeX source as text (readable without script) and in data-tex for KaTeX. */
    private static Element math(String tex, boolean display) {
        Element element = new Element(display ? "div" : "span")
                .addClass(display ? "ll-math-display" : "ll-math")
                .attr("dir", "ltr")
                .attr("data-tex", tex);
        element.text(tex);
        return element;
    }

    private static List<Block> blocks(Document body, Extracted extracted) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (org.jsoup.nodes.Node node : List.copyOf(body.body().childNodes())) {
            Matcher token = node instanceof Element element && element.tagName().equals("p")
                    ? BLOCK_TOKEN.matcher(element.text().strip()) : null;
            if (token != null && token.matches()) {
                int index = Integer.parseInt(token.group(2));
                if (token.group(1).equals("M")) {
                    html.append(math(extracted.displayMath().get(index), true).outerHtml());
                } else {
                    if (!html.isEmpty()) {
                        blocks.add(new HtmlBlock(html.toString()));
                        html.setLength(0);
                    }
                    blocks.add(extracted.directives().get(index));
                }
                continue;
            }
            html.append(node.outerHtml());
        }
        if (!html.toString().isBlank()) {
            blocks.add(new HtmlBlock(html.toString()));
        }
        // A directive written inside a list or quote is not a block of its own: drop its placeholder.
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof HtmlBlock(String h) && h.indexOf(BLOCK_OPEN) >= 0) {
                blocks.set(i, new HtmlBlock(BLOCK_TOKEN.matcher(h).replaceAll("")));
            }
        }
        return List.copyOf(blocks);
    }
}
