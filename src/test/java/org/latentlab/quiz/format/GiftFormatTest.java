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
import org.junit.jupiter.api.Timeout;
import org.latentlab.base.Language;
import org.latentlab.quiz.Choice;
import org.latentlab.quiz.LocalizedText;
import org.latentlab.quiz.NumericAnswer;
import org.latentlab.quiz.Question;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.format.ImportNote.Severity;

class GiftFormatTest {

    static final String FILE = "everything.gift";
    static final Language EN = Language.ENGLISH;

    static byte[] fixture() {
        return QuizFilesTest.resource(FILE).getBytes(StandardCharsets.UTF_8);
    }

    static ImportOutcome read(String gift) {
        return GiftFormat.read(gift.getBytes(StandardCharsets.UTF_8), "test.gift", EN);
    }

    static Quiz everything() {
        return GiftFormat.read(fixture(), FILE, EN).quizzes().getFirst();
    }

    static Question question(String id) {
        return everything().question(id).orElseThrow(() -> new AssertionError("no question " + id));
    }

    static String en(LocalizedText text) {
        return text.in(EN);
    }

    static List<String> optionTexts(Question question) {
        return question.options().stream().map(o -> en(o.text())).toList();
    }

    @Test
    void theFixtureBecomesOnePracticeQuizNamedAfterTheFile() {
        ImportOutcome outcome = GiftFormat.read(fixture(), "uploads/Everything Ünïcode.gift", EN);
        assertThat(outcome.quizzes()).hasSize(1);
        Quiz quiz = outcome.quizzes().getFirst();
        assertThat(quiz.id()).isEqualTo("everything-unicode");
        assertThat(en(quiz.title())).isEqualTo("Everything Ünïcode");
        assertThat(quiz.kind()).isEqualTo(Quiz.Kind.PRACTICE);
        assertThat(quiz.lesson()).isNull();
        assertThat(quiz.questions()).extracting(Question::id, Question::type).containsExactly(
                tuple("bottleneck", QuestionType.SINGLE),
                tuple("escapes-all-of-them", QuestionType.SINGLE),
                tuple("q3", QuestionType.SINGLE),
                tuple("html-question", QuestionType.SINGLE),
                tuple("markdown-question", QuestionType.SINGLE),
                tuple("plain", QuestionType.TRUE_FALSE),
                tuple("moodle-format", QuestionType.TRUE_FALSE),
                tuple("false-with-letters", QuestionType.TRUE_FALSE),
                tuple("false-with-word", QuestionType.TRUE_FALSE),
                tuple("weights", QuestionType.MULTIPLE),
                tuple("partial-single", QuestionType.SINGLE),
                tuple("several-right", QuestionType.MULTIPLE),
                tuple("standard-weights", QuestionType.MULTIPLE),
                tuple("numeric-exact", QuestionType.NUMERIC),
                tuple("numeric-tolerance", QuestionType.NUMERIC),
                tuple("numeric-range", QuestionType.NUMERIC),
                tuple("numeric-several", QuestionType.NUMERIC),
                tuple("missing-word", QuestionType.SINGLE),
                tuple("multi-line", QuestionType.SINGLE),
                tuple("bottleneck-2", QuestionType.TRUE_FALSE));
        assertThat(quiz.questions()).allSatisfy(q -> assertThat(q.text().texts()).containsOnlyKeys(EN));
    }

    @Test
    void answersFeedbackAndGeneralFeedbackAreRead() {
        Question question = question("bottleneck");
        assertThat(en(question.text())).isEqualTo("What is the narrow middle layer of an autoencoder called?");
        assertThat(question.options()).extracting(Choice::id, o -> en(o.text()), Choice::correct, Choice::weight,
                o -> en(o.feedback())).containsExactly(
                        tuple("a", "the bottleneck", true, null, "Right: it forces the network to compress."),
                        tuple("b", "the output layer", false, null, "No, that is where the reconstruction comes out."),
                        tuple("c", "the input layer", false, null, ""));
        assertThat(en(question.explanation())).isEqualTo("The bottleneck (or code) is the smallest layer.");
    }

