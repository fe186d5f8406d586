package org.latentlab.quiz.format;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.latentlab.base.Language;
import org.latentlab.quiz.Choice;
import org.latentlab.quiz.LocalizedText;
import org.latentlab.quiz.NumericAnswer;
import org.latentlab.quiz.Question;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizPolicy;
import org.latentlab.quiz.Step;

/**
 * The rules of docs/quiz-format.md, checked on the model. The first broken rule is thrown as a
 * {@link QuizFormatException} naming the file, the question (by id, or by 1-based number if its id is unusable) and
 * the problem. Strict (our own files): every text in all six languages, the id equal to the file name. Lenient
 * (imported quizzes): one language is enough.
 */
final class QuizValidator {

    static final int MAX_QUESTIONS = 200;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 8;
    static final int MIN_STEPS = 3;
    static final int MAX_STEPS = 8;
    static final int MIN_POINTS = 1;
    static final int MAX_POINTS = 10;
    static final int MAX_ATTEMPTS = 20;
    static final int MAX_TIME_LIMIT_MINUTES = 240;

    private final String fileName;
    private final boolean strict;
    private final boolean idIsFileName;

    private QuizValidator(String fileName, boolean strict, boolean idIsFileName) {
        this.fileName = fileName;
        this.strict = strict;
        this.idIsFileName = idIsFileName;
    }

    /**
     * Strict: our own files (id = file name). Lenient: one language is enough, and the id must equal the file name
     * only if that ends with .json.
     */
    static void validate(Quiz quiz, String fileName, boolean strict) {
        boolean json = fileName != null && fileName.strip().endsWith(".json");
        new QuizValidator(fileName, strict, strict || json).quiz(quiz);
    }

    /** The lenient rules for a quiz an importer built: its id comes from the file's content, not its name. */
    static void validateImported(Quiz quiz, String fileName) {
        new QuizValidator(fileName, false, false).quiz(quiz);
    }

    /** The file name without ".json" (and without folders), which our files' ids must equal. */
    static String expectedId(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    private void quiz(Quiz quiz) {
        String id = quiz.id();
        if (id == null || id.isBlank()) {
            fail(null, "the quiz has no \"id\"");
        }
        if (!PlainText.ID.matcher(id).matches()) {
            fail(null, "the quiz id \"" + id + "\" may contain only lowercase letters, digits and hyphens");
        }
        if (idIsFileName && !id.equals(expectedId(fileName))) {
            fail(null, "the quiz id \"" + id + "\" must be the file name without .json (\"" + expectedId(fileName)
                    + "\")");
        }
        if (quiz.kind() == null) {
            fail(null, "the quiz has no \"kind\" (pre-lesson, post-lesson, lab or practice)");
        }
        if (quiz.lesson() != null && !PlainText.ID.matcher(quiz.lesson()).matches()) {
            fail(null, "the lesson \"" + quiz.lesson() + "\" may contain only lowercase letters, digits and hyphens");
        }
        if (strict && quiz.lesson() == null && quiz.kind() != Quiz.Kind.PRACTICE) {
            fail(null, "a " + quiz.kind().fileName() + " quiz needs a \"lesson\"");
        }
        if (quiz.kind() == Quiz.Kind.LAB) {
            if (quiz.experiment() == null || quiz.experiment().isBlank()) {
                fail(null, "a lab quiz needs an \"experiment\"");
            }
            if (!PlainText.ID.matcher(quiz.experiment()).matches()) {
                fail(null, "the experiment \"" + quiz.experiment()
                        + "\" may contain only lowercase letters, digits and hyphens");
            }
        } else if (quiz.experiment() != null) {
            fail(null, "only a lab quiz has an \"experiment\" (this one is " + quiz.kind().fileName() + ")");
        }
        text(null, "the title", quiz.title(), true);
        policy(quiz.policy());
        List<Question> questions = quiz.questions();
        if (questions.isEmpty()) {
            fail(null, "the quiz has no questions");
        }
        if (questions.size() > MAX_QUESTIONS) {
            fail(null, "a quiz has at most " + MAX_QUESTIONS + " questions (found " + questions.size() + ")");
        }
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            String where = place(question, i + 1);
            if (question == null) {
                fail(where, "the question is missing");
            }
            if (question.id() == null || question.id().isBlank()) {
                fail(where, "the question has no \"id\"");
            }
            if (!PlainText.ID.matcher(question.id()).matches()) {
                fail(where, "the id \"" + question.id() + "\" may contain only lowercase letters, digits and hyphens");
            }
            Integer earlier = numbers.putIfAbsent(question.id(), i + 1);
            if (earlier != null) {
                fail("question " + (i + 1), "the id \"" + question.id() + "\" is already used by question "
                        + earlier);
            }
            question(question, where);
        }
    }

