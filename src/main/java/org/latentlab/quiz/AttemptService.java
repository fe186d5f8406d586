package org.latentlab.quiz;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.quiz.QuizCatalog.QuizVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Taking quizzes. Every answer is written to the database the moment it is given (one upsert per answer), so a
 * closed tab or a killed server loses nothing; submitting is an idempotent change of the attempt from OPEN to
 * SUBMITTED, so a double click or a second tab cannot submit twice; the score is always computed from the stored
 * answers. Nothing handed to the page before submission contains a right answer. Every call checks that the
 * attempt belongs to the signed-in user (ids come from URLs and may be forged).
 */
@Service
public class AttemptService {

    /** Answers arriving this long after the deadline still count: the network, not the student, was late. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final QuizCatalog catalog;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final QuizWriter writer;

    AttemptService(JdbcClient jdbc, QuizCatalog catalog, CurrentUser currentUser, ClassroomService classrooms,
            ApplicationEventPublisher events, Clock clock, QuizWriter writer) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.classrooms = classrooms;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The signed-in user's open attempt at the quiz, or a new one if the policy allows another.
     *
     * @throws InvalidInputException unknown quiz, or no attempts left
     */
    public AttemptSheet startOrResume(String quizId, Language language) {
        SignedInUser user = currentUser.require();
        QuizVersion offered = catalog.active(quizId)
                .orElseThrow(() -> new InvalidInputException("quiz", "quiz.notFound", String.valueOf(quizId)));
        for (int tries = 0; tries < 3; tries++) {
            List<AttemptSummary> mine = attempts(user.userId(), quizId);
            Optional<AttemptSummary> open = mine.stream().filter(a -> !a.submitted()).findFirst();
            if (open.isPresent()) {
                if (expired(open.get())) {
                    submitStored(open.get());
                    continue;
                }
                return sheet(open.get(), language);
            }
            Integer max = offered.quiz().policy().maxAttempts();
            if (max != null && mine.size() >= max) {
                throw new InvalidInputException("quiz", "quiz.noAttemptsLeft", max);
            }
            try {
                create(user.userId(), offered, mine.size() + 1, language);
            } catch (DuplicateKeyException otherTab) {
                // A second tab started the same attempt a moment ago: use that one.
            }
        }
        throw new IllegalStateException("could not start an attempt at " + quizId);
    }

