package org.latentlab.quiz.format;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.quiz.Choice;
import org.latentlab.quiz.LocalizedText;
import org.latentlab.quiz.Question;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizPolicy;

import tools.jackson.databind.JsonNode;

/**
 * The open quiz-app JSON format of the public curricula (one file per language):
 *
 * <pre>
 * [{"title": ..., "complete": ..., "error": ...,
 *   "quizzes": [{"id": 17, "title": ...,
 *                "quiz": [{"questionText": ...,
 *                          "answerOptions": [{"answerText": ..., "isCorrect": "true"}]}]}]}]
 * </pre>
 *
 * ({@code isCorrect} is the string "true"/"false" or a boolean.) Each quiz-app quiz becomes a {@link Quiz} with id
 * {@code curriculum-quiz-<id>}, kind practice, no lesson, texts in the given language, questions {@code q1, q2...}
 * (by their number in the file), options {@code a, b, c...}; a question with one correct answer is single choice,
 * with several multiple choice.
 */
public final class QuizAppFormat {

    /** The ids our imported quiz-app quizzes get: {@code curriculum-quiz-<the quiz-app id>}. */
    public static final String ID_PREFIX = "curriculum-quiz-";
    /** Texts longer than this before HTML is removed are not cleaned (the question is too long anyway). */
    private static final int MAX_MARKUP_LENGTH = 5 * PlainText.MAX_TEXT_LENGTH;
    private static final Pattern NUMBERED_ID = Pattern.compile(Pattern.quote(ID_PREFIX) + "([0-9]{1,9})");

    /** The texts around the quizzes in an exported file. */
    public record Labels(String title, String complete, String error) {

        public static Labels english() {
            return new Labels("Latent Lab quizzes", "Congratulations, you completed the quiz!", "Sorry, try again");
        }
    }

    private static final Map<Language, String[]> TRUE_FALSE = new EnumMap<>(Map.of(
            Language.ENGLISH, new String[] {"True", "False"},
            Language.MALAY, new String[] {"Betul", "Salah"},
            Language.SWAHILI, new String[] {"Kweli", "Si kweli"},
            Language.SLOVENIAN, new String[] {"Drži", "Ne drži"},
            Language.TAGALOG, new String[] {"Tama", "Mali"},
            Language.HEBREW, new String[] {"נכון", "לא נכון"}));

    private QuizAppFormat() {
    }

    /**
     * Reads a quiz-app file. Refused with a {@link QuizFormatException} (nothing imported): an empty file, over 2 MB,
     * not UTF-8 or not JSON, the wrong shape, more than 500 questions in all, no importable question. Left out and
     * reported: a question without a correct answer, with fewer than 2 or more than 8 answers, with an empty text or
     * a text over 2,000 characters; a quiz without any importable question. HTML in texts is removed and reported.
     */
    public static ImportOutcome read(byte[] json, String fileName, Language language) {
        return read(json, fileName, ContentLanguage.of(language == null ? Language.defaultLanguage() : language));
    }

    /**
     * Reads a quiz-app file in any language (the curriculum ships its quizzes in more than fifty): texts in a
     * language the interface does not speak are kept under English and the quiz carries their language.
     */
    public static ImportOutcome read(byte[] json, String fileName, ContentLanguage language) {
        return new Importer(fileName, language).read(JsonText.parseImport(PlainText.decodeImport(json, fileName),
                fileName));
    }

    /** The quizzes as one quiz-app file (UTF-8) with English labels; see {@link #export}. */
    public static byte[] write(List<Quiz> quizzes, Language language) {
        return export(quizzes, language, Labels.english()).bytes();
    }