    @Test
    void escapedCharactersAreKeptAsText() {
        Question question = question("escapes-all-of-them");
        assertThat(en(question.text())).isEqualTo("Which answer is written with escapes: ~ = # { } \\ ?");
        assertThat(optionTexts(question)).containsExactly("a {curly} brace", "a ~tilde", "an = equals sign",
                "a # hash");
        assertThat(question.options().getFirst().correct()).isTrue();
    }

    @Test
    void aQuestionWithoutTitleIsNumbered() {
        assertThat(en(question("q3").text())).isEqualTo("What is 2 + 2?");
        assertThat(optionTexts(question("q3"))).containsExactly("4", "3", "5");
    }

    @Test
    void htmlAndMarkdownBecomePlainTextAndAScriptIsDroppedAndReported() {
        ImportOutcome outcome = GiftFormat.read(fixture(), FILE, EN);
        Quiz quiz = outcome.quizzes().getFirst();
        Question html = quiz.question("html-question").orElseThrow();
        assertThat(en(html.text())).isEqualTo("Which part shrinks the image?");
        assertThat(optionTexts(html)).containsExactly("the encoder", "the decoder & its layers");
        Question markdown = quiz.question("markdown-question").orElseThrow();
        assertThat(en(markdown.text())).isEqualTo("Which loss is usually used for a VAE? See the lesson.");
        assertThat(optionTexts(markdown)).containsExactly("reconstruction plus KL", "only accuracy");
        assertThat(en(quiz.question("plain").orElseThrow().text())).isEqualTo("Is 3 < 4 and 5 > 2?");
        assertThat(outcome.notes()).contains(ImportNote.warning("question 4 \"HTML question\"", "HTML was removed "
                + "from the texts, including a script or similar element and its content (only plain text is kept)"));
        assertThat(QuizFiles.write(quiz)).doesNotContain("<p>", "<b>", "<script", "alert", "**");
    }

    @Test
    void trueFalseQuestionsInEveryNotationWithTheirFeedback() {
        assertThat(question("plain").answer()).isTrue();
        assertThat(question("moodle-format").answer()).isTrue();
        assertThat(en(question("moodle-format").explanation())).isEqualTo("Yes: that is the reparameterisation step.");
        assertThat(question("false-with-letters").answer()).isFalse();
        assertThat(question("false-with-letters").explanation().isEmpty()).isTrue();
        assertThat(question("false-with-word").answer()).isFalse();
        assertThat(en(question("false-with-word").explanation()))
                .isEqualTo("Encoder and decoder are often mirror images.");
        assertThat(question("bottleneck-2").answer()).isTrue();
        assertThat(question("plain").options()).isEmpty();
    }

    @Test
    void weightsBecomeChoiceWeightsUnlessTheyRestateOurScoring() {
        Question weights = question("weights");
        assertThat(weights.options()).extracting(o -> en(o.text()), Choice::correct, Choice::weight,
                o -> en(o.feedback())).containsExactly(
                        tuple("more training data", true, 0.5, "Yes."),
                        tuple("noise in the inputs", true, 0.5, "Yes."),
                        tuple("training much longer", false, -1.0, "No."));
        assertThat(question("partial-single").options()).extracting(Choice::correct, Choice::weight)
                .containsExactly(tuple(true, 1.0), tuple(false, 0.5), tuple(false, -0.5));
        assertThat(question("several-right").options()).extracting(Choice::correct, Choice::weight)
                .containsExactly(tuple(true, null), tuple(true, null), tuple(false, null));
        assertThat(question("standard-weights").options()).extracting(Choice::correct, Choice::weight)
                .containsExactly(tuple(true, null), tuple(true, null), tuple(false, null), tuple(false, null));
    }

    @Test
    void numericAnswersWithToleranceRangeAndSeveralAnswers() {
        assertThat(question("numeric-exact").numeric()).isEqualTo(new NumericAnswer(784, 0, LocalizedText.empty()));
        assertThat(question("numeric-tolerance").numeric()).isEqualTo(new NumericAnswer(5, 0.5,
                LocalizedText.empty()));
        assertThat(question("numeric-range").numeric()).isEqualTo(new NumericAnswer(5, 1, LocalizedText.empty()));
        Question several = question("numeric-several");
        assertThat(several.numeric()).isEqualTo(new NumericAnswer(1958, 0, LocalizedText.empty()));
        assertThat(en(several.explanation())).isEqualTo("Exactly.");
    }

