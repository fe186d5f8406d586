package org.latentlab.lesson.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real curriculum files the importer was written for. They live outside the repository (../shared/seeds, or
 * wherever the system property latentlab.seeds points), so these tests are skipped where the folder is missing, as on
 * CI.
 */
class SeedLessonsTest {

    private static final Pattern HEBREW_LINE = Pattern.compile(".*\\p{IsHebrew}.*");

    private final LessonImporter importer = new LessonImporter(Map.of(17, "autoencoders-pre", 18, "autoencoders-post"),
            LinkRewriter.DEFAULT_NOTEBOOK_BASE);

    private static Path seed(String language) {
        String configured = System.getProperty("latentlab.seeds");
        Path folder = configured == null || configured.isBlank() ? Path.of("..", "shared", "seeds") : Path.of(configured);
        Path file = folder.resolve(language + "-autoencoders.md");
        assumeTrue(Files.isRegularFile(file), () -> "No seed file " + file.toAbsolutePath() + "; skipped");
        return file;
    }

    private ImportResult importSeed(String language) throws IOException {
        Path file = seed(language);
        return importer.importFile(Files.readAllBytes(file), file.getFileName().toString(), language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms", "sw", "he"})
    void importsTheSeedWithoutErrors(String language) throws IOException {
        ImportResult result = importSeed(language);

        assertThat(result.ok()).isTrue();
        assertThat(result.messages(Severity.ERROR)).isEmpty();
        assertThat(result.title()).isNotBlank();
        assertThat(result.markdown()).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms", "sw", "he"})
    void leavesNoMojibakeAndRestoresTheEmoji(String language) throws IOException {
        ImportResult result = importSeed(language);

        // None of the characters of the damaged "‚úÖ", "‚úçÔ∏è", "üöÄ" is left; the emoji are back.
        assertThat(result.markdown()).doesNotContain("‚", "ú", "Ô", "∏", "\uF8FF", "ü", "ö", "Ä", "Ã", "â€")
                .contains("> ✅ [", "## ✍️ ", "## 🚀 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms", "sw"})
    void reportsTheRepairedEmojiOfTheDamagedSeeds(String language) throws IOException {
        ImportResult result = importSeed(language);

        assertThat(result.messages(ImportMessageKey.MOJIBAKE_REPAIRED)).singleElement()
                .satisfies(m -> assertThat(m.args()).containsExactly(3, "Mac OS Roman"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms", "sw", "he"})
    void mapsQuizzes17And18AndReports16(String language) throws IOException {
        ImportResult result = importSeed(language);

        assertThat(result.markdown()).contains("](/quizzes/autoencoders-pre)", "](/quizzes/autoencoders-post)")
                .doesNotContain("/quiz/17", "/quiz/18")
                .contains("(https://ff-quizzes.netlify.app/en/ai/quiz/16)");
        assertThat(result.messages(ImportMessageKey.QUIZ_LINKED)).extracting(m -> m.args().getFirst())
                .containsExactly(17, 18);
        assertThat(result.messages(ImportMessageKey.QUIZ_UNMAPPED)).singleElement().satisfies(m -> {
            assertThat(m.args().getFirst()).isEqualTo(16);
            assertThat(m.line()).isEqualTo(84);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms", "sw", "he"})
    void replacesTheImagesByPlaceholders(String language) throws IOException {
        ImportResult result = importSeed(language);

        assertThat(result.markdown()).doesNotContain("translated_images", "<img", "](../");
        assertThat(count(result.markdown(), "^ ?> \\[image not available: [^\\]]+\\]$")).isEqualTo(4);
        assertThat(result.markdown()).contains("> [image not available: AutoEncoder Diagram]",
                "> [image not available: vae.464c465a5b6a9e25.webp]", "> [image not available: vaemnist]",
                "> [image not available: vaemnist cluster]");
        assertThat(result.messages(ImportMessageKey.IMAGE_MISSING)).extracting(ImportMessage::line)
                .containsExactly(13, 40, 51, 57);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms", "sw", "he"})
    void pointsTheNotebooksToGitHub(String language) throws IOException {
        ImportResult result = importSeed(language);

        assertThat(result.markdown())
                .contains("(" + LinkRewriter.DEFAULT_NOTEBOOK_BASE + "AutoencodersTF.ipynb)",
                        "(" + LinkRewriter.DEFAULT_NOTEBOOK_BASE + "AutoEncodersPyTorch.ipynb)")
                .doesNotContain("](AutoencodersTF.ipynb)", "](AutoEncodersPyTorch.ipynb)");
        assertThat(result.messages(ImportMessageKey.NOTEBOOK_LINKED)).hasSize(3);
        // The Colab notebook is absolute and stays.
        assertThat(result.markdown()).contains("(https://colab.research.google.com/github/magenta/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ms", "sw", "he"})
    void dropsTheTrailingRule(String language) throws IOException {
        ImportResult result = importSeed(language);

        assertThat(result.markdown().strip()).doesNotEndWith("---");
        assertThat(result.messages(ImportMessageKey.TRAILING_RULE_REMOVED)).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    void keepsTheCorrectHebrewTextExactly() throws IOException {
        Path file = seed("he");
        List<String> original = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> HEBREW_LINE.matcher(l).matches() && !l.contains("](") && !l.contains("<img"))
                .toList();
        assertThat(original).hasSizeGreaterThan(20);

        ImportResult result = importSeed("he");

        assertThat(result.title()).isEqualTo("אוטואנקודרים");
        assertThat(result.messages(ImportMessageKey.MOJIBAKE_REPAIRED)).isEmpty();
        assertThat(result.markdown().lines().toList()).containsAll(original);
    }

    private static int count(String text, String lineRegex) {
        Matcher m = Pattern.compile(lineRegex, Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
