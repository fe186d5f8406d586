package org.latentlab.lesson.importer;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.lesson.LessonRenderer;

/**
 * The worst input we know of for every pattern and loop of the lesson importer and of the renderer that shows its
 * preview, each at the import size limit (1 MiB). A pattern that backtracks catastrophically takes minutes here; a
 * linear one well under a second. The timeout is generous so a slow, shared build machine never fails it: it catches
 * hangs, not milliseconds. The times are printed, for the record.
 */
class LessonImportWorstCaseTest {

    /** The size of each input; a smaller one (-Dworstcase.bytes=65536) measures the old patterns without waiting. */
    private static final int LIMIT = Integer.getInteger("worstcase.bytes", TextDecoding.MAX_BYTES);

    private final LessonImporter importer = new LessonImporter(Map.of(17, "autoencoders-pre"));
    private final LessonRenderer renderer = new LessonRenderer();

    static Stream<Arguments> worstCases() {
        return Stream.of(
                // MarkdownLines.HEADING_1: a lazy title before optional closing #s and spaces.
                Arguments.of("a heading of spaces", "# a" + fill(" ", 8) + "b\n"),
                Arguments.of("a heading of tabs and hashes", "# a" + fill(" \t#", 8) + "b\n"),
                // MarkdownLines.HEADING_ID: {#id} at the end of the title.
                Arguments.of("a heading of unclosed ids", "# " + fill("{#", 4) + "\n"),
                Arguments.of("a heading of spaces before an id", "# a" + fill(" ", 20) + "{#x\n"),
                // MarkdownLines.THEMATIC_BREAK: one group repeated per dash.
                Arguments.of("a thematic break of a million dashes", fill("- ", 4) + "\n"),
                Arguments.of("an almost thematic break", fill("-\t", 4) + "x\n"),
                // MarkdownLines.FENCE_OPEN and the renderer's FENCE.
                Arguments.of("a fence of backticks", fill("`", 4) + "\n"),
                Arguments.of("many fences", fill("~~~\n", 4)),
                // TranslatorNoise.METADATA: a lazy comment body.
                Arguments.of("unclosed metadata comments", fill("<!-- CO_OP_TRANSLATOR_METADATA ", 4)),
                Arguments.of("metadata comments on every line", fill("<!--CO_OP_TRANSLATOR_METADATA-->\n", 4)),
                // TranslatorNoise.MARKED_DISCLAIMER.
                Arguments.of("disclaimer starts", fill("<!-- CO_OP_TRANSLATOR_DISCLAIMER_START -->", 4)),
                Arguments.of("comment openers with spaces", fill("<!--   ", 4)),
                // LinkRewriter: <a ...>text</a>, <img ...>, [text](url), ![alt](src), quiz URLs, code spans.
                Arguments.of("unclosed anchors", fill("<a>", 4)),
                Arguments.of("anchor tags without >", fill("<a ", 4)),
                Arguments.of("image tags without >", fill("<img ", 4)),
                Arguments.of("nested anchors", half("<a>") + "x" + half("</a>")),
                Arguments.of("escaped brackets in a link text", "[" + fill("\\[", 4)),
                Arguments.of("escaped brackets in an image", "![" + fill("\\[", 4)),
                Arguments.of("open brackets", fill("[", 4)),
                Arguments.of("unclosed link titles", fill("[a](b \"", 4)),
                Arguments.of("unclosed link titles in parentheses", fill("[a](b (", 4)),
                Arguments.of("links with spaces before the end", fill("[a](b" + " ".repeat(64) + "x", 4)),
                Arguments.of("a long quiz URL", "[q](https://h.example/en" + fill("-ab", 8) + "/ai/quiz/17)\n"),
                Arguments.of("a long link destination", "[a](" + fill("(b)", 8) + ")\n"),
                Arguments.of("code spans that never close", codeRuns()),
                // LessonRenderer: inline formulas, heading ids, nesting.
                Arguments.of("dollars that never close a formula", fill("$a ", 4)),
                Arguments.of("a level 2 heading of spaces", "## a" + fill(" ", 8) + "b\n"),
                Arguments.of("deeply nested quotes", fill("> ", 4) + "x\n"),
                Arguments.of("deeply nested lists", fill("- ", 4) + "x\n"),
                Arguments.of("emphasis marks", fill("*a", 4)),
                // MojibakeRepair and TextDecoding.
                Arguments.of("mojibake everywhere", fill("Ã©", 4)),
                // MojibakeRepair's lost bytes: gaps to fill in every word, lone remnants in text damaged throughout.
                Arguments.of("three lost bytes in every Hebrew word", fill("׳?׳?׳? ", 4)),
                Arguments.of("four lost bytes in every word of ISO-8859-8", fill("×?×?×?×? ", 4)),
                Arguments.of("lost bytes in every emoji", fill("ðŸ?? ", 4)),
                Arguments.of("a lone remnant after every repair", fill("Ã© Ä ", 4)),
                Arguments.of("a realistic lesson, repeated", fill("""
                        ## Kodirnik {#kodirnik}

                        Kodirnik stisne sliko v majhen vektor $z$, [dekodirnik](dekoder.ipynb) pa jo iz njega \
                        spet nariše. <a href="https://ff-quizzes.netlify.app/en/ai/quiz/17">Kviz</a> ![slika](a.png)

                        """, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worstCases")
    void everyWorstCaseImportsAndRendersAtTheSizeLimitAtOnce(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        ImportResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                return importer.importFile(bytes, "worst.md", "en");
            } catch (LessonImportException refused) {
                // A clear refusal is a fine outcome; only a hang or a crash is not.
                return null;
            }
        }, name);
        long imported = System.nanoTime();
        if (result != null) {
            // The import page shows a preview, and readers the lesson: the renderer gets its own time.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> renderer.render(result.markdown()), name);
        }
        System.out.printf("worst case %-40s %7d bytes import %6d ms render %6d ms%n", name, bytes.length,
                (imported - start) / 1_000_000, (System.nanoTime() - imported) / 1_000_000);
    }

    /** The unit repeated to fill the size limit (in UTF-8 bytes) less some room for what goes around it. */
    static String fill(String unit, int room) {
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        return unit.repeat((LIMIT - 64 - room) / unitBytes);
    }

    /** The unit repeated to fill half the size limit. */
    static String half(String unit) {
        return unit.repeat((LIMIT / 2 - 64) / unit.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Backtick runs of falling length: each run's closing run is searched for and never found. */
    private static String codeRuns() {
        StringBuilder text = new StringBuilder();
        int length = (int) Math.sqrt(2.0 * (LIMIT - 64)) - 2;
        for (int k = length; k > 0 && text.length() + k + 1 < LIMIT - 64; k--) {
            text.append("`".repeat(k)).append('a');
        }
        return text.toString();
    }
}