    @Test
    void aMissingWordQuestionGetsABlankInItsText() {
        Question question = question("missing-word");
        assertThat(en(question.text())).isEqualTo("An autoencoder _____ its input into a code.");
        assertThat(optionTexts(question)).containsExactly("compresses", "enlarges", "labels");
    }

    @Test
    void aQuestionOverSeveralLinesKeepsItsLineBreak() {
        assertThat(en(question("multi-line").text())).isEqualTo("This question text\ncontinues on a second line.");
    }

    @Test
    void everySkippedQuestionIsReportedWithItsNumberTitleAndType() {
        List<ImportNote> notes = GiftFormat.read(fixture(), FILE, EN).notes();
        assertThat(notes).contains(
                ImportNote.info(null, "the category line \"$CATEGORY: $course$/top/Autoencoders\" was ignored"),
                ImportNote.warning("question 19 \"Short answer\"",
                        "skipped: short-answer questions cannot be imported"),
                ImportNote.warning("question 20 \"Matching\"", "skipped: matching questions cannot be imported"),
                ImportNote.warning("question 21 \"Essay\"", "skipped: essay questions cannot be imported"),
                ImportNote.warning("question 22 \"Description\"",
                        "skipped: a description (text without answers) is not a question"),
                ImportNote.error("question 23 \"No correct\"",
                        "skipped multiple-choice question: the question has no correct answer"),
                ImportNote.info("question 17 \"Numeric several\"",
                        "only the fully correct numeric answer was kept; 1 other answer(s) were left out"));
        assertThat(notes).filteredOn(n -> n.severity() != Severity.INFO).hasSize(6);
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkChangeNothing() {
        String crlf = "\uFEFF" + QuizFilesTest.resource(FILE).replace("\n", "\r\n");
        ImportOutcome windows = GiftFormat.read(crlf.getBytes(StandardCharsets.UTF_8), FILE, EN);
        ImportOutcome unix = GiftFormat.read(fixture(), FILE, EN);
        assertThat(windows).isEqualTo(unix);
    }

    @Test
    void readingWritingAndReadingAgainGivesTheSameQuiz() {
        Quiz quiz = everything();
        String gift = GiftFormat.write(quiz, EN);
        ImportOutcome again = GiftFormat.read(gift.getBytes(StandardCharsets.UTF_8), FILE, EN);
        assertThat(again.quizzes().getFirst()).isEqualTo(quiz);
        assertThat(again.notes()).allMatch(n -> n.severity() == Severity.INFO);
    }

    @Test
    void writingEscapesSpecialCharactersAndUsesMoodlesNotation() {
        String gift = GiftFormat.write(everything(), EN);
        assertThat(gift).contains("::escapes-all-of-them::[plain]Which answer is written with escapes\\: \\~ \\= \\# "
                + "\\{ \\} \\\\ ?{\n\t=a \\{curly\\} brace\n\t~a \\~tilde\n\t~an \\= equals sign\n\t~a \\# hash\n}");
        assertThat(gift).contains("::multi-line::[plain]This question text\\ncontinues on a second line.{");
        assertThat(gift).contains("::false-with-word::[plain]The decoder is always larger than the encoder."
                + "{FALSE####Encoder and decoder are often mirror images.}");
        assertThat(gift).contains("::numeric-range::[plain]Pick a number between 4 and 6.{#5:1}");
        assertThat(gift).contains("\t~%50%more training data#Yes.\n\t~%50%noise in the inputs#Yes.\n"
                + "\t~%-100%training much longer#No.\n");
        assertThat(gift).contains("\t=a compressed space of codes\n\t~%50%a list of pixels\n\t~%-50%the output images");
        assertThat(gift).contains("\t~%50%encoder\n\t~%50%decoder\n\t~%-50%classifier\n");
    }

    @Test
    void exportingOurQuizSkipsOrderQuestionsAndReportsWhatGiftCannotHold() throws IOException {
        Quiz ours = QuizFiles.read(Files.readString(Path.of("quizzes/autoencoders-post.json")),
                "autoencoders-post.json");
        ExportOutcome export = GiftFormat.export(ours, Language.HEBREW);
        assertThat(export.notes()).contains(
                ImportNote.warning("question \"vae-training-step\"", "skipped: order questions cannot be expressed in "
                        + "GIFT"),
                ImportNote.info(null, "points per question are not part of GIFT; every question is worth the same "
                        + "there"));
        // A numeric question's unit has no place in GIFT either (the Lab quiz's bottleneck question has one).
        Quiz lab = QuizFiles.read(Files.readString(Path.of("quizzes/lab-conv-ae.json")), "lab-conv-ae.json");
        assertThat(GiftFormat.export(lab, Language.HEBREW).notes()).anyMatch(n -> n.where() != null
                && n.where().equals("question \"bottleneck-size\"") && n.message().startsWith("the unit"));
        Quiz back = GiftFormat.read(export.bytes(), "autoencoders-post.gift", Language.HEBREW).quizzes().getFirst();
        List<Question> expressible = ours.questions().stream().filter(q -> q.type() != QuestionType.ORDER).toList();
        assertThat(back.questions()).extracting(Question::id)
                .containsExactlyElementsOf(expressible.stream().map(Question::id).toList());
        for (int i = 0; i < expressible.size(); i++) {
            Question original = expressible.get(i);
            Question copy = back.questions().get(i);
            assertThat(copy.type()).isEqualTo(original.type());
            assertThat(copy.text().in(Language.HEBREW)).isEqualTo(original.text().in(Language.HEBREW));
            assertThat(copy.explanation().in(Language.HEBREW)).isEqualTo(original.explanation().in(Language.HEBREW));
            assertThat(copy.options()).extracting(Choice::correct)
                    .containsExactlyElementsOf(original.options().stream().map(Choice::correct).toList());
            assertThat(copy.answer()).isEqualTo(original.answer());
            if (original.numeric() != null) {
                assertThat(copy.numeric().value()).isEqualTo(original.numeric().value());
                assertThat(copy.numeric().tolerance()).isEqualTo(original.numeric().tolerance());
            }
        }
    }

    @Test
    void textsThatLookLikeGiftSyntaxSurviveAnExportAndImport() {
        LocalizedText tricky = LocalizedText.of(EN,
                "[html] ::not a title:: {=x ~y} #5 // no comment\nline 2 \\ $CATEGORY: z");
        Question single = new Question("tricky", QuestionType.SINGLE, null, 1, tricky,
                List.of(new Choice("a", tricky, true, null, tricky), new Choice("b", LocalizedText.of(EN, "[plain]"),
                        false)), null, null, null, tricky);
        Quiz quiz = new Quiz("tricky", null, Quiz.Kind.PRACTICE, null, LocalizedText.of(EN, "tricky"), null,
                List.of(single));
        String gift = GiftFormat.write(quiz, EN);
        ImportOutcome again = GiftFormat.read(gift.getBytes(StandardCharsets.UTF_8), "tricky.gift", EN);
        assertThat(again.quizzes().getFirst()).isEqualTo(quiz);
        assertThat(again.notes()).isEmpty();
    }

    @Test
    void perAnswerFeedbackOfATrueFalseQuestionThatIsNotKeptIsReported() {
        ImportOutcome outcome = read("::TF::Right?{T#Wrong, it is true.#Yes.####Because.}");
        assertThat(en(outcome.quizzes().getFirst().questions().getFirst().explanation())).isEqualTo("Because.");
        assertThat(outcome.notes()).containsExactly(ImportNote.info("question 1 \"TF\"", "a true-false question has "
                + "one explanation here: the answer feedback that did not become it was left out"));
    }

    @Test
    @Timeout(20)
    void markupMadeToSlowDownTheParserIsHandledQuickly() {
        StringBuilder gift = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            gift.append("::Q").append(i).append("::[markdown]").append("**a _b *c [d ` ".repeat(600)).append("{T}\n\n");
        }
        assertThatThrownBy(() -> read(gift.toString()))
                .hasMessage("test.gift: no question can be imported (200 × true-false question: a text is longer than "
                        + "2000 characters: question 1 \"Q0\", question 2 \"Q1\", question 3 \"Q2\", question 4 \"Q3\", "
                        + "question 5 \"Q4\" and 195 more)");
    }

