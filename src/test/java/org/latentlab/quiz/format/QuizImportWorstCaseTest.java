package org.latentlab.quiz.format;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.base.Language;

/**
 * The worst input we know of for every pattern and loop of the quiz importers (GIFT and quiz-app JSON), each at
 * the import size limit. Generous timeout: it catches hangs, not milliseconds. The times are printed.
 */
class QuizImportWorstCaseTest {

    private static final int LIMIT = Integer.getInteger("worstcase.quizBytes", PlainText.MAX_IMPORT_BYTES);

    static Stream<Arguments> giftCases() {
        return Stream.of(
                Arguments.of("a question with a million answers", "Q{" + fill("~a", 4) + "}"),
                Arguments.of("a million weighted answers", "Q{=a" + fill("~%50%a", 8) + "}"),
                Arguments.of("weights that never close", "Q{=a~" + fill("%5", 8) + "}"),
                Arguments.of("a numeric answer of digits", "Q{#" + fill("1", 4) + "x}"),
                Arguments.of("a numeric range of dots", "Q{#1" + fill(".1", 4) + "..x}"),
                Arguments.of("a numeric answer with spaces", "Q{#1" + fill(" ", 4) + ":x}"),
                Arguments.of("true or false with a long feedback", "Q{T#" + fill("a#", 4) + "}"),
                Arguments.of("a title that never closes", "::" + fill("a:", 4)),
                Arguments.of("escapes everywhere", fill("\\{", 8) + "{T}"),
                Arguments.of("comment lines", fill("//\n", 4) + "Q{T}"),
                Arguments.of("category lines", fill("$CATEGORY: a\n", 4) + "Q{T}"),
                Arguments.of("a long category line", "$CATEGORY:" + fill("a", 16) + "\nQ{T}"),
                Arguments.of("format markers", "[markdown]" + fill("[markdown]", 16) + "Q{T}"),
                Arguments.of("html tags without >", "[html]" + fill("<a ", 8) + "{T}"),
                Arguments.of("many questions", fill("Q{T}\n\n", 4)),
                Arguments.of("markdown rules in a question", "[markdown]" + "- ".repeat(4900) + "{T}"),
                Arguments.of("markdown code marks", "[markdown]" + "`a".repeat(4900) + "{T}"),
                Arguments.of("markdown links", "[markdown]" + "[a](".repeat(2400) + "{T}"),
                Arguments.of("hundreds of questions of markdown links",
                        ("[markdown]" + "[a](".repeat(2400) + "{T}\n\n").repeat(200)),
                Arguments.of("hundreds of questions of markdown images",
                        ("[markdown]" + "![a](".repeat(1900) + "{T}\n\n").repeat(200)),
                Arguments.of("markdown emphasis", "[markdown]" + "*a".repeat(4900) + "{T}"),
                Arguments.of("entities", "Q " + "&amp;".repeat(1900) + "{T}"),
                Arguments.of("nested tags", "[html]" + "<b>".repeat(3000) + "{T}"),
                Arguments.of("a realistic quiz, repeated", fill("""
                        // a comment
                        ::Q1:: What does the encoder output? {
                        =A latent vector#Right.
                        ~%-50%An image#No, that is the decoder.
                        ~The loss#No.
                        ####The encoder compresses.
                        }

                        ::Q2:: How many? {#5:0.5 =%50%6:0 ~#no}

                        """, 4)));
    }

    static Stream<Arguments> quizAppCases() {
        return Stream.of(
                Arguments.of("deeply nested arrays", fill("[", 4)),
                Arguments.of("a huge question text", quizApp(fill("<a ", 512))),
                Arguments.of("a huge text of entities", quizApp(fill("&amp;", 512))),
                Arguments.of("a huge text of tags", quizApp(fill("<b>", 512))));
    }

    @ParameterizedTest(name = "GIFT: {0}")
    @MethodSource("giftCases")
    void everyGiftWorstCaseImportsAtTheSizeLimitAtOnce(String name, String text) {
        run(name, text.getBytes(StandardCharsets.UTF_8), bytes -> GiftFormat.read(bytes, "worst.gift",
                Language.ENGLISH));
    }

    @ParameterizedTest(name = "quiz-app: {0}")
    @MethodSource("quizAppCases")
    void everyQuizAppWorstCaseImportsAtTheSizeLimitAtOnce(String name, String text) {
        run(name, text.getBytes(StandardCharsets.UTF_8), bytes -> QuizAppFormat.read(bytes, "worst.json",
                Language.ENGLISH));
    }

    private static void run(String name, byte[] bytes, java.util.function.Consumer<byte[]> importer) {
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                importer.accept(bytes);
            } catch (QuizFormatException refused) {
                // A clear refusal is a fine outcome; only a hang or a crash is not.
            }
        }, name);
        System.out.printf("worst case %-40s %7d bytes %7d ms%n", name, bytes.length,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static String quizApp(String questionText) {
        String escaped = questionText.replace("\\", "\\\\").replace("\"", "\\\"");
        return "[{\"title\": \"T\", \"quizzes\": [{\"id\": 1, \"title\": \"T\", \"quiz\": [{\"questionText\": \""
                + escaped + "\", \"answerOptions\": [{\"answerText\": \"a\", \"isCorrect\": \"true\"},"
                + " {\"answerText\": \"b\", \"isCorrect\": \"false\"}]}]}]}]";
    }

    static String fill(String unit, int room) {
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        return unit.repeat((LIMIT - 64 - room) / unitBytes);
    }
}
