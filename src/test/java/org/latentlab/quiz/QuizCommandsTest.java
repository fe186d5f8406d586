package org.latentlab.quiz;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.quiz.format.QuizFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@ApplicationTest
class QuizCommandsTest {

    @Autowired
    QuizCommands commands;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return commands.run(new DefaultApplicationArguments(args), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aDryRunPrintsOurFormatOnStandardOutputAndTheReportOnStandardError() {
        int exit = run("--import-quiz=src/test/resources/quiz-import/sample.gift", "--format=gift", "--lang=en",
                "--dry-run");
        assertThat(exit).isZero();
        Quiz quiz = QuizFiles.readLenient(out.toString(StandardCharsets.UTF_8), "sample.json");
        assertThat(quiz.questions()).hasSize(2);
        assertThat(quiz.questions().getFirst().type()).isEqualTo(QuestionType.SINGLE);
        assertThat(quiz.questions().get(1).numeric().value()).isEqualTo(784);
        // The essay question is skipped and named in the report.
        assertThat(err.toString(StandardCharsets.UTF_8)).containsIgnoringCase("essay");
    }

    @Test
    void aBadFileOrBadArgumentsExitWithAClearMessage(@TempDir Path folder) throws Exception {
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"not\": \"a quiz-app file\"}");
        assertThat(run("--import-quiz=" + broken, "--format=quiz-app", "--dry-run")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ");
        assertThat(out.size()).isZero();
        assertThat(run("--import-quiz=" + broken, "--format=word", "--dry-run")).isEqualTo(1);
        assertThat(run("--import-quiz=" + folder.resolve("missing.gift"), "--format=gift")).isEqualTo(1);
        err.reset();
        assertThat(run("--import-quiz=src/test/resources/quiz-import/sample.gift", "--format=gift", "--lang=x y"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"x y\" is not a language tag", "BCP 47");
    }

    @Test
    void aQuizAppFileInJapaneseIsImportedAsWrittenWithItsLanguage(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("ja.json");
        Files.writeString(file, "[{\"title\": \"AI\", \"quizzes\": [{\"id\": 17, \"title\": \"オートエンコーダー\", "
                + "\"quiz\": [{\"questionText\": \"潜在空間とは何ですか？\", \"answerOptions\": ["
                + "{\"answerText\": \"圧縮された表現\", \"isCorrect\": \"true\"}, "
                + "{\"answerText\": \"画像の色\", \"isCorrect\": \"false\"}]}]}]}]");

        assertThat(run("--import-quiz=" + file, "--format=quiz-app", "--lang=ja", "--dry-run")).isZero();

        Quiz quiz = QuizFiles.readLenient(out.toString(StandardCharsets.UTF_8), "curriculum-quiz-17.json");
        assertThat(quiz.content().tag()).isEqualTo("ja");
        assertThat(quiz.title().in(org.latentlab.base.Language.SWAHILI)).isEqualTo("オートエンコーダー");
        assertThat(quiz.questions().getFirst().text().in(org.latentlab.base.Language.SWAHILI))
                .isEqualTo("潜在空間とは何ですか？");
    }
}
