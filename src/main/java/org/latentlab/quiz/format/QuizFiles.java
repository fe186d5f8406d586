package org.latentlab.quiz.format;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.quiz.Choice;
import org.latentlab.quiz.LocalizedText;
import org.latentlab.quiz.NumericAnswer;
import org.latentlab.quiz.Question;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizPolicy;
import org.latentlab.quiz.Step;

import tools.jackson.databind.JsonNode;

/**
 * Our quiz files ({@code quizzes/<id>.json}, docs/quiz-format.md): reading with the validator, and writing in the
 * same layout. Any problem is a {@link QuizFormatException} whose message names the file, the question (its id, or
 * its 1-based number) and the problem. Unknown fields are refused too, so that a misspelt field does not silently
 * lose its value.
 *
 * <p>
 * Absent optional fields are read as: no lesson/experiment/section (null), default policy fields (unlimited
 * attempts, best counts, no time limit, shuffled), points 1, empty explanation, feedback and unit
 * ({@link LocalizedText#empty()}), no weight (null).
 */
public final class QuizFiles {

    private static final Set<String> QUIZ_FIELDS = Set.of("id", "lesson", "kind", "experiment", "title", "policy",
            "questions", "contentLanguage");
    private static final Set<String> POLICY_FIELDS = Set.of("maxAttempts", "counts", "timeLimitMinutes",
            "shuffleOptions");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "type", "section", "points", "text", "options",
            "answer", "numeric", "steps", "explanation");
    private static final Set<String> OPTION_FIELDS = Set.of("id", "text", "correct", "weight", "feedback");
    private static final Set<String> STEP_FIELDS = Set.of("id", "text");
    private static final Set<String> NUMERIC_FIELDS = Set.of("value", "tolerance", "unit");

    private QuizFiles() {
    }

    /**
     * One of our own quiz files: every text in all six languages, the id equal to the file name without .json.
     *
     * @param fileName the file's name ({@code autoencoders-post.json}); folders in front are ignored
     */
    public static Quiz read(String json, String fileName) {
        return read(json, fileName, true);
    }

    /**
     * A quiz file of an imported quiz: like {@link #read} but one language per text is enough; the id must equal the
     * file name only if the name ends with .json (so a database key or upload name can be passed instead).
     */
    public static Quiz readLenient(String json, String fileName) {
        return read(json, fileName, false);
    }

    /** Checks a quiz built in code (or edited) against the rules for our own files; see {@link #read}. */
    public static void validate(Quiz quiz, String fileName) {
        QuizValidator.validate(quiz, fileName, true);
    }

    /** Checks a quiz against the rules for imported quizzes; see {@link #readLenient}. */
    public static void validateLenient(Quiz quiz, String fileName) {
        QuizValidator.validate(quiz, fileName, false);
    }

    /**
     * The quiz as a file of our format: 2-space indentation, the field order of the specification, languages in the
     * order en ms sw sl tl he, real characters (no \\u escapes), a final line end. {@code read(write(q))} equals
     * {@code q} for every valid quiz. Absent optional fields are left out. Not validated: call {@link #validate}
     * first if needed.
     */
    public static String write(Quiz quiz) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", quiz.id());
        if (quiz.lesson() != null) {
            root.put("lesson", quiz.lesson());
        }
        root.put("kind", quiz.kind() == null ? null : quiz.kind().fileName());
        if (quiz.experiment() != null) {
            root.put("experiment", quiz.experiment());
        }
        if (quiz.content() != null) {
            root.put("contentLanguage", quiz.content().tag());
        }
        root.put("title", texts(quiz.title()));
        QuizPolicy policy = quiz.policy();
        Map<String, Object> policyMap = new LinkedHashMap<>();
        policyMap.put("maxAttempts", policy.maxAttempts());
        policyMap.put("counts", policy.counts() == null ? null
                : policy.counts().name().toLowerCase(java.util.Locale.ROOT));
        policyMap.put("timeLimitMinutes", policy.timeLimitMinutes());
        policyMap.put("shuffleOptions", policy.shuffleOptions());
        root.put("policy", policyMap);
        List<Object> questions = new ArrayList<>();
        for (Question question : quiz.questions()) {
            questions.add(question(question));
        }
        root.put("questions", questions);
        return JsonText.write(root);
    }

    private static Map<String, Object> question(Question question) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", question.id());
        map.put("type", question.type() == null ? null : question.type().fileName());
        if (question.section() != null) {
            map.put("section", question.section());
        }
        map.put("points", question.points());
        map.put("text", texts(question.text()));
        if (!question.options().isEmpty()) {
            List<Object> options = new ArrayList<>();
            for (Choice option : question.options()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("id", option.id());
                o.put("text", texts(option.text()));
                o.put("correct", option.correct());
                if (option.weight() != null) {
                    o.put("weight", option.weight());
                }
                if (!option.feedback().isEmpty()) {
                    o.put("feedback", texts(option.feedback()));
                }
                options.add(o);
            }
            map.put("options", options);
        }
        if (question.answer() != null) {
            map.put("answer", question.answer());
        }
        if (question.numeric() != null) {
            NumericAnswer numeric = question.numeric();
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("value", numeric.value());
            n.put("tolerance", numeric.tolerance());
            if (numeric.unit() != null && !numeric.unit().isEmpty()) {
                n.put("unit", texts(numeric.unit()));
            }
            map.put("numeric", n);
        }
        if (!question.steps().isEmpty()) {
            List<Object> steps = new ArrayList<>();
            for (Step step : question.steps()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", step.id());
                s.put("text", texts(step.text()));
                steps.add(s);
            }
            map.put("steps", steps);
        }
        if (!question.explanation().isEmpty()) {
            map.put("explanation", texts(question.explanation()));
        }
        return map;
    }

    private static Map<String, Object> texts(LocalizedText text) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (text != null) {
            for (Language language : Language.values()) {
                String value = text.texts().get(language);
                if (value != null) {
                    map.put(language.code(), value);
                }
            }
        }
        return map;
    }

    private static Quiz read(String json, String fileName, boolean strict) {
        Quiz quiz = new Reader(fileName).quiz(JsonText.parse(json, fileName));
        QuizValidator.validate(quiz, fileName, strict);
        return quiz;
    }

    /** JSON tree to model, checking shapes and types; the rules on values are the validator's. */
    private static final class Reader {

        private final String fileName;

        Reader(String fileName) {
            this.fileName = fileName;
        }

        Quiz quiz(JsonNode root) {
            if (!root.isObject()) {
                fail(null, "the file must contain one JSON object (a quiz), not " + describe(root));
            }
            fields(root, QUIZ_FIELDS, null, "the quiz");
            String kindName = string(root, "kind", null);
            Quiz.Kind kind = null;
            if (kindName != null) {
                kind = Quiz.Kind.fromFileName(kindName).orElseThrow(() -> new QuizFormatException(fileName, null,
                        "unknown kind \"" + kindName + "\" (pre-lesson, post-lesson, lab or practice)"));
            }
            JsonNode questionsNode = root.get("questions");
            List<Question> questions = new ArrayList<>();
            if (questionsNode != null && !questionsNode.isNull()) {
                if (!questionsNode.isArray()) {
                    fail(null, "\"questions\" must be a list, not " + describe(questionsNode));
                }
                int number = 0;
                for (JsonNode node : questionsNode) {
                    questions.add(question(node, ++number));
                }
            }
            String tag = string(root, "contentLanguage", null);
            ContentLanguage content = tag == null ? null : ContentLanguage.parse(tag).orElseThrow(() ->
                    new QuizFormatException(fileName, null, "\"contentLanguage\" is not a language tag: " + tag));
            return new Quiz(string(root, "id", null), string(root, "lesson", null), kind,
                    string(root, "experiment", null), texts(root, "title", null), policy(root.get("policy")),
                    questions, content);
        }

        private QuizPolicy policy(JsonNode node) {
            if (node == null || node.isNull()) {
                return QuizPolicy.defaults();
            }
            if (!node.isObject()) {
                fail(null, "\"policy\" must be an object, not " + describe(node));
            }
            fields(node, POLICY_FIELDS, null, "the policy");
            String countsName = string(node, "counts", null);
            QuizPolicy.CountedAttempt counts = QuizPolicy.CountedAttempt.BEST;
            if (countsName != null) {
                counts = switch (countsName) {
                    case "best" -> QuizPolicy.CountedAttempt.BEST;
                    case "last" -> QuizPolicy.CountedAttempt.LAST;
                    case "first" -> QuizPolicy.CountedAttempt.FIRST;
                    default -> throw new QuizFormatException(fileName, null,
                            "policy.counts must be best, last or first (found \"" + countsName + "\")");
                };
            }
            Boolean shuffle = bool(node, "shuffleOptions", null);
            return new QuizPolicy(integer(node, "maxAttempts", null, "policy."),
                    counts, integer(node, "timeLimitMinutes", null, "policy."), shuffle == null || shuffle);
        }

        private Question question(JsonNode node, int number) {
            String where = "question " + number;
            if (!node.isObject()) {
                fail(where, "a question must be an object, not " + describe(node));
            }
            String id = string(node, "id", where);
            if (id != null && PlainText.ID.matcher(id).matches()) {
                where = "question \"" + id + "\"";
            }
            fields(node, QUESTION_FIELDS, where, "a question");
            String typeName = string(node, "type", where);
            QuestionType type = null;
            if (typeName != null) {
                String at = where;
                type = QuestionType.fromFileName(typeName).orElseThrow(() -> new QuizFormatException(fileName, at,
                        "unknown type \"" + typeName + "\" (single, multiple, true-false, numeric or order)"));
            }
            Integer points = integer(node, "points", where, "");
            return new Question(id, type, string(node, "section", where), points == null ? 1 : points,
                    texts(node, "text", where), options(node.get("options"), where), bool(node, "answer", where),
                    numeric(node.get("numeric"), where), steps(node.get("steps"), where),
                    texts(node, "explanation", where));
        }

        private List<Choice> options(JsonNode node, String where) {
            List<Choice> options = new ArrayList<>();
            for (JsonNode option : list(node, "options", where)) {
                String name = "option " + (options.size() + 1);
                if (!option.isObject()) {
                    fail(where, name + " must be an object, not " + describe(option));
                }
                fields(option, OPTION_FIELDS, where, name);
                Boolean correct = bool(option, "correct", where);
                if (correct == null) {
                    fail(where, name + " needs \"correct\": true or false");
                }
                JsonNode weight = option.get("weight");
                Double weightValue = null;
                if (weight != null && !weight.isNull()) {
                    if (!weight.isNumber()) {
                        fail(where, "the weight of " + name + " must be a number from -1 to 1, not "
                                + describe(weight));
                    }
                    weightValue = weight.doubleValue();
                }
                options.add(new Choice(string(option, "id", where), texts(option, "text", where), correct,
                        weightValue, texts(option, "feedback", where)));
            }
            return options;
        }

        private List<Step> steps(JsonNode node, String where) {
            List<Step> steps = new ArrayList<>();
            for (JsonNode step : list(node, "steps", where)) {
                String name = "step " + (steps.size() + 1);
                if (!step.isObject()) {
                    fail(where, name + " must be an object {\"id\", \"text\"}, not " + describe(step));
                }
                fields(step, STEP_FIELDS, where, name);
                steps.add(new Step(string(step, "id", where), texts(step, "text", where)));
            }
            return steps;
        }

        private NumericAnswer numeric(JsonNode node, String where) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                fail(where, "\"numeric\" must be an object { \"value\": ..., \"tolerance\": ... }, not "
                        + describe(node));
            }
            fields(node, NUMERIC_FIELDS, where, "\"numeric\"");
            JsonNode value = node.get("value");
            if (value == null || !value.isNumber()) {
                fail(where, "\"numeric\" needs a \"value\" that is a number");
            }
            JsonNode tolerance = node.get("tolerance");
            double toleranceValue = 0;
            if (tolerance != null && !tolerance.isNull()) {
                if (!tolerance.isNumber()) {
                    fail(where, "the tolerance must be a number, not " + describe(tolerance));
                }
                toleranceValue = tolerance.doubleValue();
            }
            return new NumericAnswer(value.doubleValue(), toleranceValue, texts(node, "unit", where));
        }

        private List<JsonNode> list(JsonNode node, String name, String where) {
            List<JsonNode> items = new ArrayList<>();
            if (node == null || node.isNull()) {
                return items;
            }
            if (!node.isArray()) {
                fail(where, "\"" + name + "\" must be a list, not " + describe(node));
            }
            node.forEach(items::add);
            return items;
        }

        /** A text object {"en": ..., ...}; absent or null gives an empty text (the validator decides). */
        private LocalizedText texts(JsonNode parent, String name, String where) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return LocalizedText.empty();
            }
            if (!node.isObject()) {
                fail(where, "\"" + name + "\" must be an object with a text per language ({\"en\": \"...\", ...}),"
                        + " not " + describe(node));
            }
            Map<Language, String> texts = new EnumMap<>(Language.class);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Language language = byCode(entry.getKey());
                if (language == null) {
                    fail(where, "\"" + name + "\" has the unknown language \"" + entry.getKey()
                            + "\" (en, ms, sw, sl, tl, he)");
                }
                if (!entry.getValue().isString()) {
                    fail(where, "the " + entry.getKey() + " text of \"" + name + "\" must be a string, not "
                            + describe(entry.getValue()));
                }
                texts.put(language, entry.getValue().stringValue());
            }
            return new LocalizedText(texts);
        }

        private static Language byCode(String code) {
            for (Language language : Language.values()) {
                if (language.code().equals(code)) {
                    return language;
                }
            }
            return null;
        }

        private String string(JsonNode parent, String name, String where) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                fail(where, "\"" + name + "\" must be a string, not " + describe(node));
            }
            return node.stringValue();
        }

        private Boolean bool(JsonNode parent, String name, String where) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                fail(where, "\"" + name + "\" must be true or false, not " + describe(node));
            }
            return node.booleanValue();
        }

        private Integer integer(JsonNode parent, String name, String where, String prefix) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                fail(where, prefix + name + " must be a whole number, not " + describe(node));
            }
            return node.intValue();
        }

        private void fields(JsonNode node, Set<String> allowed, String where, String what) {
            for (String name : node.propertyNames()) {
                if (!allowed.contains(name)) {
                    fail(where, what + " has the unknown field \"" + name + "\"");
                }
            }
        }

        private static String describe(JsonNode node) {
            if (node.isString()) {
                return "the text \"" + PlainText.shorten(node.stringValue(), 30) + "\"";
            }
            if (node.isNumber()) {
                return "the number " + node;
            }
            if (node.isBoolean()) {
                return String.valueOf(node.booleanValue());
            }
            if (node.isArray()) {
                return "a list";
            }
            if (node.isObject()) {
                return "an object";
            }
            return node.isNull() ? "null" : node.toString();
        }

        private void fail(String where, String problem) {
            throw new QuizFormatException(fileName, where, problem);
        }
    }
}
