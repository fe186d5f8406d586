package org.latentlab.quiz.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.base.Language;
import org.latentlab.quiz.Choice;
import org.latentlab.quiz.LocalizedText;
import org.latentlab.quiz.NumericAnswer;
import org.latentlab.quiz.Question;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizPolicy;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class QuizFilesTest {

    static final String FILE = "valid-quiz.json";
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static String resource(String name) {
        try (InputStream in = QuizFilesTest.class.getResourceAsStream("/quiz-format/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> ourQuizFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("quizzes"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyQuizFileOfTheAppPassesTheValidator() throws IOException {
        List<Path> files = ourQuizFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Quiz quiz = QuizFiles.read(Files.readString(file), name);
            assertThat(quiz.id()).isEqualTo(name.replace(".json", ""));
            assertThat(quiz.questions()).isNotEmpty();
            assertThat(quiz.title().texts()).hasSize(Language.values().length);
        }
    }

    @Test
    void writingOurQuizFilesGivesBackTheSameQuiz() throws IOException {
        for (Path file : ourQuizFiles()) {
            String name = file.getFileName().toString();
            Quiz quiz = QuizFiles.read(Files.readString(file), name);
            String written = QuizFiles.write(quiz);
            assertThat(QuizFiles.read(written, name)).as(name).isEqualTo(quiz);
            assertThat(QuizFiles.write(QuizFiles.read(written, name))).as(name).isEqualTo(written);
        }
    }

    @Test
    void theFixtureReadsIntoTheModelWithEveryTypeAndOptionalField() {
        Quiz quiz = QuizFiles.read(resource(FILE), FILE);
        assertThat(quiz.id()).isEqualTo("valid-quiz");
        assertThat(quiz.kind()).isEqualTo(Quiz.Kind.LAB);
        assertThat(quiz.experiment()).isEqualTo("conv-ae");
        assertThat(quiz.policy()).isEqualTo(new QuizPolicy(3, QuizPolicy.CountedAttempt.BEST, 20, true));
        assertThat(quiz.questions()).extracting(Question::type).containsExactly(QuestionType.SINGLE,
                QuestionType.MULTIPLE, QuestionType.TRUE_FALSE, QuestionType.NUMERIC, QuestionType.ORDER,
                QuestionType.SINGLE);
        assertThat(quiz.question("uses").orElseThrow().points()).isEqualTo(2);
        assertThat(quiz.question("uses").orElseThrow().options().get(0).feedback().in(Language.SWAHILI))
                .isEqualTo("Yes, denoising autoencoders do that. (SW)");
        assertThat(quiz.question("noise").orElseThrow().answer()).isTrue();
        assertThat(quiz.question("noise").orElseThrow().section()).isNull();
        NumericAnswer numeric = quiz.question("pixels").orElseThrow().numeric();
        assertThat(numeric.value()).isEqualTo(784);
        assertThat(numeric.unit().in(Language.HEBREW)).isEqualTo("עברית: pixels");
        assertThat(quiz.question("training-step").orElseThrow().steps()).extracting(s -> s.id())
                .containsExactly("encode", "decode", "compare");
        assertThat(quiz.question("weighted").orElseThrow().options()).extracting(Choice::weight)
                .containsExactly(1.0, 0.5, -1.0);
        assertThat(quiz.question("weighted").orElseThrow().explanation().in(org.latentlab.base.Language.SWAHILI))
                .isEqualTo("Uzito hutoa alama za sehemu.");
    }

    @Test
    void writingAndReadingAgainGivesAnEqualQuizWithTheSameText() {
        String json = resource(FILE);
        Quiz quiz = QuizFiles.read(json, FILE);
        assertThat(QuizFiles.write(quiz)).isEqualTo(json);
        assertThat(QuizFiles.read(QuizFiles.write(quiz), FILE)).isEqualTo(quiz);
    }

    @Test
    void writingUsesTwoSpacesRealCharactersAndTheSpecifiedFieldOrder() {
        Quiz quiz = QuizFiles.read(resource(FILE), FILE);
        String written = QuizFiles.write(quiz);
        assertThat(written).startsWith("{\n  \"id\": \"valid-quiz\",\n  \"lesson\": \"autoencoders\",\n"
                + "  \"kind\": \"lab\",\n  \"experiment\": \"conv-ae\",\n  \"title\": {\n    \"en\": ");
        assertThat(written).contains("\"he\": \"עברית: A valid quiz\"").doesNotContain("\\u");
        assertThat(written).endsWith("}\n");
    }

    @Test
    void aPracticeQuizWithoutLessonAndWithSpecialCharactersSurvivesTheRoundTrip() {
        LocalizedText text = LocalizedText.of(Language.ENGLISH, "Quote \" backslash \\ tab\tnew\nline ±½ 😀");
        Question question = new Question("q1", QuestionType.SINGLE, null, 3, text,
                List.of(new Choice("a", text, true, 0.25, text), new Choice("b", text, false)), null, null, null,
                null);
        Quiz quiz = new Quiz("imported", null, Quiz.Kind.PRACTICE, null, text,
                new QuizPolicy(null, QuizPolicy.CountedAttempt.LAST, null, false), List.of(question));
        String written = QuizFiles.write(quiz);
        assertThat(written).doesNotContain("\"lesson\"").doesNotContain("\"section\"");
        assertThat(QuizFiles.readLenient(written, "imported.json")).isEqualTo(quiz);
    }

    @Test
    void theLenientModeAcceptsOneLanguageWhereTheStrictModeRefusesIt() {
        String json = """
                {"id": "one-language", "kind": "practice", "title": {"sw": "Jaribio"},
                 "questions": [{"id": "q1", "type": "true-false", "text": {"sw": "Kweli?"}, "answer": true}]}
                """;
        Quiz quiz = QuizFiles.readLenient(json, "one-language.json");
        assertThat(quiz.title().in(Language.ENGLISH)).isEqualTo("Jaribio");
        assertThat(quiz.policy()).isEqualTo(QuizPolicy.defaults());
        assertThat(quiz.questions().getFirst().points()).isEqualTo(1);
        assertThat(QuizFiles.readLenient(json, "uploaded by a teacher")).isEqualTo(quiz);
        assertThatThrownBy(() -> QuizFiles.read(json, "one-language.json"))
                .isInstanceOf(QuizFormatException.class)
                .hasMessage("one-language.json: the title is missing the languages en, ms, sl, tl, he (our quizzes "
                        + "need en, ms, sw, sl, tl and he)");
    }

    @Test
    void theExceptionKeepsFileQuestionAndProblemApart() {
        QuizFormatException e = refusal(root -> option(root, 0, 1).put("correct", true));
        assertThat(e.fileName()).isEqualTo(FILE);
        assertThat(e.where()).isEqualTo("question \"bottleneck\"");
        assertThat(e.problem()).isEqualTo("a single-choice question needs exactly one correct option (found 2)");
    }

    static Stream<Arguments> brokenFiles() {
        String q1 = FILE + ", question \"bottleneck\": ";
        return Stream.of(
                broken("a quiz id with capitals and underscores is refused",
                        root -> root.put("id", "Valid_Quiz"),
                        FILE + ": the quiz id \"Valid_Quiz\" may contain only lowercase letters, digits and hyphens"),
                broken("a quiz id that differs from the file name is refused",
                        root -> root.put("id", "other-quiz"),
                        FILE + ": the quiz id \"other-quiz\" must be the file name without .json (\"valid-quiz\")"),
                broken("a quiz without id is refused",
                        root -> root.remove("id"),
                        FILE + ": the quiz has no \"id\""),
                broken("an unknown kind is refused",
                        root -> root.put("kind", "exam"),
                        FILE + ": unknown kind \"exam\" (pre-lesson, post-lesson, lab or practice)"),
                broken("a lab quiz without experiment is refused",
                        root -> root.remove("experiment"),
                        FILE + ": a lab quiz needs an \"experiment\""),
                broken("a pre-lesson quiz with an experiment is refused",
                        root -> root.put("kind", "pre-lesson"),
                        FILE + ": only a lab quiz has an \"experiment\" (this one is pre-lesson)"),
                broken("a lesson quiz without lesson is refused",
                        root -> {
                            root.remove("experiment");
                            root.remove("lesson");
                            root.put("kind", "post-lesson");
                        },
                        FILE + ": a post-lesson quiz needs a \"lesson\""),
                broken("a title without Hebrew is refused",
                        root -> ((ObjectNode) root.get("title")).remove("he"),
                        FILE + ": the title is missing the language he (our quizzes need en, ms, sw, sl, tl and he)"),
                broken("a blank translation counts as missing",
                        root -> ((ObjectNode) question(root, 0).get("text")).put("sw", "  "),
                        q1 + "the text is missing the language sw (our quizzes need en, ms, sw, sl, tl and he)"),
                broken("an option text without Tagalog is refused",
                        root -> ((ObjectNode) option(root, 0, 1).get("text")).remove("tl"),
                        q1 + "the text of option \"b\" is missing the language tl (our quizzes need en, ms, sw, sl, "
                                + "tl and he)"),
                broken("a question of ours without an explanation is refused",
                        root -> ((ObjectNode) question(root, 0)).remove("explanation"),
                        q1 + "the explanation is missing"),
                broken("a partly translated explanation is refused",
                        root -> ((ObjectNode) question(root, 0).get("explanation")).remove(List.of("ms", "sl")),
                        q1 + "the explanation is missing the languages ms, sl (our quizzes need en, ms, sw, sl, tl "
                                + "and he)"),
                broken("an unknown language is refused",
                        root -> ((ObjectNode) question(root, 0).get("text")).put("fr", "Quelle couche ?"),
                        q1 + "\"text\" has the unknown language \"fr\" (en, ms, sw, sl, tl, he)"),
                broken("a text that is not a text object is refused",
                        root -> question(root, 0).put("text", "What is it?"),
                        q1 + "\"text\" must be an object with a text per language ({\"en\": \"...\", ...}), not the "
                                + "text \"What is it?\""),
                broken("HTML in a text is refused",
                        root -> ((ObjectNode) question(root, 0).get("text")).put("en", "What is the <b>narrow</b> "
                                + "layer?"),
                        q1 + "the en version of the text contains HTML (<b>); texts must be plain text"),
                broken("a script in an explanation is refused",
                        root -> ((ObjectNode) question(root, 0).get("explanation")).put("sl",
                                "Hm <script src=\"x.js\"></script>"),
                        q1 + "the sl version of the explanation contains HTML (<script src=\"x.js\">); texts must be "
                                + "plain text"),
                broken("zero attempts are refused",
                        root -> ((ObjectNode) root.get("policy")).put("maxAttempts", 0),
                        FILE + ": policy.maxAttempts must be null (unlimited) or 1 to 20 (found 0)"),
                broken("twenty-one attempts are refused",
                        root -> ((ObjectNode) root.get("policy")).put("maxAttempts", 21),
                        FILE + ": policy.maxAttempts must be null (unlimited) or 1 to 20 (found 21)"),
                broken("an unknown counted attempt is refused",
                        root -> ((ObjectNode) root.get("policy")).put("counts", "worst"),
                        FILE + ": policy.counts must be best, last or first (found \"worst\")"),
                broken("a time limit over four hours is refused",
                        root -> ((ObjectNode) root.get("policy")).put("timeLimitMinutes", 241),
                        FILE + ": policy.timeLimitMinutes must be null or 1 to 240 (found 241)"),
                broken("a shuffle flag that is not a boolean is refused",
                        root -> ((ObjectNode) root.get("policy")).put("shuffleOptions", "yes"),
                        FILE + ": \"shuffleOptions\" must be true or false, not the text \"yes\""),
                broken("a quiz without questions is refused",
                        root -> ((ArrayNode) root.get("questions")).removeAll(),
                        FILE + ": the quiz has no questions"),
                broken("a quiz with 201 questions is refused",
                        root -> {
                            ArrayNode questions = (ArrayNode) root.get("questions");
                            JsonNode template = questions.get(2);
                            questions.removeAll();
                            for (int i = 1; i <= 201; i++) {
                                questions.add(((ObjectNode) template.deepCopy()).put("id", "q" + i));
                            }
                        },
                        FILE + ": a quiz has at most 200 questions (found 201)"),
                broken("two questions with the same id are refused",
                        root -> question(root, 1).put("id", "bottleneck"),
                        FILE + ", question 2: the id \"bottleneck\" is already used by question 1"),
                broken("a question without id is named by its number",
                        root -> question(root, 1).remove("id"),
                        FILE + ", question 2: the question has no \"id\""),
                broken("a question id with spaces is refused",
                        root -> question(root, 0).put("id", "Bottle neck"),
                        FILE + ", question 1: the id \"Bottle neck\" may contain only lowercase letters, digits and "
                                + "hyphens"),
                broken("an unknown question type is refused",
                        root -> question(root, 0).put("type", "essay"),
                        q1 + "unknown type \"essay\" (single, multiple, true-false, numeric or order)"),
                broken("zero points are refused",
                        root -> question(root, 0).put("points", 0),
                        q1 + "the points must be 1 to 10 (found 0)"),
                broken("eleven points are refused",
                        root -> question(root, 0).put("points", 11),
                        q1 + "the points must be 1 to 10 (found 11)"),
                broken("fractional points are refused",
                        root -> question(root, 0).put("points", 1.5),
                        q1 + "points must be a whole number, not the number 1.5"),
                broken("a single-choice question with two correct options is refused",
                        root -> option(root, 0, 1).put("correct", true),
                        q1 + "a single-choice question needs exactly one correct option (found 2)"),
                broken("a single-choice question without correct option is refused",
                        root -> option(root, 0, 0).put("correct", false),
                        q1 + "a single-choice question needs exactly one correct option (found 0)"),
                broken("a multiple-choice question without correct option is refused",
                        root -> {
                            option(root, 1, 0).put("correct", false);
                            option(root, 1, 1).put("correct", false);
                        },
                        FILE + ", question \"uses\": a multiple-choice question needs at least one correct option "
                                + "(found 0)"),
                broken("a choice question with one option is refused",
                        root -> {
                            ((ArrayNode) question(root, 0).get("options")).remove(2);
                            ((ArrayNode) question(root, 0).get("options")).remove(1);
                        },
                        q1 + "a single-choice question needs 2 to 8 options (found 1)"),
                broken("a choice question with nine options is refused",
                        root -> {
                            ArrayNode options = (ArrayNode) question(root, 1).get("options");
                            for (int i = 4; i <= 9; i++) {
                                options.add(((ObjectNode) options.get(2).deepCopy()).put("id", "o" + i));
                            }
                        },
                        FILE + ", question \"uses\": a multiple-choice question needs 2 to 8 options (found 9)"),
                broken("two options with the same id are refused",
                        root -> option(root, 0, 2).put("id", "a"),
                        q1 + "two options have the id \"a\""),
                broken("an option without correct flag is refused",
                        root -> option(root, 0, 2).remove("correct"),
                        q1 + "option 3 needs \"correct\": true or false"),
                broken("a misspelt option field is refused",
                        root -> option(root, 0, 2).put("corect", true),
                        q1 + "option 3 has the unknown field \"corect\""),
                broken("a weight above one is refused",
                        root -> option(root, 5, 1).put("weight", 1.5),
                        FILE + ", question \"weighted\": the weight of option \"b\" must be -1 to 1 (found 1.5)"),
                broken("a weight below minus one is refused",
                        root -> option(root, 5, 2).put("weight", -2),
                        FILE + ", question \"weighted\": the weight of option \"c\" must be -1 to 1 (found -2.0)"),
                broken("a true-false question without answer is refused",
                        root -> question(root, 2).remove("answer"),
                        FILE + ", question \"noise\": a true-false question needs \"answer\": true or false"),
                broken("a true-false question with options is refused",
                        root -> question(root, 2).set("options", question(root, 0).get("options").deepCopy()),
                        FILE + ", question \"noise\": a true-false question has no \"options\""),
                broken("a numeric question without its answer is refused",
                        root -> question(root, 3).remove("numeric"),
                        FILE + ", question \"pixels\": a numeric question needs \"numeric\": { \"value\": ..., "
                                + "\"tolerance\": ... }"),
                broken("a negative tolerance is refused",
                        root -> ((ObjectNode) question(root, 3).get("numeric")).put("tolerance", -1),
                        FILE + ", question \"pixels\": the tolerance must be a finite number of at least 0 (found "
                                + "-1.0)"),
                broken("an infinite numeric value is refused",
                        root -> ((ObjectNode) question(root, 3).get("numeric")).put("value",
                                new java.math.BigDecimal("1e400")),
                        FILE + ", question \"pixels\": the numeric value must be a finite number (found Infinity)"),
                broken("a numeric value written as text is refused",
                        root -> ((ObjectNode) question(root, 3).get("numeric")).put("value", "784"),
                        FILE + ", question \"pixels\": \"numeric\" needs a \"value\" that is a number"),
                broken("an order question with two steps is refused",
                        root -> ((ArrayNode) question(root, 4).get("steps")).remove(2),
                        FILE + ", question \"training-step\": an order question needs 3 to 8 steps (found 2)"),
                broken("an order question with nine steps is refused",
                        root -> {
                            ArrayNode steps = (ArrayNode) question(root, 4).get("steps");
                            for (int i = 4; i <= 9; i++) {
                                steps.add(((ObjectNode) steps.get(0).deepCopy()).put("id", "s" + i));
                            }
                        },
                        FILE + ", question \"training-step\": an order question needs 3 to 8 steps (found 9)"),
                broken("steps written as plain strings are refused",
                        root -> ((ArrayNode) question(root, 4).get("steps")).set(0, "Encode"),
                        FILE + ", question \"training-step\": step 1 must be an object {\"id\", \"text\"}, not the "
                                + "text \"Encode\""),
                broken("a question that is not an object is refused",
                        root -> ((ArrayNode) root.get("questions")).set(1, "What?"),
                        FILE + ", question 2: a question must be an object, not the text \"What?\""),
                broken("an unknown top-level field is refused",
                        root -> root.put("author", "me"),
                        FILE + ": the quiz has the unknown field \"author\""));
    }

    static Arguments broken(String sentence, Consumer<ObjectNode> change, String message) {
        return Arguments.of(sentence, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void everyRuleOfTheValidatorNamesFileQuestionAndProblem(String sentence, Consumer<ObjectNode> change,
            String message) {
        assertThat(refusal(change)).hasMessage(message);
    }

    @Test
    void invalidJsonIsRefusedWithItsLine() {
        assertThatThrownBy(() -> QuizFiles.read("{\n  \"id\": \"x\",\n  \"kind\": \n}", "x.json"))
                .isInstanceOf(QuizFormatException.class)
                .hasMessageStartingWith("x.json: the file is not valid JSON at line 4, column 1");
        assertThatThrownBy(() -> QuizFiles.read("{\"id\": \"x\", \"id\": \"y\"}", "x.json"))
                .hasMessageContaining("not valid JSON").hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> QuizFiles.read("{} {}", "x.json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> QuizFiles.read("", "x.json")).hasMessage("x.json: the file is empty");
        assertThatThrownBy(() -> QuizFiles.read("[1, 2]", "x.json"))
                .hasMessage("x.json: the file must contain one JSON object (a quiz), not a list");
    }

    @Test
    void aQuizBuiltInCodeCanBeValidatedWithoutWritingIt() {
        Quiz quiz = QuizFiles.read(resource(FILE), FILE);
        QuizFiles.validate(quiz, FILE);
        Quiz renamed = new Quiz("renamed", quiz.lesson(), quiz.kind(), quiz.experiment(), quiz.title(),
                quiz.policy(), quiz.questions());
        assertThatThrownBy(() -> QuizFiles.validate(renamed, FILE))
                .hasMessage(FILE + ": the quiz id \"renamed\" must be the file name without .json (\"valid-quiz\")");
        QuizFiles.validateLenient(renamed, "database");
        Quiz english = new Quiz("renamed", null, Quiz.Kind.PRACTICE, null, LocalizedText.of(Language.ENGLISH, "T"),
                null, List.of(new Question("q", QuestionType.NUMERIC, null, 1, LocalizedText.of(Language.ENGLISH,
                        "How many?"), null, null, new NumericAnswer(Double.NaN, 0, null), null, null)));
        assertThatThrownBy(() -> QuizFiles.validateLenient(english, "database"))
                .hasMessage("database, question \"q\": the numeric value must be a finite number (found NaN)");
    }

    static QuizFormatException refusal(Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) MAPPER.readTree(resource(FILE));
        change.accept(root);
        String json = MAPPER.writeValueAsString(root);
        try {
            QuizFiles.read(json, FILE);
        } catch (QuizFormatException e) {
            return e;
        }
        throw new AssertionError("The changed file was accepted: " + json);
    }

    static ObjectNode question(ObjectNode root, int index) {
        return (ObjectNode) root.get("questions").get(index);
    }

    static ObjectNode option(ObjectNode root, int question, int option) {
        return (ObjectNode) question(root, question).get("options").get(option);
    }
}