    private void policy(QuizPolicy policy) {
        Integer attempts = policy.maxAttempts();
        if (attempts != null && (attempts < 1 || attempts > MAX_ATTEMPTS)) {
            fail(null, "policy.maxAttempts must be null (unlimited) or 1 to " + MAX_ATTEMPTS + " (found " + attempts
                    + ")");
        }
        if (policy.counts() == null) {
            fail(null, "policy.counts must be best, last or first");
        }
        Integer minutes = policy.timeLimitMinutes();
        if (minutes != null && (minutes < 1 || minutes > MAX_TIME_LIMIT_MINUTES)) {
            fail(null, "policy.timeLimitMinutes must be null or 1 to " + MAX_TIME_LIMIT_MINUTES + " (found "
                    + minutes + ")");
        }
    }

    private void question(Question question, String where) {
        QuestionType type = question.type();
        if (type == null) {
            fail(where, "the question has no \"type\" (single, multiple, true-false, numeric or order)");
        }
        String kind = article(type);
        if (question.points() < MIN_POINTS || question.points() > MAX_POINTS) {
            fail(where, "the points must be " + MIN_POINTS + " to " + MAX_POINTS + " (found " + question.points()
                    + ")");
        }
        if (question.section() != null && question.section().isBlank()) {
            fail(where, "the section is empty");
        }
        text(where, "the text", question.text(), true);
        // Our own quizzes explain every answer after submission; imported ones may come without.
        text(where, "the explanation", question.explanation(), strict);
        boolean choices = type == QuestionType.SINGLE || type == QuestionType.MULTIPLE;
        if (!choices && !question.options().isEmpty()) {
            fail(where, kind + " question has no \"options\"");
        }
        if (type != QuestionType.TRUE_FALSE && question.answer() != null) {
            fail(where, kind + " question has no \"answer\"");
        }
        if (type != QuestionType.NUMERIC && question.numeric() != null) {
            fail(where, kind + " question has no \"numeric\"");
        }
        if (type != QuestionType.ORDER && !question.steps().isEmpty()) {
            fail(where, kind + " question has no \"steps\"");
        }
        switch (type) {
            case SINGLE, MULTIPLE -> options(question, where, kind);
            case TRUE_FALSE -> {
                if (question.answer() == null) {
                    fail(where, "a true-false question needs \"answer\": true or false");
                }
            }
            case NUMERIC -> numeric(question.numeric(), where);
            case ORDER -> steps(question.steps(), where);
        }
    }

