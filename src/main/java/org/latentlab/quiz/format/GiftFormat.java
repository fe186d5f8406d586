package org.latentlab.quiz.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.quiz.Choice;
import org.latentlab.quiz.LocalizedText;
import org.latentlab.quiz.NumericAnswer;
import org.latentlab.quiz.Question;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizPolicy;

/**
 * Moodle's GIFT text format. Reading understands all of GIFT: {@code //} comment lines, {@code $CATEGORY:} lines
 * (ignored), blank lines between questions, multi-line questions, CRLF, {@code ::title::}, the format markers
 * {@code [html] [markdown] [plain] [moodle]} (HTML and Markdown become plain text), the escapes
 * {@code \~ \= \# \{ \} \: \\ \n}, {@code =right} and {@code ~wrong} answers with {@code #feedback},
 * {@code ####general feedback} (our explanation), weights {@code ~%50%} / {@code ~%-100%}, true/false
 * {@code {T} {TRUE} {F} {FALSE}} with feedbacks, numeric {@code {#5:0.5}}, {@code {#4..6}} and
 * {@code {#=5:0 =%50%6:0}}, and the missing-word form (answers in the middle of the text, which becomes "_____").
 * Short-answer, matching, essay and description items have no counterpart in our quizzes: they are left out and
 * reported, as is every question that is broken (e.g. no correct answer).
 *
 * <p>
 * Choice questions: exactly one {@code =} answer is single choice; several {@code =} answers, or only
 * {@code ~%n%} weighted answers (Moodle's "multiple answers"), are multiple choice. Weights are kept as
 * {@link Choice#weight()} unless they only restate our standard scoring (then they are left out).
 */
public final class GiftFormat {