    private void create(long userId, QuizVersion version, int number, Language language) {
        Instant now = clock.instant();
        Integer limit = version.quiz().policy().timeLimitMinutes();
        Random random = new Random();
        Map<String, List<String>> orders = new LinkedHashMap<>();
        for (Question question : version.quiz().questions()) {
            List<String> ids = new ArrayList<>(question.type() == QuestionType.ORDER
                    ? question.steps().stream().map(Step::id).toList()
                    : question.options().stream().map(Choice::id).toList());
            if (question.type() == QuestionType.ORDER) {
                // Steps always start mixed up (never in the right order), or the question answers itself.
                List<String> right = List.copyOf(ids);
                while (ids.size() > 1 && ids.equals(right)) {
                    Collections.shuffle(ids, random);
                }
            } else if (version.quiz().policy().shuffleOptions()) {
                Collections.shuffle(ids, random);
            }
            orders.put(question.id(), ids);
        }
        String presentation = AnswerCodec.writeOrders(orders);
        Timestamp deadline = limit == null ? null : Timestamp.from(now.plus(Duration.ofMinutes(limit)));
        write(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into quiz_attempt (quiz_version_id, quiz_id, "
                    + "student_id, attempt_number, state, language, presentation, started_at, deadline, max_score) "
                    + "values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)")) {
                insert.setLong(1, version.versionId());
                insert.setString(2, version.quiz().id());
                insert.setLong(3, userId);
                insert.setInt(4, number);
                insert.setString(5, language.code());
                insert.setString(6, presentation);
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setTimestamp(8, deadline);
                insert.setDouble(9, version.quiz().maxPoints());
                return insert.executeUpdate();
            }
        });
    }

    /** A write through the group-committing writer; a unique-key clash comes back as DuplicateKeyException. */
    private <T> T write(QuizWriter.Work<T> work) {
        try {
            return writer.write(work);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new DuplicateKeyException(e.getMessage(), e);
            }
            throw new IllegalStateException("could not save: " + e.getMessage(), e);
        }
    }

    /** The sheet of one of the signed-in user's open attempts. */
    public AttemptSheet sheet(long attemptId, Language language) {
        AttemptSummary attempt = own(attemptId);
        return sheet(attempt, language);
    }

    private AttemptSheet sheet(AttemptSummary attempt, Language language) {
        QuizVersion version = catalog.version(attempt.versionId());
        Map<String, List<String>> orders = orders(attempt.attemptId());
        List<AttemptSheet.SheetQuestion> questions = new ArrayList<>();
        for (Question question : version.quiz().questions()) {
            List<String> order = orders.getOrDefault(question.id(), List.of());
            Map<String, String> texts = new HashMap<>();
            question.options().forEach(o -> texts.put(o.id(), o.text().in(language)));
            question.steps().forEach(s -> texts.put(s.id(), s.text().in(language)));
            List<AttemptSheet.Item> items = order.stream().filter(texts::containsKey)
                    .map(id -> new AttemptSheet.Item(id, texts.get(id))).toList();
            String unit = question.numeric() == null || question.numeric().unit() == null ? null
                    : question.numeric().unit().in(language);
            questions.add(new AttemptSheet.SheetQuestion(question.id(), question.type(), question.points(),
                    question.text().in(language), items, unit == null || unit.isEmpty() ? null : unit));
        }
        return new AttemptSheet(attempt, version.quiz().title().in(language), questions, answers(attempt.attemptId()));
    }

    /**
     * Saves one answer of an open attempt at once (replacing an earlier answer to the same question).
     *
     * @return when it was saved
     * @throws InvalidInputException the attempt is submitted or its time is up, or the answer does not fit the
     *                               question
     */
    public Instant save(long attemptId, String questionId, GivenAnswer answer) {
        AttemptSummary attempt = own(attemptId);
        if (attempt.submitted()) {
            throw new InvalidInputException("answer", "quiz.alreadySubmitted");
        }
        if (expired(attempt)) {
            submitStored(attempt);
            throw new InvalidInputException("answer", "quiz.timeUp");
        }
        Question question = catalog.version(attempt.versionId()).quiz().question(questionId)
                .orElseThrow(() -> new InvalidInputException("answer", "quiz.answerInvalid"));
        check(question, answer);
        Instant now = clock.instant();
        String json = AnswerCodec.write(answer);
        write(c -> {
            try (PreparedStatement update = c.prepareStatement("update quiz_answer set answer = ?, saved_at = ? "
                    + "where attempt_id = ? and question_id = ?")) {
                update.setString(1, json);
                update.setTimestamp(2, Timestamp.from(now));
                update.setLong(3, attemptId);
                update.setString(4, questionId);
                if (update.executeUpdate() > 0) {
                    return 1;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into quiz_answer (attempt_id, question_id, "
                    + "answer, saved_at) values (?, ?, ?, ?)")) {
                insert.setLong(1, attemptId);
                insert.setString(2, questionId);
                insert.setString(3, json);
                insert.setTimestamp(4, Timestamp.from(now));
                return insert.executeUpdate();
            }
        });
        return now;
    }

    private static void check(Question question, GivenAnswer answer) {
        boolean fits = switch (question.type()) {
            case SINGLE -> answer instanceof GivenAnswer.Choices(Set<String> ids) && ids.size() == 1
                    && question.options().stream().anyMatch(o -> ids.contains(o.id()));
            case MULTIPLE -> answer instanceof GivenAnswer.Choices(Set<String> ids)
                    && question.options().stream().map(Choice::id).collect(Collectors.toSet()).containsAll(ids);
            case TRUE_FALSE -> answer instanceof GivenAnswer.TrueFalse;
            case NUMERIC -> answer instanceof GivenAnswer.Number(double value) && Double.isFinite(value)
                    && Math.abs(value) < 1e12;
            case ORDER -> answer instanceof GivenAnswer.Order(List<String> ids) && ids.size() == question.steps().size()
                    && Set.copyOf(ids).equals(question.steps().stream().map(Step::id).collect(Collectors.toSet()));
        };
        if (!fits) {
            throw new InvalidInputException("answer", "quiz.answerInvalid");
        }
    }

    /** Submits an open attempt of the signed-in user; submitting again returns the same result. */
    public AttemptOutcome submit(long attemptId, Language language) {
        AttemptSummary attempt = own(attemptId);
        if (!attempt.submitted()) {
            submitStored(attempt);
        }
        return outcome(attemptId, language);
    }

    /** Scores the stored answers and closes the attempt, once: a concurrent submit finds it closed already. */
    private void submitStored(AttemptSummary attempt) {
        QuizVersion version = catalog.version(attempt.versionId());
        double score = score(version.quiz(), answers(attempt.attemptId()));
        Instant at = clock.instant();
        if (attempt.deadline() != null && at.isAfter(attempt.deadline().plus(GRACE))) {
            at = attempt.deadline();
        }
        Timestamp submittedAt = Timestamp.from(at);
        int changed = write(c -> {
            try (PreparedStatement update = c.prepareStatement("update quiz_attempt set state = 'SUBMITTED', "
                    + "submitted_at = ?, score = ? where id = ? and state = 'OPEN'")) {
                update.setTimestamp(1, submittedAt);
                update.setDouble(2, score);
                update.setLong(3, attempt.attemptId());
                return update.executeUpdate();
            }
        });
        if (changed == 1) {
            events.publishEvent(new QuizSubmitted(attempt.attemptId(), attempt.quizId(), version.quiz().lesson(),
                    version.quiz().kind(), attempt.studentId(), score, attempt.maxScore()));
        }
    }

    static double score(Quiz quiz, Map<String, GivenAnswer> answers) {
        return quiz.questions().stream().mapToDouble(q -> Scoring.points(q, answers.get(q.id()))).sum();
    }

    /** The result of a submitted attempt: for its student, or for a teacher of that student. */
    public AttemptOutcome outcome(long attemptId, Language language) {
        AttemptSummary attempt = readable(attemptId);
        if (!attempt.submitted()) {
            throw new InvalidInputException("attempt", "quiz.notSubmitted");
        }
        Quiz quiz = catalog.version(attempt.versionId()).quiz();
        Map<String, GivenAnswer> answers = answers(attemptId);
        List<AttemptOutcome.QuestionOutcome> outcomes = new ArrayList<>();
        for (Question question : quiz.questions()) {
            GivenAnswer given = answers.get(question.id());
            String feedback = given instanceof GivenAnswer.Choices(Set<String> ids) ? question.options().stream()
                    .filter(o -> ids.contains(o.id()) && !o.feedback().isEmpty())
                    .map(o -> o.feedback().in(language)).collect(Collectors.joining(" ")) : "";
            outcomes.add(new AttemptOutcome.QuestionOutcome(question.id(), question.type(), question.text().in(language),
                    Scoring.points(question, given), question.points(), describe(question, given, language),
                    right(question, language), question.explanation().in(language), feedback, question.section()));
        }
        return new AttemptOutcome(attempt, quiz.title().in(language), quiz.lesson(), outcomes);
    }

    private static String describe(Question question, GivenAnswer given, Language language) {
        if (given == null) {
            return "";
        }
        return switch (given) {
            case GivenAnswer.Choices(Set<String> ids) -> question.options().stream().filter(o -> ids.contains(o.id()))
                    .map(o -> o.text().in(language)).collect(Collectors.joining("; "));
            case GivenAnswer.TrueFalse(boolean value) -> Boolean.toString(value);
            case GivenAnswer.Number(double value) -> number(value);
            case GivenAnswer.Order(List<String> ids) -> ids.stream().map(id -> question.steps().stream()
                    .filter(s -> s.id().equals(id)).findFirst().map(s -> s.text().in(language)).orElse(id))
                    .collect(Collectors.joining(" → "));
        };
    }

    private static String right(Question question, Language language) {
        return switch (question.type()) {
            case SINGLE, MULTIPLE -> question.options().stream()
                    .filter(o -> o.weight() != null ? o.weight() > 0 : o.correct())
                    .map(o -> o.text().in(language)).collect(Collectors.joining("; "));
            case TRUE_FALSE -> String.valueOf(question.answer());
            case NUMERIC -> question.numeric().tolerance() == 0 ? number(question.numeric().value())
                    : number(question.numeric().value()) + " ± " + number(question.numeric().tolerance());
            case ORDER -> question.steps().stream().map(s -> s.text().in(language)).collect(Collectors.joining(" → "));
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    /** The signed-in user's attempts at a quiz, oldest first. */
    public List<AttemptSummary> myAttempts(String quizId) {
        return attempts(currentUser.require().userId(), quizId);
    }

    /** The attempt that counts under the policy: best, last or first submitted one. */
    public static Optional<AttemptSummary> counted(List<AttemptSummary> attempts, QuizPolicy policy) {
        List<AttemptSummary> submitted = attempts.stream().filter(AttemptSummary::submitted).toList();
        if (submitted.isEmpty()) {
            return Optional.empty();
        }
        return switch (policy.counts()) {
            case FIRST -> Optional.of(submitted.getFirst());
            case LAST -> Optional.of(submitted.getLast());
            case BEST -> submitted.stream().max(Comparator.comparingDouble(AttemptSummary::percent)
                    .thenComparing(AttemptSummary::number, Comparator.reverseOrder()));
        };
    }

    List<AttemptSummary> attempts(long studentId, String quizId) {
        return jdbc.sql(SELECT + " where student_id = ? and quiz_id = ? order by attempt_number")
                .params(studentId, quizId).query(AttemptService::summary).list();
    }

    private static final String SELECT = "select id, quiz_id, quiz_version_id, student_id, attempt_number, state, "
            + "started_at, deadline, submitted_at, score, max_score from quiz_attempt";

    static AttemptSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp deadline = rs.getTimestamp(8);
        Timestamp submitted = rs.getTimestamp(9);
        double score = rs.getDouble(10);
        Double scoreOrNull = rs.wasNull() ? null : score;
        return new AttemptSummary(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                AttemptState.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                deadline == null ? null : deadline.toInstant(), submitted == null ? null : submitted.toInstant(),
                scoreOrNull, rs.getDouble(11));
    }

    /** The quiz of one of the signed-in user's attempts. */
    public Optional<String> quizOfMyAttempt(long attemptId) {
        long me = currentUser.require().userId();
        return find(attemptId).filter(a -> a.studentId() == me).map(AttemptSummary::quizId);
    }

    Optional<AttemptSummary> find(long attemptId) {
        return jdbc.sql(SELECT + " where id = ?").param(attemptId).query(AttemptService::summary).optional();
    }

    /** An attempt of the signed-in user; anyone else's (or a made-up id) is refused alike. */
    private AttemptSummary own(long attemptId) {
        SignedInUser user = currentUser.require();
        return find(attemptId).filter(a -> a.studentId() == user.userId())
                .orElseThrow(() -> new AccessDeniedException("attempt " + attemptId + " is not yours"));
    }

    private AttemptSummary readable(long attemptId) {
        SignedInUser user = currentUser.require();
        Optional<AttemptSummary> attempt = find(attemptId);
        if (attempt.isPresent() && (attempt.get().studentId() == user.userId()
                || (user.isTeacher() && classrooms.teachesStudent(attempt.get().studentId())))) {
            return attempt.get();
        }
        throw new AccessDeniedException("attempt " + attemptId + " is not yours to see");
    }

    private boolean expired(AttemptSummary attempt) {
        return attempt.deadline() != null && clock.instant().isAfter(attempt.deadline().plus(GRACE));
    }

    Map<String, GivenAnswer> answers(long attemptId) {
        Map<String, GivenAnswer> answers = new LinkedHashMap<>();
        jdbc.sql("select question_id, answer from quiz_answer where attempt_id = ? order by id").param(attemptId)
                .query((rs, n) -> Map.entry(rs.getString(1), AnswerCodec.read(rs.getString(2)))).list()
                .forEach(e -> answers.put(e.getKey(), e.getValue()));
        return answers;
    }

    private Map<String, List<String>> orders(long attemptId) {
        return AnswerCodec.readOrders(jdbc.sql("select presentation from quiz_attempt where id = ?")
                .param(attemptId).query(String.class).single());
    }
}