    private void options(Question question, String where, String kind) {
        List<Choice> options = question.options();
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            fail(where, kind + " question needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options (found "
                    + options.size() + ")");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Choice option = options.get(i);
            if (option == null) {
                fail(where, "option " + (i + 1) + " is missing");
            }
            String name = childName("option", option.id(), i + 1, ids, where);
            text(where, "the text of " + name, option.text(), true);
            text(where, "the feedback of " + name, option.feedback(), false);
            Double weight = option.weight();
            if (weight != null && (!Double.isFinite(weight) || weight < -1 || weight > 1)) {
                fail(where, "the weight of " + name + " must be -1 to 1 (found " + weight + ")");
            }
        }
        long correct = question.correctOptionCount();
        if (question.type() == QuestionType.SINGLE && correct != 1) {
            fail(where, "a single-choice question needs exactly one correct option (found " + correct + ")");
        }
        if (question.type() == QuestionType.MULTIPLE && correct < 1) {
            fail(where, "a multiple-choice question needs at least one correct option (found 0)");
        }
    }

    private void numeric(NumericAnswer numeric, String where) {
        if (numeric == null) {
            fail(where, "a numeric question needs \"numeric\": { \"value\": ..., \"tolerance\": ... }");
        }
        if (!Double.isFinite(numeric.value())) {
            fail(where, "the numeric value must be a finite number (found " + numeric.value() + ")");
        }
        if (!Double.isFinite(numeric.tolerance()) || numeric.tolerance() < 0) {
            fail(where, "the tolerance must be a finite number of at least 0 (found " + numeric.tolerance() + ")");
        }
        text(where, "the unit", numeric.unit(), false);
    }

    private void steps(List<Step> steps, String where) {
        if (steps.size() < MIN_STEPS || steps.size() > MAX_STEPS) {
            fail(where, "an order question needs " + MIN_STEPS + " to " + MAX_STEPS + " steps (found " + steps.size()
                    + ")");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step == null) {
                fail(where, "step " + (i + 1) + " is missing");
            }
            String name = childName("step", step.id(), i + 1, ids, where);
            text(where, "the text of " + name, step.text(), true);
        }
    }

    /** Checks an option's or step's id (present, pattern, unique in the question) and names it for messages. */
    private String childName(String what, String id, int number, List<String> ids, String where) {
        if (id == null || id.isBlank()) {
            fail(where, what + " " + number + " has no \"id\"");
        }
        if (!PlainText.ID.matcher(id).matches()) {
            fail(where, what + " " + number + ": the id \"" + id
                    + "\" may contain only lowercase letters, digits and hyphens");
        }
        if (ids.contains(id)) {
            fail(where, "two " + what + "s have the id \"" + id + "\"");
        }
        ids.add(id);
        return what + " \"" + id + "\"";
    }

    /**
     * A text: required ones need at least one language (lenient) or all six (strict); optional ones may be empty,
     * but when present in strict mode they need all six too. No text may contain HTML.
     */
    private void text(String where, String name, LocalizedText text, boolean required) {
        if (text == null || text.isEmpty()) {
            if (required) {
                fail(where, name + " is missing");
            }
            return;
        }
        if (strict) {
            Set<Language> missing = EnumSet.allOf(Language.class);
            missing.removeAll(text.texts().keySet());
            if (!missing.isEmpty()) {
                fail(where, name + " is missing the language" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing.stream().map(Language::code).toList())
                        + " (our quizzes need en, ms, sw, sl, tl and he)");
            }
        }
        for (Map.Entry<Language, String> entry : text.texts().entrySet()) {
            String tag = PlainText.firstHtmlTag(entry.getValue());
            if (tag != null) {
                fail(where, "the " + entry.getKey().code() + " version of " + name + " contains HTML ("
                        + PlainText.shorten(tag, 40) + "); texts must be plain text");
            }
        }
    }

    private static String place(Question question, int number) {
        return question != null && question.id() != null && PlainText.ID.matcher(question.id()).matches()
                ? "question \"" + question.id() + "\"" : "question " + number;
    }

    static String article(QuestionType type) {
        return switch (type) {
            case SINGLE -> "a single-choice";
            case MULTIPLE -> "a multiple-choice";
            case TRUE_FALSE -> "a true-false";
            case NUMERIC -> "a numeric";
            case ORDER -> "an order";
        };
    }

    private void fail(String where, String problem) {
        throw new QuizFormatException(fileName, where, problem);
    }
}