    @Test
    void aFileWithTenThousandQuestionsIsRefused() {
        String gift = "Is this true?{T}\n\n".repeat(10_000);
        assertThatThrownBy(() -> read(gift))
                .isInstanceOf(QuizFormatException.class)
                .hasMessage("test.gift: the file has 10000 questions; at most 500 can be imported at once");
    }

    @Test
    void aFileOfThreeMegabytesIsRefused() {
        byte[] huge = ("::Q::" + "x".repeat(3 * 1024 * 1024) + "{T}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GiftFormat.read(huge, "huge.gift", EN))
                .isInstanceOf(QuizFormatException.class)
                .hasMessage("huge.gift: the file is too large (3.0 MB); at most 2 MB can be imported");
    }

    @Test
    void numericAnswersFollowedByAWrongAnswerWithFeedbackAreReadAsMoodleReadsThem() {
        ImportOutcome outcome = read("""
                ::Grant::When was Ulysses S. Grant born? {#
                    =1822:0      # Correct! Full credit.
                    =%50%1822:2  # He was born in 1822. Half credit for being close.
                    ~#Sorry, not even close.
                }

                ::Pi::What is pi to two decimals? {#3.14:0.005 ~#No: 3.14 is right.}

                ::Range::A number from 1 to 5? {#1..5~#Between 1 and 5, please.}
                """);

        List<Question> questions = outcome.quizzes().getFirst().questions();
        assertThat(questions).extracting(Question::id).containsExactly("grant", "pi", "range");
        assertThat(questions).extracting(q -> q.numeric().value()).containsExactly(1822.0, 3.14, 3.0);
        assertThat(questions).extracting(q -> q.numeric().tolerance()).containsExactly(0.0, 0.005, 2.0);
        assertThat(questions.getFirst().explanation().in(EN)).isEqualTo("Correct! Full credit.");
        assertThat(outcome.notes()).extracting(ImportNote::where, ImportNote::message).contains(
                tuple("question 2 \"Pi\"", "the feedback for wrong answers (~#…) was left out: a numeric question "
                        + "here has one explanation"));
    }

    @Test
    void theGeneralFeedbackStartsAtTheLastFourHashesAsInMoodle() {
        ImportOutcome outcome = read("::Q::Right?{T####one####two}");

        assertThat(outcome.quizzes().getFirst().questions().getFirst().explanation().in(EN)).isEqualTo("two");
    }

    @Test
    void emptyBinaryAndUselessFilesAreRefused() {
        assertThatThrownBy(() -> GiftFormat.read(new byte[0], "e.gift", EN)).hasMessage("e.gift: the file is empty");
        assertThatThrownBy(() -> read("// only a comment\n\n// and another\n"))
                .hasMessage("test.gift: no question can be imported (the file has no questions)");
        assertThatThrownBy(() -> GiftFormat.read(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, "utf16.gift", EN))
                .hasMessage("utf16.gift: the file is not UTF-8 text");
        assertThatThrownBy(() -> read("Who?{=Kingma}\n\nExplain.{}\n\n::D::Just text."))
                .hasMessage("test.gift: no question can be imported (1 × short-answer questions cannot be imported: "
                        + "question 1; 1 × essay questions cannot be imported: question 2; 1 × a description (text "
                        + "without answers) is not a question: question 3 \"D\")");
    }

    @Test
    void aQuestionWithoutCorrectAnswerIsSkippedAndTheOthersAreKept() {
        ImportOutcome outcome = read("::Bad::Which?{~a ~b}\n\n::Good::Which?{=a ~b}\n\n::Worse::How many?{#=%50%3}");
        assertThat(outcome.quizzes().getFirst().questions()).extracting(Question::id).containsExactly("good");
        assertThat(outcome.notes()).containsExactly(
                ImportNote.error("question 1 \"Bad\"", "skipped multiple-choice question: the question has no correct "
                        + "answer"),
                ImportNote.error("question 3 \"Worse\"", "skipped numeric question: the question has no fully correct"
                        + " (100%) answer"));
        assertThatThrownBy(() -> read("::Bad::Which?{~a ~b}"))
                .hasMessage("test.gift: no question can be imported (1 × multiple-choice question: the question has "
                        + "no correct answer: question 1 \"Bad\")");
    }

    @Test
    void scriptsAreRemovedFromEveryTextAndReported() {
        ImportOutcome outcome = read("::S::<script>document.cookie</script>Is <img src=x onerror=alert(1)>this safe?"
                + "{=yes<script>x()</script>#fine <iframe src\\=\"evil\"></iframe>ok ~no}");
        Question question = outcome.quizzes().getFirst().questions().getFirst();
        assertThat(en(question.text())).isEqualTo("Is this safe?");
        assertThat(en(question.options().getFirst().text())).isEqualTo("yes");
        assertThat(en(question.options().getFirst().feedback())).isEqualTo("fine ok");
        assertThat(outcome.notes()).containsExactly(ImportNote.warning("question 1 \"S\"", "HTML was removed from the "
                + "texts, including a script or similar element and its content (only plain text is kept)"));
    }

    @Test
    void brokenQuestionsAreSkippedWithTheirReason() {
        ImportOutcome outcome = read(String.join("\n\n",
                "::Open::Which?{=a ~b",
                "::Two blocks::Which?{=a ~b} and {=c ~d}",
                "::Long::" + "x".repeat(2001) + "?{T}",
                "::Nine::Which?{=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9}",
                "::Weight::Which?{=a ~%150%b}",
                "::Range::How many?{#6..4}",
                "::Not a number::How many?{#many}",
                "::Empty answer::Which?{=a ~}",
                "::No text::{=a ~b}",
                "::Title only",
                "::Fine::Is this fine?{T}"));
        assertThat(outcome.quizzes().getFirst().questions()).extracting(Question::id).containsExactly("fine");
        assertThat(outcome.notes()).extracting(ImportNote::where, ImportNote::message).containsExactly(
                tuple("question 1 \"Open\"", "skipped: the answers have no closing }"),
                tuple("question 2 \"Two blocks\"", "skipped: a question can have only one {answers} block "
                        + "(write \\{ for a brace in the text)"),
                tuple("question 3 \"Long\"", "skipped true-false question: a text is longer than 2000 characters"),
                tuple("question 4 \"Nine\"", "skipped multiple-choice question: a question needs 2 to 8 answers "
                        + "(found 9)"),
                tuple("question 5 \"Weight\"", "skipped multiple-choice question: the weight of answer 2 must be "
                        + "-100% to 100% (found 150%)"),
                tuple("question 6 \"Range\"", "skipped numeric question: the range 6..4 ends below its start"),
                tuple("question 7 \"Not a number\"", "skipped numeric question: the numeric answer \"many\" is not a "
                        + "number, number:tolerance or min..max"),
                tuple("question 8 \"Empty answer\"", "skipped multiple-choice question: answer 2 has no text"),
                tuple("question 9 \"No text\"", "skipped multiple-choice question: the question has no text"),
                tuple("question 10", "skipped: the title has no closing ::"));
    }

    @Test
    void idsComeFromTitlesAndStayUnique() {
        ImportOutcome outcome = read(String.join("\n\n",
                "::Q2::A?{T}", "B?{T}", "::Größe & Maß::C?{T}", "::עברית::D?{T}", "::Q2::E?{T}"));
        assertThat(outcome.quizzes().getFirst().questions()).extracting(Question::id)
                .containsExactly("q2", "q2-2", "grosse-mass", "q4", "q2-3");
        assertThat(outcome.quizzes().getFirst().id()).isEqualTo("test");
    }
}
