package org.latentlab.quiz.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.base.Language;
import org.latentlab.quiz.Choice;
import org.latentlab.quiz.Question;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.format.ImportNote.Severity;

class QuizAppFormatTest {

    static final String FILE = "quiz-app-en.json";

    static byte[] fixture() {
        return QuizFilesTest.resource(FILE).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String oneQuiz(String questions) {
        return "[{\"title\": \"t\", \"quizzes\": [{\"id\": 5, \"title\": \"Five\", \"quiz\": [" + questions + "]}]}]";
    }

    static String question(String text, String... answers) {
        StringBuilder json = new StringBuilder("{\"questionText\": \"" + text + "\", \"answerOptions\": [");
        for (int i = 0; i < answers.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"answerText\": \"").append(answers[i])
                    .append("\", \"isCorrect\": \"").append(i == 0).append("\"}");
        }
        return json.append("]}").toString();
    }

    @Test
    void eachQuizAppQuizBecomesAPracticeQuizWithACurriculumId() {
        ImportOutcome outcome = QuizAppFormat.read(fixture(), FILE, Language.ENGLISH);
        assertThat(outcome.quizzes()).extracting(Quiz::id).containsExactly("curriculum-quiz-1", "curriculum-quiz-2");
        Quiz first = outcome.quizzes().getFirst();
        assertThat(first.kind()).isEqualTo(Quiz.Kind.PRACTICE);
        assertThat(first.lesson()).isNull();
        assertThat(first.experiment()).isNull();
        assertThat(first.title().in(Language.ENGLISH)).isEqualTo("Introduction to machine learning: Pre-Lecture Quiz");
        assertThat(first.questions()).extracting(Question::id, Question::type).containsExactly(
                tuple("q1", QuestionType.SINGLE), tuple("q2", QuestionType.SINGLE), tuple("q3", QuestionType.MULTIPLE));
        Question second = first.questions().get(1);
        assertThat(second.options()).extracting(Choice::id, Choice::correct)
                .containsExactly(tuple("a", false), tuple("b", true), tuple("c", false));
        assertThat(second.options().get(1).text().in(Language.ENGLISH)).isEqualTo("the use of neural networks");
        assertThat(first.questions().get(2).correctOptionCount()).isEqualTo(2);
    }

    @Test
    void textsAreStoredInTheLanguageOfTheFileOnly() {
        Quiz quiz = QuizAppFormat.read(fixture(), "quiz-app-ms.json", Language.MALAY).quizzes().getFirst();
        assertThat(quiz.title().texts()).containsOnlyKeys(Language.MALAY);
        assertThat(quiz.questions().getFirst().text().texts()).containsOnlyKeys(Language.MALAY);
        assertThat(quiz.questions().getFirst().options().getFirst().text().texts()).containsOnlyKeys(Language.MALAY);
    }

    @Test
    void htmlAndScriptsAreRemovedFromTextsAndReported() {
        ImportOutcome outcome = QuizAppFormat.read(fixture(), FILE, Language.ENGLISH);
        Quiz quiz = outcome.quizzes().get(1);
        assertThat(quiz.title().in(Language.ENGLISH)).isEqualTo("Introduction to machine learning: Post-Lecture Quiz");
        Question question = quiz.questions().getFirst();
        assertThat(question.text().in(Language.ENGLISH))
                .isEqualTo("Which early ML algorithm is named after the brain?");
        assertThat(question.options()).extracting(o -> o.text().in(Language.ENGLISH))
                .containsExactly("the perceptron", "the decision tree & its forest", "k-means");
        assertThat(question.options().getFirst().correct()).isTrue();
        assertThat(outcome.notes()).contains(ImportNote.warning("quiz 2 \"Introduction to machine learning: "
                + "Post-Lecture Quiz\", question 1", "HTML was removed from the texts (only plain text is kept)"));
        assertThat(outcome.notes()).contains(ImportNote.warning("quiz 2", "HTML was removed from the title"));
        assertThat(QuizFiles.write(quiz)).doesNotContain("<", "script", "alert", "onerror", "javascript");
    }