    /**
     * The quizzes as one quiz-app file, texts in the given language (else English, else any). Only single-choice,
     * multiple-choice and true-false questions can be expressed (true-false as two options "True"/"False" in the
     * language); numeric and order questions are left out and reported, and so are quizzes with nothing left.
     * Explanations, feedback, weights and points have no place in the format (reported once per quiz). Quizzes with
     * an id {@code curriculum-quiz-<n>} keep the number n, the others get the next free numbers.
     */
    public static ExportOutcome export(List<Quiz> quizzes, Language language, Labels labels) {
        List<ImportNote> notes = new ArrayList<>();
        Set<Long> numbers = new HashSet<>();
        Map<Integer, Long> explicit = new HashMap<>();
        for (int i = 0; i < quizzes.size(); i++) {
            Matcher matcher = NUMBERED_ID.matcher(quizzes.get(i).id());
            if (matcher.matches() && numbers.add(Long.parseLong(matcher.group(1)))) {
                explicit.put(i, Long.parseLong(matcher.group(1)));
            }
        }
        long next = numbers.stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        List<Object> quizList = new ArrayList<>();
        for (int index = 0; index < quizzes.size(); index++) {
            Quiz quiz = quizzes.get(index);
            String where = "quiz \"" + quiz.id() + "\"";
            List<Object> questions = new ArrayList<>();
            boolean lost = false;
            for (int i = 0; i < quiz.questions().size(); i++) {
                Question question = quiz.questions().get(i);
                String at = where + ", question \"" + question.id() + "\"";
                List<Object> options = new ArrayList<>();
                switch (question.type()) {
                    case SINGLE, MULTIPLE -> {
                        for (Choice choice : question.options()) {
                            options.add(option(choice.text().in(language), choice.correct()));
                            lost |= choice.weight() != null || !choice.feedback().isEmpty();
                        }
                    }
                    case TRUE_FALSE -> {
                        String[] words = TRUE_FALSE.get(language);
                        options.add(option(words[0], Boolean.TRUE.equals(question.answer())));
                        options.add(option(words[1], Boolean.FALSE.equals(question.answer())));
                    }
                    default -> {
                        notes.add(ImportNote.warning(at, "skipped: " + QuizValidator.article(question.type())
                                .replaceFirst("^an? ", "") + " questions cannot be expressed in the quiz-app format"));
                        continue;
                    }
                }
                lost |= !question.explanation().isEmpty() || question.points() != 1;
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("questionText", question.text().in(language));
                q.put("answerOptions", options);
                questions.add(q);
            }
            if (questions.isEmpty()) {
                notes.add(ImportNote.warning(where, "skipped: none of its questions can be expressed in the quiz-app"
                        + " format"));
                continue;
            }
            if (lost) {
                notes.add(ImportNote.info(where, "explanations, feedback, weights and points are not part of the "
                        + "quiz-app format and were left out"));
            }
            Long number = explicit.get(index);
            if (number == null) {
                number = next++;
                notes.add(ImportNote.info(where, "exported as quiz-app quiz " + number));
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("id", number);
            q.put("title", quiz.title().in(language));
            q.put("quiz", questions);
            quizList.add(q);
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("title", labels.title());
        set.put("complete", labels.complete());
        set.put("error", labels.error());
        set.put("quizzes", quizList);
        return new ExportOutcome(JsonText.write(List.of(set)), notes);
    }

    private static Map<String, Object> option(String text, boolean correct) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("answerText", text);
        option.put("isCorrect", correct ? "true" : "false");
        return option;
    }

    private static final class Importer {

        private final String fileName;
        private final Language language;
        private final List<ImportNote> notes = new ArrayList<>();
        private final Map<String, Integer> skippedReasons = new LinkedHashMap<>();

        private final ContentLanguage content;

        Importer(String fileName, ContentLanguage language) {
            this.fileName = fileName;
            this.language = Quiz.textKey(language);
            this.content = Quiz.foreign(language);
        }

        ImportOutcome read(JsonNode root) {
            List<JsonNode> sets = new ArrayList<>();
            if (root.isArray()) {
                int number = 0;
                for (JsonNode set : root) {
                    number++;
                    if (!set.isObject() || !set.has("quizzes")) {
                        throw shape("element " + number + " of the file must be an object with \"quizzes\"");
                    }
                    sets.add(set);
                }
            } else if (root.isObject() && root.has("quizzes")) {
                sets.add(root);
            } else {
                throw shape("the file must be a list of objects with \"quizzes\"");
            }
            List<JsonNode> quizNodes = new ArrayList<>();
            long questionCount = 0;
            for (JsonNode set : sets) {
                JsonNode quizzes = set.get("quizzes");
                if (!quizzes.isArray()) {
                    throw shape("\"quizzes\" must be a list");
                }
                for (JsonNode quiz : quizzes) {
                    if (!quiz.isObject() || !quiz.has("quiz") || !quiz.get("quiz").isArray()) {
                        throw shape("quiz " + (quizNodes.size() + 1) + " must be an object with a list \"quiz\"");
                    }
                    quizNodes.add(quiz);
                    questionCount += quiz.get("quiz").size();
                }
            }
            if (questionCount > PlainText.MAX_IMPORT_QUESTIONS) {
                throw new QuizFormatException(fileName, null, "the file has " + questionCount
                        + " questions; at most " + PlainText.MAX_IMPORT_QUESTIONS + " can be imported at once");
            }
            List<Quiz> quizzes = new ArrayList<>();
            PlainText.Ids quizIds = new PlainText.Ids();
            for (int i = 0; i < quizNodes.size(); i++) {
                Quiz quiz = quiz(quizNodes.get(i), i + 1, quizIds);
                if (quiz != null) {
                    quizzes.add(quiz);
                }
            }
            if (quizzes.isEmpty()) {
                throw new QuizFormatException(fileName, null, "no question can be imported"
                        + (skippedReasons.isEmpty() ? " (the file has no questions)" : " " + reasons()));
            }
            return new ImportOutcome(quizzes, notes);
        }

        private String reasons() {
            List<String> parts = new ArrayList<>();
            skippedReasons.forEach((reason, count) -> parts.add(count + " × " + reason));
            return "(" + String.join("; ", parts) + ")";
        }

        private Quiz quiz(JsonNode node, int position, PlainText.Ids quizIds) {
            JsonNode idNode = node.get("id");
            String sourceId = idNode == null || idNode.isNull() ? null
                    : idNode.isString() ? idNode.stringValue() : idNode.isNumber() ? idNode.asString() : null;
            if (idNode != null && !idNode.isNull() && sourceId == null) {
                throw shape("the id of quiz " + position + " must be a number or a text");
            }
            String title = text(node, "title", "quiz " + position);
            String where = "quiz " + (sourceId == null ? position : PlainText.shorten(sourceId, 30))
                    + (title.isEmpty() ? "" : " \"" + PlainText.shorten(title, 60) + "\"");
            String slug = PlainText.slug(sourceId);
            if (slug.isEmpty()) {
                slug = String.valueOf(position);
                notes.add(ImportNote.warning(where, "the quiz has no usable id; it was numbered " + position));
            }
            String id = quizIds.unique(ID_PREFIX + slug, ID_PREFIX + slug);
            if (!id.equals(ID_PREFIX + slug)) {
                notes.add(ImportNote.warning(where, "another quiz has the same id; this one became " + id));
            }
            if (title.isEmpty()) {
                title = "Quiz " + (sourceId == null ? position : sourceId);
                notes.add(ImportNote.warning(where, "the quiz has no title; it is called \"" + title + "\""));
            }
            if (PlainText.length(title) > PlainText.MAX_TEXT_LENGTH) {
                title = PlainText.shorten(title, 200);
                notes.add(ImportNote.warning(where, "the title was longer than " + PlainText.MAX_TEXT_LENGTH
                        + " characters and was shortened"));
            }
            List<Question> questions = new ArrayList<>();
            int number = 0;
            for (JsonNode questionNode : node.get("quiz")) {
                number++;
                Question question = question(questionNode, number, where);
                if (question == null) {
                    continue;
                }
                if (questions.size() == QuizValidator.MAX_QUESTIONS) {
                    notes.add(ImportNote.warning(where + ", question " + number, "skipped: a quiz has at most "
                            + QuizValidator.MAX_QUESTIONS + " questions"));
                    continue;
                }
                questions.add(question);
            }
            if (questions.isEmpty()) {
                notes.add(ImportNote.warning(where, "skipped: the quiz has no importable question"));
                return null;
            }
            Quiz quiz = new Quiz(id, null, Quiz.Kind.PRACTICE, null, LocalizedText.of(language, title),
                    QuizPolicy.defaults(), questions, content);
            QuizValidator.validateImported(quiz, fileName);
            return quiz;
        }

        private Question question(JsonNode node, int number, String quizWhere) {
            String where = quizWhere + ", question " + number;
            if (!node.isObject()) {
                throw shape(where + " must be an object with \"questionText\" and \"answerOptions\"");
            }
            JsonNode answers = node.get("answerOptions");
            if (answers == null || !answers.isArray()) {
                throw shape(where + " must have a list \"answerOptions\"");
            }
            boolean[] html = {false};
            String text = sanitized(node, "questionText", where, html);
            List<String> optionTexts = new ArrayList<>();
            List<Boolean> correct = new ArrayList<>();
            int optionNumber = 0;
            for (JsonNode answer : answers) {
                optionNumber++;
                if (!answer.isObject()) {
                    throw shape(where + ", answer " + optionNumber + " must be an object with \"answerText\"");
                }
                optionTexts.add(sanitized(answer, "answerText", where + ", answer " + optionNumber, html));
                correct.add(isCorrect(answer.get("isCorrect"), where + ", answer " + optionNumber));
            }
            if (html[0]) {
                notes.add(ImportNote.warning(where, "HTML was removed from the texts (only plain text is kept)"));
            }
            if (text.isEmpty()) {
                return skip(where, "the question has no text");
            }
            for (int i = 0; i < optionTexts.size(); i++) {
                if (optionTexts.get(i).isEmpty()) {
                    return skip(where, "answer " + (i + 1) + " has no text");
                }
            }
            if (tooLong(text) || optionTexts.stream().anyMatch(this::tooLong)) {
                return skip(where, "a text is longer than " + PlainText.MAX_TEXT_LENGTH + " characters");
            }
            if (optionTexts.size() < QuizValidator.MIN_OPTIONS || optionTexts.size() > QuizValidator.MAX_OPTIONS) {
                return skip(where, "a question needs " + QuizValidator.MIN_OPTIONS + " to "
                        + QuizValidator.MAX_OPTIONS + " answers (found " + optionTexts.size() + ")");
            }
            long correctCount = correct.stream().filter(c -> c).count();
            if (correctCount == 0) {
                return skip(where, "the question has no correct answer");
            }
            List<Choice> options = new ArrayList<>();
            for (int i = 0; i < optionTexts.size(); i++) {
                options.add(new Choice(PlainText.optionId(i), LocalizedText.of(language, optionTexts.get(i)),
                        correct.get(i)));
            }
            QuestionType type = correctCount == 1 ? QuestionType.SINGLE : QuestionType.MULTIPLE;
            return new Question("q" + number, type, null, 1, LocalizedText.of(language, text), options, null, null,
                    null, null);
        }

        private boolean tooLong(String text) {
            return PlainText.length(text) > PlainText.MAX_TEXT_LENGTH;
        }

        private Question skip(String where, String reason) {
            notes.add(ImportNote.error(where, "skipped: " + reason));
            skippedReasons.merge(reason.replaceAll(" \\(found [0-9]+\\)", ""), 1, Integer::sum);
            return null;
        }

        private boolean isCorrect(JsonNode node, String where) {
            if (node == null || node.isNull()) {
                return false;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isString()) {
                String value = node.stringValue().strip().toLowerCase(Locale.ROOT);
                if (value.equals("true") || value.equals("false")) {
                    return value.equals("true");
                }
            }
            notes.add(ImportNote.warning(where, "isCorrect is neither true nor false; the answer counts as wrong"));
            return false;
        }

        /** A text field as plain text; HTML removal is flagged in {@code html[0]}. */
        private String sanitized(JsonNode parent, String name, String where, boolean[] html) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return "";
            }
            if (!node.isString() && !node.isNumber()) {
                throw shape(where + ": \"" + name + "\" must be a text");
            }
            String raw = node.asString();
            if (raw.length() > MAX_MARKUP_LENGTH) {
                // Far too long even with markup: not worth cleaning; the question is skipped as too long.
                return raw;
            }
            String clean = PlainText.sanitize(raw);
            if (!clean.equals(PlainText.normalize(raw))) {
                html[0] = true;
            }
            return clean;
        }

        /** The title of a quiz, as plain text. */
        private String text(JsonNode parent, String name, String where) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return "";
            }
            if (!node.isString() && !node.isNumber()) {
                throw shape("the " + name + " of " + where + " must be a text");
            }
            String raw = node.asString();
            if (raw.length() > MAX_MARKUP_LENGTH) {
                raw = raw.substring(0, MAX_MARKUP_LENGTH);
            }
            String clean = PlainText.sanitize(raw);
            if (!clean.equals(PlainText.normalize(raw))) {
                notes.add(ImportNote.warning(where, "HTML was removed from the " + name));
            }
            return clean;
        }

        private QuizFormatException shape(String problem) {
            return new QuizFormatException(fileName, null, "this is not a quiz-app file: " + problem);
        }
    }
}