    /** Placeholders for escaped characters while the structure is parsed: U+E000 + index in SPECIAL. */
    private static final String SPECIAL = "\\~=#{}:";
    private static final char PLACEHOLDER = '\uE000';
    /** Where the answer block of a missing-word question was, until the text is converted. */
    private static final char BLANK = '\uE007';
    private static final String BLANK_TEXT = "_____";
    private static final Pattern FORMAT = Pattern.compile("^\\s*\\[(html|markdown|plain|moodle)]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEIGHT = Pattern.compile("^\\s*%\\s*([-+]?[0-9]+(?:[.,][0-9]*)?)\\s*%");
    private static final String NUMBER = "[-+]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?";
    private static final Pattern RANGE = Pattern.compile("(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")");
    private static final Pattern VALUE_TOLERANCE = Pattern.compile("(" + NUMBER + ")(?:\\s*:\\s*(" + NUMBER + "))?");
    private static final Pattern TRUE_FALSE = Pattern.compile("(?is)(T|TRUE|F|FALSE)\\s*(?:#(.*))?");
    private static final Pattern CATEGORY = Pattern.compile("(?i)^\\$CATEGORY:.*");
    private static final double STANDARD_WEIGHT_TOLERANCE = 1e-4;
    /** Longer numbers are refused without being parsed. */
    private static final int MAX_NUMBER_LENGTH = 64;
    /** How many skipped questions a refusal names per reason. */
    private static final int NAMED_SKIPS = 5;
    /** Texts longer than this before HTML or Markdown is removed are refused without parsing them. */
    private static final int MAX_MARKUP_LENGTH = 5 * PlainText.MAX_TEXT_LENGTH;

    private enum Format {
        MOODLE, HTML, MARKDOWN, PLAIN
    }

    private GiftFormat() {
    }

    /**
     * Reads a GIFT file as one practice quiz, its id the slug of the file name ({@code gift-quiz} if that has
     * none), its title the file name without extension, question ids from the {@code ::titles::} (else q1, q2... by
     * the question's number in the file). Refused with a {@link QuizFormatException}: an empty file, over 2 MB, not
     * UTF-8, more than 500 questions, no importable question.
     */
    public static ImportOutcome read(byte[] gift, String fileName, Language language) {
        return read(gift, fileName, ContentLanguage.of(language == null ? Language.defaultLanguage() : language));
    }

    /** Reads a GIFT file in any language; see {@link QuizAppFormat#read(byte[], String, ContentLanguage)}. */
    public static ImportOutcome read(byte[] gift, String fileName, ContentLanguage language) {
        String text = PlainText.decodeImport(gift, fileName);
        return new Importer(fileName, Quiz.textKey(language), Quiz.foreign(language)).read(text);
    }

    /** The quiz in GIFT, texts in the given language (else English, else any); see {@link #export}. */
    public static String write(Quiz quiz, Language language) {
        return export(quiz, language).text();
    }

    /**
     * The quiz in GIFT. Each question is written as {@code ::<id>::[plain]text{...}} with special characters
     * escaped; order questions cannot be expressed and are left out and reported; units, points and lesson sections
     * are not part of GIFT (reported). Multiple-choice questions are written with Moodle's weights ({@code ~%50%}),
     * so that Moodle scores them as we do.
     */
    public static ExportOutcome export(Quiz quiz, Language language) {
        Language lang = language == null ? Language.defaultLanguage() : language;
        List<ImportNote> notes = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        out.append("// ").append(oneLine(quiz.title().in(lang))).append('\n');
        out.append("// Latent Lab quiz \"").append(quiz.id()).append("\", ").append(lang.code()).append("\n\n");
        boolean points = false;
        int written = 0;
        for (Question question : quiz.questions()) {
            String where = "question \"" + question.id() + "\"";
            if (question.type() == QuestionType.ORDER) {
                notes.add(ImportNote.warning(where, "skipped: order questions cannot be expressed in GIFT"));
                continue;
            }
            points |= question.points() != 1;
            out.append("::").append(question.id()).append("::[plain]").append(escape(question.text().in(lang)));
            String explanation = question.explanation().isEmpty() ? ""
                    : "####" + plainText(question.explanation().in(lang));
            switch (question.type()) {
                case SINGLE, MULTIPLE -> {
                    out.append("{\n");
                    for (String answer : choiceAnswers(question, lang)) {
                        out.append('\t').append(answer).append('\n');
                    }
                    if (!explanation.isEmpty()) {
                        out.append('\t').append(explanation).append('\n');
                    }
                    out.append('}');
                }
                case TRUE_FALSE -> out.append('{').append(Boolean.TRUE.equals(question.answer()) ? "TRUE" : "FALSE")
                        .append(explanation).append('}');
                case NUMERIC -> {
                    NumericAnswer numeric = question.numeric();
                    out.append("{#").append(plain(numeric.value())).append(':').append(plain(numeric.tolerance()))
                            .append(explanation).append('}');
                    if (numeric.unit() != null && !numeric.unit().isEmpty()) {
                        notes.add(ImportNote.info(where, "the unit (\"" + numeric.unit().in(lang)
                                + "\") is not part of GIFT and was left out"));
                    }
                }
                default -> throw new IllegalStateException();
            }
            out.append("\n\n");
            written++;
        }
        if (points) {
            notes.add(ImportNote.info(null, "points per question are not part of GIFT; every question is worth the "
                    + "same there"));
        }
        if (written == 0) {
            notes.add(ImportNote.warning(null, "no question of the quiz can be expressed in GIFT"));
        }
        return new ExportOutcome(out.toString(), notes);
    }

    private static List<String> choiceAnswers(Question question, Language language) {
        List<String> answers = new ArrayList<>();
        List<Choice> options = question.options();
        boolean weighted = options.stream().anyMatch(o -> o.weight() != null);
        long correct = question.correctOptionCount();
        for (Choice option : options) {
            String marker;
            if (question.type() == QuestionType.SINGLE) {
                if (option.correct()) {
                    marker = option.weight() == null || option.weight() == 1.0 ? "=" : "=%" + percent(option.weight())
                            + "%";
                } else {
                    marker = option.weight() == null ? "~" : "~%" + percent(option.weight()) + "%";
                }
            } else if (weighted) {
                marker = "~%" + (option.weight() == null ? "0" : percent(option.weight())) + "%";
            } else {
                String share = BigDecimal.valueOf(100.0 / correct).setScale(5, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString();
                marker = "~%" + (option.correct() ? "" : "-") + share + "%";
            }
            StringBuilder answer = new StringBuilder(marker).append(plainText(option.text().in(language)));
            if (!option.feedback().isEmpty()) {
                answer.append('#').append(plainText(option.feedback().in(language)));
            }
            answers.add(answer.toString());
        }
        return answers;
    }

    /** An answer or feedback, escaped, marked [plain] if it would otherwise start like a format marker. */
    private static String plainText(String text) {
        return (FORMAT.matcher(text).find() ? "[plain]" : "") + escape(text);
    }

    private static String percent(double weight) {
        return BigDecimal.valueOf(weight).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** GIFT's escapes: backslash, ~ = # { } : with a backslash in front, line ends as \n. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes replaced by placeholders (so that structure is found only in real ~ = # { } :), \n by a line end. */
    private static String protect(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                int special = SPECIAL.indexOf(next);
                if (special >= 0) {
                    out.append((char) (PLACEHOLDER + special));
                    i++;
                    continue;
                }
                if (next == 'n') {
                    out.append('\n');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String restore(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int special = c - PLACEHOLDER;
            out.append(special >= 0 && special < SPECIAL.length() ? SPECIAL.charAt(special) : c);
        }
        return out.toString();
    }

    /** One answer of a choice or numeric block: its marker, optional weight, text and feedback. */
    private record Answer(char marker, Double weight, String text, String feedback) {
    }

    /** A question that cannot be imported: why, and whether that is a mistake in the file or just unsupported. */
    private static final class Skip extends Exception {

        private static final long serialVersionUID = 1L;
        final boolean unsupported;

        Skip(String reason, boolean unsupported) {
            super(reason, null, false, false);
            this.unsupported = unsupported;
        }
    }

    private static final class Importer {

        private final String fileName;
        private final Language language;
        private final List<ImportNote> notes = new ArrayList<>();
        /** Why questions were skipped, each reason with the questions it skipped, in the file's order. */
        private final Map<String, List<String>> skipped = new LinkedHashMap<>();
        private final PlainText.Ids ids = new PlainText.Ids();
        /** Notes about the question being read, kept only if it is imported. */
        private final List<ImportNote> pending = new ArrayList<>();
        private boolean markupRemoved;
        private boolean activeRemoved;
        private boolean htmlConverted;

        private final ContentLanguage content;

        Importer(String fileName, Language language, ContentLanguage content) {
            this.fileName = fileName;
            this.language = language;
            this.content = content;
        }

        ImportOutcome read(String text) {
            List<List<String>> blocks = blocks(text);
            if (blocks.size() > PlainText.MAX_IMPORT_QUESTIONS) {
                throw new QuizFormatException(fileName, null, "the file has " + blocks.size()
                        + " questions; at most " + PlainText.MAX_IMPORT_QUESTIONS + " can be imported at once");
            }
            List<Question> questions = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                Question question = question(blocks.get(i), i + 1);
                if (question == null) {
                    continue;
                }
                if (questions.size() == QuizValidator.MAX_QUESTIONS) {
                    notes.add(ImportNote.warning("question " + (i + 1), "skipped: a quiz has at most "
                            + QuizValidator.MAX_QUESTIONS + " questions"));
                    continue;
                }
                questions.add(question);
            }
            if (questions.isEmpty()) {
                List<String> reasons = new ArrayList<>();
                skipped.forEach((reason, places) -> reasons.add(places.size() + " × " + reason + ": "
                        + named(places)));
                throw new QuizFormatException(fileName, null, "no question can be imported"
                        + (reasons.isEmpty() ? " (the file has no questions)" : " (" + String.join("; ", reasons)
                        + ")"));
            }
            String base = PlainText.baseName(fileName);
            String id = PlainText.slug(base);
            if (id.isEmpty()) {
                id = "gift-quiz";
            }
            String title = PlainText.sanitize(base);
            Quiz quiz = new Quiz(id, null, Quiz.Kind.PRACTICE, null,
                    LocalizedText.of(language, title.isEmpty() ? id : PlainText.shorten(title, 200)),
                    QuizPolicy.defaults(), questions, content);
            QuizValidator.validateImported(quiz, fileName);
            return new ImportOutcome(List.of(quiz), notes);
        }

        /**
         * The question blocks: lines without comments, split at blank lines; {@code $CATEGORY:} lines are noted and
         * dropped.
         */
        private List<List<String>> blocks(String text) {
            StringBuilder clean = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < PLACEHOLDER || c > BLANK) {
                    clean.append(c);
                }
            }
            List<List<String>> blocks = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (String line : clean.toString().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
                String stripped = line.strip();
                if (stripped.startsWith("//")) {
                    continue;
                }
                if (CATEGORY.matcher(stripped).matches()) {
                    notes.add(ImportNote.info(null, "the category line \"" + PlainText.shorten(stripped, 80)
                            + "\" was ignored"));
                    continue;
                }
                if (stripped.isEmpty()) {
                    if (!current.isEmpty()) {
                        blocks.add(current);
                        current = new ArrayList<>();
                    }
                } else {
                    current.add(stripped);
                }
            }
            if (!current.isEmpty()) {
                blocks.add(current);
            }
            return blocks;
        }

        private Question question(List<String> lines, int number) {
            String source = protect(String.join("\n", lines));
            String title = null;
            String where = "question " + number;
            String kind = "question";
            pending.clear();
            markupRemoved = false;
            activeRemoved = false;
            htmlConverted = false;
            try {
                String rest = source;
                if (rest.startsWith("::")) {
                    int end = rest.indexOf("::", 2);
                    if (end < 0) {
                        throw new Skip("the title has no closing ::", false);
                    }
                    title = PlainText.sanitize(restore(rest.substring(2, end)));
                    rest = rest.substring(end + 2);
                    where = PlainText.questionPlace(number, title);
                }
                Format format = Format.MOODLE;
                Matcher marker = FORMAT.matcher(rest);
                if (marker.find()) {
                    format = Format.valueOf(marker.group(1).toUpperCase(Locale.ROOT));
                    rest = rest.substring(marker.end());
                }
                int open = rest.indexOf('{');
                if (open < 0) {
                    kind = "description";
                    throw new Skip("a description (text without answers) is not a question", true);
                }
                int close = rest.indexOf('}', open);
                if (close < 0) {
                    throw new Skip("the answers have no closing }", false);
                }
                int nested = rest.indexOf('{', open + 1);
                if (nested >= 0) {
                    throw new Skip(nested < close ? "a { inside the answers must be written \\{"
                            : "a question can have only one {answers} block (write \\{ for a brace in the text)",
                            false);
                }
                String after = rest.substring(close + 1);
                String body = rest.substring(0, open) + (after.isBlank() ? "" : BLANK + after);
                String answers = rest.substring(open + 1, close).strip();
                String general = null;
                // The last "####", as Moodle reads it: a general feedback may itself contain "####".
                int hashes = answers.lastIndexOf("####");
                if (hashes >= 0) {
                    general = answers.substring(hashes + 4);
                    answers = answers.substring(0, hashes).strip();
                }
                Question question;
                if (answers.isEmpty()) {
                    kind = "essay";
                    throw new Skip("essay questions cannot be imported", true);
                } else if (answers.startsWith("#")) {
                    kind = "numeric";
                    question = numeric(answers.substring(1), body, general, format, title, number);
                } else if (answers.indexOf('~') >= 0) {
                    kind = "multiple-choice";
                    question = choice(answers, body, general, format, title, number);
                } else if (answers.indexOf('=') >= 0 && answers.contains("->")) {
                    kind = "matching";
                    throw new Skip("matching questions cannot be imported", true);
                } else if (TRUE_FALSE.matcher(answers).matches()) {
                    kind = "true-false";
                    question = trueFalse(answers, body, general, format, title, number);
                } else if (answers.startsWith("=")) {
                    kind = "short-answer";
                    throw new Skip("short-answer questions cannot be imported", true);
                } else {
                    throw new Skip("the answers cannot be read (they must start with =, ~, # or be T/F)", false);
                }
                Question q = question;
                question = new Question(id(title, number), q.type(), q.section(), q.points(), q.text(), q.options(),
                        q.answer(), q.numeric(), q.steps(), q.explanation());
                if (markupRemoved || activeRemoved) {
                    notes.add(ImportNote.warning(where, "HTML was removed from the texts"
                            + (activeRemoved ? ", including a script or similar element and its content" : "")
                            + " (only plain text is kept)"));
                } else if (htmlConverted) {
                    notes.add(ImportNote.info(where, "the HTML texts were converted to plain text"));
                }
                notes.addAll(pending);
                return question;
            } catch (Skip skip) {
                String reason = skip.getMessage();
                if (skip.unsupported) {
                    notes.add(ImportNote.warning(where, "skipped: " + reason));
                } else {
                    notes.add(ImportNote.error(where, "skipped" + (kind.equals("question") ? "" : " " + kind
                            + " question") + ": " + reason));
                }
                String summary = reason.replaceAll(" \\(.*\\)$", "");
                skipped.computeIfAbsent(skip.unsupported || kind.equals("question") ? summary
                        : kind + " question: " + summary, r -> new ArrayList<>()).add(where);
                return null;
            }
        }

        /** The places of skipped questions, the first few by name: a refused file says which questions to fix. */
        private static String named(List<String> places) {
            int shown = Math.min(places.size(), NAMED_SKIPS);
            String names = String.join(", ", places.subList(0, shown));
            return places.size() > shown ? names + " and " + (places.size() - shown) + " more" : names;
        }

        private Question choice(String answers, String body, String general, Format format, String title,
                int number) throws Skip {
            // Counted before anything is parsed: a block of a million answers is refused at once.
            long marks = answers.chars().filter(c -> c == '=' || c == '~').count();
            if (marks > QuizValidator.MAX_OPTIONS) {
                throw new Skip("a question needs " + QuizValidator.MIN_OPTIONS + " to " + QuizValidator.MAX_OPTIONS
                        + " answers (found " + marks + ")", false);
            }
            List<Answer> parsed = answers(answers, format, "answer");
            if (parsed.size() < QuizValidator.MIN_OPTIONS || parsed.size() > QuizValidator.MAX_OPTIONS) {
                throw new Skip("a question needs " + QuizValidator.MIN_OPTIONS + " to " + QuizValidator.MAX_OPTIONS
                        + " answers (found " + parsed.size() + ")", false);
            }
            boolean weighted = parsed.stream().anyMatch(a -> a.weight() != null);
            long rightMarks = parsed.stream().filter(a -> a.marker() == '=').count();
            List<Double> weights = new ArrayList<>();
            List<Boolean> correct = new ArrayList<>();
            for (Answer answer : parsed) {
                double weight = answer.weight() != null ? answer.weight() : answer.marker() == '=' ? 1.0 : 0.0;
                weights.add(weight);
                correct.add(rightMarks == 1 ? answer.marker() == '=' : answer.marker() == '=' || weight > 0);
            }
            long correctCount = correct.stream().filter(c -> c).count();
            if (correctCount == 0) {
                throw new Skip("the question has no correct answer", false);
            }
            QuestionType type = rightMarks == 1 ? QuestionType.SINGLE : QuestionType.MULTIPLE;
            if (weighted && standardWeights(type, weights, correct, correctCount)) {
                weighted = false;
            }
            List<Choice> options = new ArrayList<>();
            for (int i = 0; i < parsed.size(); i++) {
                Answer answer = parsed.get(i);
                options.add(new Choice(PlainText.optionId(i), LocalizedText.of(language, answer.text()),
                        correct.get(i), weighted ? weights.get(i) : null, localized(answer.feedback())));
            }
            return new Question(null, type, null, 1, questionText(body, format), options, null, null, null,
                    explanation(general, format));
        }

        /** Whether the weights only say what our scoring does anyway, so they can be left out. */
        private static boolean standardWeights(QuestionType type, List<Double> weights, List<Boolean> correct,
                long correctCount) {
            for (int i = 0; i < weights.size(); i++) {
                double weight = weights.get(i);
                boolean standard = type == QuestionType.SINGLE
                        ? correct.get(i) ? weight == 1.0 : weight <= 0
                        : Math.abs(weight - (correct.get(i) ? 1.0 : -1.0) / correctCount) < STANDARD_WEIGHT_TOLERANCE;
                if (!standard) {
                    return false;
                }
            }
            return true;
        }

        private Question trueFalse(String answers, String body, String general, Format format, String title,
                int number) throws Skip {
            Matcher matcher = TRUE_FALSE.matcher(answers);
            if (!matcher.matches()) {
                throw new Skip("the true/false answer cannot be read", false);
            }
            boolean value = Character.toUpperCase(matcher.group(1).charAt(0)) == 'T';
            String wrongFeedback = null;
            String rightFeedback = null;
            if (matcher.group(2) != null) {
                String[] parts = matcher.group(2).split("#", -1);
                wrongFeedback = parts[0];
                rightFeedback = parts.length > 1 ? String.join("#", Arrays.copyOfRange(parts, 1, parts.length))
                        : null;
            }
            LocalizedText explanation = explanation(general, format);
            LocalizedText right = localized(text(rightFeedback, format));
            LocalizedText wrong = localized(text(wrongFeedback, format));
            boolean dropped = false;
            if (explanation.isEmpty()) {
                explanation = right.isEmpty() ? wrong : right;
                dropped = !right.isEmpty() && !wrong.isEmpty();
            } else {
                dropped = !right.isEmpty() || !wrong.isEmpty();
            }
            if (dropped) {
                pending.add(ImportNote.info(PlainText.questionPlace(number, title), "a true-false question has one "
                        + "explanation here: the answer feedback that did not become it was left out"));
            }
            return new Question(null, QuestionType.TRUE_FALSE, null, 1, questionText(body, format), null, value, null,
                    null, explanation);
        }

        private Question numeric(String answers, String body, String general, Format format, String title,
                int number) throws Skip {
            String spec = answers.strip();
            // As Moodle reads it: from the first ~ on is the feedback for any wrong answer ("~#Not quite"), and
            // the rest is answers separated by "=", the first one without it.
            String wrongFeedback = "";
            int tilde = spec.indexOf('~');
            if (tilde >= 0) {
                String wrong = spec.substring(tilde + 1);
                int hash = wrong.indexOf('#');
                wrongFeedback = hash >= 0 ? text(wrong.substring(hash + 1), format) : "";
                spec = spec.substring(0, tilde).strip();
            }
            if (!spec.startsWith("=") && spec.indexOf('=') >= 0) {
                spec = "=" + spec;
            }
            List<Answer> parsed = new ArrayList<>();
            if (spec.startsWith("=")) {
                parsed.addAll(answers(spec, format, "numeric answer"));
            } else {
                int hash = spec.indexOf('#');
                String feedback = hash >= 0 ? text(spec.substring(hash + 1), format) : "";
                parsed.add(new Answer('=', null, hash >= 0 ? spec.substring(0, hash).strip() : spec, feedback));
            }
            Answer full = null;
            for (Answer answer : parsed) {
                if (answer.marker() == '=' && (answer.weight() == null || answer.weight() == 1.0)) {
                    full = answer;
                    break;
                }
            }
            if (full == null) {
                throw new Skip("the question has no fully correct (100%) answer", false);
            }
            String where = PlainText.questionPlace(number, title);
            if (parsed.size() > 1) {
                pending.add(ImportNote.info(where, "only the fully correct numeric answer was kept; "
                        + (parsed.size() - 1) + " other answer(s) were left out"));
            }
            if (!wrongFeedback.isEmpty()) {
                pending.add(ImportNote.info(where, "the feedback for wrong answers (~#…) was left out: a numeric "
                        + "question here has one explanation"));
            }
            NumericAnswer numeric = numericAnswer(full.text());
            LocalizedText explanation = explanation(general, format);
            if (explanation.isEmpty()) {
                explanation = localized(full.feedback());
            } else if (!full.feedback().isEmpty()) {
                pending.add(ImportNote.info(where, "the feedback of the answer was left out (the general feedback is"
                        + " the explanation)"));
            }
            return new Question(null, QuestionType.NUMERIC, null, 1, questionText(body, format), null,
                    null, numeric, null, explanation);
        }

        private static NumericAnswer numericAnswer(String raw) throws Skip {
            String spec = restore(raw).strip();
            Matcher range = RANGE.matcher(spec);
            if (range.matches()) {
                double min = number(range.group(1));
                double max = number(range.group(2));
                if (min > max) {
                    throw new Skip("the range " + spec + " ends below its start", false);
                }
                return new NumericAnswer((min + max) / 2, (max - min) / 2, LocalizedText.empty());
            }
            Matcher matcher = VALUE_TOLERANCE.matcher(spec);
            if (!matcher.matches()) {
                throw new Skip("the numeric answer \"" + PlainText.shorten(spec, 40) + "\" is not a number, "
                        + "number:tolerance or min..max", false);
            }
            double value = number(matcher.group(1));
            double tolerance = matcher.group(2) == null ? 0 : number(matcher.group(2));
            if (tolerance < 0) {
                throw new Skip("the tolerance must not be negative", false);
            }
            return new NumericAnswer(value, tolerance, LocalizedText.empty());
        }

        private static double number(String text) throws Skip {
            // A double has 17 significant digits: a longer number is a mistake, and parsing megabytes of digits
            // into a BigDecimal takes seconds.
            if (text.length() > MAX_NUMBER_LENGTH) {
                throw new Skip("the number " + PlainText.shorten(text, 40) + " is too long", false);
            }
            double value;
            try {
                value = new BigDecimal(text.replace(',', '.').replace("+", "")).doubleValue();
            } catch (NumberFormatException e) {
                throw new Skip("\"" + text + "\" is not a number", false);
            }
            if (!Double.isFinite(value)) {
                throw new Skip("the number " + text + " is too large", false);
            }
            return value;
        }

        /** Splits answers at each = and ~, reading weight, text and feedback of each. */
        private List<Answer> answers(String block, Format format, String what) throws Skip {
            List<Answer> answers = new ArrayList<>();
            int start = -1;
            for (int i = 0; i <= block.length(); i++) {
                boolean boundary = i == block.length() || block.charAt(i) == '=' || block.charAt(i) == '~';
                if (!boundary) {
                    continue;
                }
                if (start < 0) {
                    if (!block.substring(0, i).isBlank()) {
                        throw new Skip("there is text before the first answer (write \\= or \\~ for = or ~ in "
                                + "answers)", false);
                    }
                } else {
                    answers.add(answer(block.charAt(start), block.substring(start + 1, i), format, what,
                            answers.size() + 1));
                }
                start = i;
            }
            return answers;
        }

        private Answer answer(char marker, String raw, Format format, String what, int number) throws Skip {
            String rest = raw;
            Double weight = null;
            Matcher matcher = WEIGHT.matcher(rest);
            if (matcher.find()) {
                try {
                    weight = new BigDecimal(matcher.group(1).replace(',', '.').replace("+", "")).movePointLeft(2)
                            .doubleValue();
                } catch (NumberFormatException e) {
                    throw new Skip("the weight of " + what + " " + number + " is not a number", false);
                }
                if (weight < -1 || weight > 1) {
                    throw new Skip("the weight of " + what + " " + number + " must be -100% to 100% (found "
                            + matcher.group(1) + "%)", false);
                }
                rest = rest.substring(matcher.end());
            }
            int hash = rest.indexOf('#');
            String feedback = hash >= 0 ? text(rest.substring(hash + 1), format) : "";
            String body = hash >= 0 ? rest.substring(0, hash) : rest;
            if (what.startsWith("numeric")) {
                return new Answer(marker, weight, body.strip(), feedback);
            }
            String text = text(body, format);
            if (text.isEmpty()) {
                throw new Skip(what + " " + number + " has no text", false);
            }
            return new Answer(marker, weight, text, feedback);
        }

        private LocalizedText questionText(String body, Format format) throws Skip {
            String text = text(body, format, false);
            if (text.replace(BLANK_TEXT, "").isBlank()) {
                throw new Skip("the question has no text", false);
            }
            return LocalizedText.of(language, text);
        }

        private LocalizedText explanation(String general, Format format) throws Skip {
            return localized(text(general, format));
        }

        private LocalizedText localized(String text) {
            return text == null || text.isBlank() ? LocalizedText.empty() : LocalizedText.of(language, text);
        }

        /**
         * A piece of the question as plain text: escapes restored, its own format marker (else the question's)
         * applied, HTML removed, the missing-word blank put in; refused if longer than 2,000 characters.
         */
        private String text(String raw, Format inherited) throws Skip {
            return text(raw, inherited, true);
        }

        private String text(String raw, Format inherited, boolean ownMarker) throws Skip {
            if (raw == null) {
                return "";
            }
            if (raw.length() > MAX_MARKUP_LENGTH) {
                throw new Skip("a text is longer than " + MAX_MARKUP_LENGTH + " characters with its markup", false);
            }
            String text = restore(raw);
            Format format = inherited;
            Matcher marker = FORMAT.matcher(text);
            if (ownMarker && marker.find()) {
                format = Format.valueOf(marker.group(1).toUpperCase(Locale.ROOT));
                text = text.substring(marker.end());
            }
            activeRemoved |= PlainText.hasActiveContent(text);
            String plain;
            switch (format) {
                case HTML -> {
                    plain = PlainText.htmlToText(text);
                    htmlConverted |= PlainText.containsHtml(text);
                }
                case MARKDOWN -> {
                    plain = PlainText.markdownToText(text);
                    markupRemoved |= PlainText.containsHtml(text);
                }
                default -> {
                    plain = PlainText.sanitize(text);
                    markupRemoved |= !plain.equals(PlainText.normalize(text));
                }
            }
            int blank = plain.indexOf(BLANK);
            if (blank >= 0) {
                plain = PlainText.normalize(plain.substring(0, blank) + " " + BLANK_TEXT + " "
                        + plain.substring(blank + 1));
            }
            if (PlainText.length(plain) > PlainText.MAX_TEXT_LENGTH) {
                throw new Skip("a text is longer than " + PlainText.MAX_TEXT_LENGTH + " characters", false);
            }
            return plain;
        }

        private String id(String title, int number) {
            return ids.unique(PlainText.slug(title), "q" + number);
        }
    }
}