    @Test
    void brokenQuestionsAndEmptyQuizzesAreSkippedAndReportedNotTheWholeFile() {
        ImportOutcome outcome = QuizAppFormat.read(fixture(), FILE, Language.ENGLISH);
        assertThat(outcome.notes(Severity.ERROR)).extracting(ImportNote::where, ImportNote::message)
                .containsExactly(
                        tuple("quiz 1 \"Introduction to machine learning: Pre-Lecture Quiz\", question 4",
                                "skipped: the question has no correct answer"),
                        tuple("quiz 2 \"Introduction to machine learning: Post-Lecture Quiz\", question 2",
                                "skipped: a question needs 2 to 8 answers (found 1)"),
                        tuple("quiz 3 \"A quiz whose only question has no text\", question 1",
                                "skipped: the question has no text"));
        assertThat(outcome.notes()).contains(ImportNote.warning("quiz 3 \"A quiz whose only question has no text\"",
                "skipped: the quiz has no importable question"));
    }

    @Test
    void readingWritingAndReadingAgainGivesTheSameQuizzes() {
        List<Quiz> quizzes = QuizAppFormat.read(fixture(), FILE, Language.ENGLISH).quizzes();
        byte[] written = QuizAppFormat.write(quizzes, Language.ENGLISH);
        ImportOutcome again = QuizAppFormat.read(written, FILE, Language.ENGLISH);
        assertThat(again.quizzes()).isEqualTo(quizzes);
        assertThat(again.notes()).isEmpty();
        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).contains("\"id\": 1,", "\"isCorrect\": \"true\"", "\"complete\": ");
    }

    @Test
    void exportingOurQuizKeepsChoiceAndTrueFalseQuestionsAndReportsTheOthers() throws IOException {
        Quiz ours = QuizFiles.read(Files.readString(Path.of("quizzes/autoencoders-post.json")),
                "autoencoders-post.json");
        ExportOutcome export = QuizAppFormat.export(List.of(ours), Language.SLOVENIAN,
                new QuizAppFormat.Labels("Kvizi", "Bravo!", "Poskusi znova"));
        assertThat(export.notes()).contains(
                ImportNote.warning("quiz \"autoencoders-post\", question \"sample-radius\"",
                        "skipped: numeric questions cannot be expressed in the quiz-app format"),
                ImportNote.warning("quiz \"autoencoders-post\", question \"vae-training-step\"",
                        "skipped: order questions cannot be expressed in the quiz-app format"),
                ImportNote.info("quiz \"autoencoders-post\"", "exported as quiz-app quiz 1"));
        Quiz back = QuizAppFormat.read(export.bytes(), "export.json", Language.SLOVENIAN).quizzes().getFirst();
        assertThat(back.id()).isEqualTo("curriculum-quiz-1");
        assertThat(back.title().in(Language.SLOVENIAN)).isEqualTo(ours.title().in(Language.SLOVENIAN));
        long expressible = ours.questions().stream().filter(q -> q.type() != QuestionType.NUMERIC
                && q.type() != QuestionType.ORDER).count();
        assertThat(back.questions()).hasSize((int) expressible);
        Question trueFalse = back.questions().stream()
                .filter(q -> q.text().in(Language.SLOVENIAN).equals(ours.question("latent-neighbours").orElseThrow()
                        .text().in(Language.SLOVENIAN)))
                .findFirst().orElseThrow();
        boolean answer = ours.question("latent-neighbours").orElseThrow().answer();
        assertThat(trueFalse.options()).extracting(o -> o.text().in(Language.SLOVENIAN), Choice::correct)
                .containsExactly(tuple("Drži", answer), tuple("Ne drži", !answer));
        assertThat(new String(export.bytes(), StandardCharsets.UTF_8)).contains("\"title\": \"Kvizi\"");
    }

    @Test
    void aFileWithTenThousandQuestionsIsRefused() {
        StringBuilder questions = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            questions.append(i == 0 ? "" : ",").append(question("Q" + i, "yes", "no"));
        }
        assertThatThrownBy(() -> QuizAppFormat.read(json(oneQuiz(questions.toString())), "big.json",
                Language.ENGLISH))
                .isInstanceOf(QuizFormatException.class)
                .hasMessage("big.json: the file has 10000 questions; at most 500 can be imported at once");
    }

    @Test
    void aFileOfThreeMegabytesIsRefusedBeforeItIsRead() {
        String padding = "x".repeat(3 * 1024 * 1024);
        assertThatThrownBy(() -> QuizAppFormat.read(json(oneQuiz(question(padding, "a", "b"))), "huge.json",
                Language.ENGLISH))
                .isInstanceOf(QuizFormatException.class)
                .hasMessage("huge.json: the file is too large (3.0 MB); at most 2 MB can be imported");
    }

    @ParameterizedTest(name = "the wrong shape {0} is refused")
    @ValueSource(strings = {
            "{\"title\": \"no quizzes\"}",
            "\"just a string\"",
            "[1, 2, 3]",
            "[{\"quizzes\": {\"id\": 1}}]",
            "[{\"quizzes\": [{\"id\": 1, \"title\": \"t\"}]}]",
            "[{\"quizzes\": [{\"id\": 1, \"quiz\": [\"What?\"]}]}]",
            "[{\"quizzes\": [{\"id\": 1, \"quiz\": [{\"questionText\": \"What?\", \"answerOptions\": \"a, b\"}]}]}]",
            "[{\"quizzes\": [{\"id\": 1, \"quiz\": [{\"questionText\": [\"What?\"], \"answerOptions\": []}]}]}]",
            "[{\"quizzes\": [{\"id\": {\"n\": 1}, \"quiz\": []}]}]"})
    void filesOfTheWrongShapeAreRefused(String json) {
        assertThatThrownBy(() -> QuizAppFormat.read(json(json), "shape.json", Language.ENGLISH))
                .isInstanceOf(QuizFormatException.class)
                .hasMessageStartingWith("shape.json: this is not a quiz-app file: ");
    }

    @Test
    void emptyBinaryAndInvalidFilesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> QuizAppFormat.read(new byte[0], "e.json", Language.ENGLISH))
                .hasMessage("e.json: the file is empty");
        assertThatThrownBy(() -> QuizAppFormat.read(json(" \n\t"), "e.json", Language.ENGLISH))
                .hasMessage("e.json: the file is empty");
        assertThatThrownBy(() -> QuizAppFormat.read(new byte[] {'[', (byte) 0xC3, (byte) 0x28, ']'}, "l1.json",
                Language.ENGLISH))
                .hasMessage("l1.json: the file is not UTF-8 text");
        assertThatThrownBy(() -> QuizAppFormat.read(new byte[] {'[', 0, 0, ']'}, "bin.json", Language.ENGLISH))
                .hasMessage("bin.json: the file is not a text file (it contains NUL bytes)");
        assertThatThrownBy(() -> QuizAppFormat.read(json("[{\"quizzes\": [}"), "bad.json", Language.ENGLISH))
                .hasMessageStartingWith("bad.json: the file is not valid JSON at line 1");
        assertThatThrownBy(() -> QuizAppFormat.read(json("[{\"quizzes\": []}]"), "none.json", Language.ENGLISH))
                .hasMessage("none.json: no question can be imported (the file has no questions)");
    }

    @Test
    void aFileWithoutAnyCorrectAnswerIsRefusedWithTheReasons() {
        String noCorrect = "{\"questionText\": \"Which?\", \"answerOptions\": [{\"answerText\": \"a\", \"isCorrect\":"
                + " \"false\"}, {\"answerText\": \"b\", \"isCorrect\": false}]}";
        assertThatThrownBy(() -> QuizAppFormat.read(json(oneQuiz(noCorrect + "," + noCorrect)), "wrong.json",
                Language.ENGLISH))
                .isInstanceOf(QuizFormatException.class)
                .hasMessage("wrong.json: no question can be imported (2 × the question has no correct answer)");
    }

    @Test
    void aScriptOnlyQuestionIsSkippedAndAnEncodedScriptDoesNotComeBack() {
        ImportOutcome outcome = QuizAppFormat.read(json(oneQuiz(
                question("<script>alert(1)</script>", "a", "b") + ","
                        + question("&lt;script&gt;alert(1)&lt;/script&gt;Safe?", "yes &lt;b&gt;", "no"))),
                "xss.json", Language.ENGLISH);
        Question question = outcome.quizzes().getFirst().questions().getFirst();
        assertThat(question.id()).isEqualTo("q2");
        assertThat(question.text().in(Language.ENGLISH)).isEqualTo("Safe?");
        assertThat(question.options().getFirst().text().in(Language.ENGLISH)).isEqualTo("yes");
        assertThat(outcome.notes()).extracting(ImportNote::message).contains("skipped: the question has no text");
    }

    @Test
    void aQuestionWithATextOverTwoThousandCharactersIsSkipped() {
        ImportOutcome outcome = QuizAppFormat.read(json(oneQuiz(question("Long " + "a".repeat(2001), "a", "b") + ","
                + question("Short?", "yes", "b".repeat(2000)))), "long.json", Language.ENGLISH);
        assertThat(outcome.quizzes().getFirst().questions()).extracting(Question::id).containsExactly("q2");
        assertThat(outcome.notes()).containsExactly(ImportNote.error("quiz 5 \"Five\", question 1",
                "skipped: a text is longer than 2000 characters"));
    }

    @Test
    void deeplyNestedJsonIsRefusedAndARepeatedKeyKeepsItsLastValue() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> QuizAppFormat.read(json(deep), "deep.json", Language.ENGLISH))
                .isInstanceOf(QuizFormatException.class)
                .hasMessageStartingWith("deep.json: the file is not valid JSON");
        String repeated = "[{\"quizzes\": [{\"id\": 1, \"title\": \"Old\", \"title\": \"New\", \"quiz\": ["
                + question("Q?", "a", "b") + "]}]}]";
        Quiz quiz = QuizAppFormat.read(json(repeated), "repeated.json", Language.ENGLISH).quizzes().getFirst();
        assertThat(quiz.title().in(Language.ENGLISH)).isEqualTo("New");
    }

    @Test
    void aQuizWithAnIdAlreadyTakenGetsASuffix() {
        String set = "[{\"quizzes\": [{\"id\": 7, \"title\": \"A\", \"quiz\": [" + question("Q?", "a", "b")
                + "]}, {\"id\": \"7\", \"title\": \"B\", \"quiz\": [" + question("Q?", "a", "b") + "]}]}]";
        ImportOutcome outcome = QuizAppFormat.read(json(set), "dup.json", Language.ENGLISH);
        assertThat(outcome.quizzes()).extracting(Quiz::id).containsExactly("curriculum-quiz-7", "curriculum-quiz-7-2");
        assertThat(outcome.notes()).containsExactly(ImportNote.warning("quiz 7 \"B\"",
                "another quiz has the same id; this one became curriculum-quiz-7-2"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "ja | オートエンコーダーは何を学びますか？ | 画像を小さな潜在ベクトルに圧縮すること | 画像の色を変えること | ltr",
            "ar | ماذا يتعلم المشفر التلقائي؟ | ضغط الصورة في متجه كامن صغير | تغيير ألوان الصورة | rtl",
            "zh-Hant | 自編碼器學習什麼？ | 把圖片壓縮成小的潛在向量 | 改變圖片的顏色 | ltr",
            "ko | 오토인코더는 무엇을 배우나요? | 이미지를 작은 잠재 벡터로 압축하기 | 이미지 색 바꾸기 | ltr",
            "hi | ऑटोएनकोडर क्या सीखता है? | चित्र को छोटे अव्यक्त सदिश में संकुचित करना | चित्र के रंग बदलना | ltr"})
    void aQuizInAnyLanguageIsImportedUnchangedAndKnowsItsLanguage(String tag, String text, String right,
            String wrong, String direction) {
        org.latentlab.base.ContentLanguage language = org.latentlab.base.ContentLanguage.parse(tag).orElseThrow();

        Quiz quiz = QuizAppFormat.read(json(oneQuiz(question(text, right, wrong))), "q.json",
                language).quizzes().getFirst();

        assertThat(quiz.content()).isEqualTo(language);
        assertThat(quiz.content().direction()).isEqualTo(direction);
        Question question = quiz.questions().getFirst();
        assertThat(question.text().in(Language.MALAY)).isEqualTo(text);
        assertThat(question.options()).extracting(o -> o.text().in(Language.HEBREW)).containsExactly(right, wrong);
        // Kept through our own file format, which is how versions are stored.
        assertThat(QuizFiles.readLenient(QuizFiles.write(quiz), quiz.id() + ".json")).isEqualTo(quiz);
    }
}
