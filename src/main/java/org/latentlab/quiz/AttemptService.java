package org.latentlab.quiz;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Taking quizzes. Every answer is written to the database the moment it is given (one upsert per answer, committed
 * before the call returns), so a closed tab or a killed server loses nothing; submitting is an idempotent change of
 * the attempt from OPEN to SUBMITTED, so a double click or a second tab cannot submit twice; the score is always
 * computed from the stored answers. Saving and submitting both lock the attempt's row first, so an answer is stored
 * only while the attempt is open and in time, and a submission scores exactly the answers stored before it. Nothing
 * handed to the page before submission contains a right answer. Every call checks that the attempt belongs to the
 * signed-in user (ids come from URLs and may be forged).
 */
@Service
public class AttemptService {

    /** Answers arriving this long after the deadline still count: the network, not the student, was late. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final QuizRecords records;
    private final QuizCatalog catalog;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final QuizWriter writer;

    AttemptService(QuizRecords records, QuizCatalog catalog, CurrentUser currentUser, ClassroomService classrooms,
            ApplicationEventPublisher events, Clock clock, QuizWriter writer) {
        this.writer = writer;
        this.records = records;
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
                if (expired(open.get(), clock.instant())) {
                    submitStored(open.get().attemptId());
                    continue;
                }
                return sheet(open.get(), language);
            }
            Integer max = offered.quiz().policy().maxAttempts();
            if (max != null && mine.size() >= max) {
                throw new InvalidInputException("quiz", "quiz.noAttemptsLeft", max);
            }
            // When a second tab started the same attempt a moment ago, nothing is added: the next round uses that one.
            create(user.userId(), offered, mine.size() + 1, language);
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
        Instant deadline = limit == null ? null : now.plus(Duration.ofMinutes(limit));
        writer.write(() -> records.insertAttempt(version.versionId(), version.quiz().id(), userId, number,
                language.code(), presentation, now, deadline, version.quiz().maxPoints()));
    }

    /** The sheet of one of the signed-in user's open attempts. */
    public AttemptSheet sheet(long attemptId, Language language) {
        AttemptSummary attempt = own(attemptId);
        return sheet(attempt, language);
    }

    private AttemptSheet sheet(AttemptSummary attempt, Language language) {
        QuizVersion version = catalog.version(attempt.versionId());
        Map<String, List<String>> orders = AnswerCodec.readOrders(records.presentation(attempt.attemptId()));
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
        return new AttemptSheet(attempt, version.quiz().title().in(language), questions, answers(attempt.attemptId()),
                version.quiz().content());
    }

    /** What a guarded write of an answer found: saved (at), or refused because the attempt is closed or late. */
    private record Stored(Instant savedAt, String refusal) {
    }

    /**
     * Saves one answer of an open attempt at once (replacing an earlier answer to the same question) and returns
     * after the commit. The answer is written only while the attempt is open and in time, checked on the locked
     * attempt in the writing transaction: an answer racing a submission is either stored before it (and scored) or
     * refused.
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
        if (expired(attempt, clock.instant())) {
            submitStored(attemptId);
            throw new InvalidInputException("answer", "quiz.timeUp");
        }
        Question question = catalog.version(attempt.versionId()).quiz().question(questionId)
                .orElseThrow(() -> new InvalidInputException("answer", "quiz.answerInvalid"));
        check(question, answer);
        String json = AnswerCodec.write(answer);
        Stored stored = writer.write(() -> {
            AttemptSummary locked = records.lockAttempt(attemptId).orElseThrow();
            if (locked.submitted()) {
                return new Stored(null, "quiz.alreadySubmitted");
            }
            Instant now = clock.instant();
            if (expired(locked, now)) {
                return new Stored(null, "quiz.timeUp");
            }
            records.upsertAnswer(attemptId, questionId, json, now);
            return new Stored(now, null);
        });
        if (stored.refusal() == null) {
            return stored.savedAt();
        }
        if (stored.refusal().equals("quiz.timeUp")) {
            submitStored(attemptId);
        }
        throw new InvalidInputException("answer", stored.refusal());
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
            submitStored(attemptId);
        }
        return outcome(attemptId, language);
    }

    /**
     * Scores the stored answers and closes the attempt, once, in one transaction with the attempt locked: answers
     * saved at the same moment wait for it and are refused, and a concurrent submit finds it closed already. The
     * event is published after the commit.
     */
    private void submitStored(long attemptId) {
        Optional<QuizSubmitted> submitted = writer.write(() -> {
            AttemptSummary attempt = records.lockAttempt(attemptId).orElseThrow();
            if (attempt.submitted()) {
                return Optional.empty();
            }
            Quiz quiz = catalog.version(attempt.versionId()).quiz();
            List<QuizRecords.AnswerRow> stored = records.answers(attemptId);
            double score = score(quiz, decode(stored));
            Instant at = clock.instant();
            if (attempt.deadline() != null && at.isAfter(attempt.deadline().plus(GRACE))) {
                // Submitted late (nobody was there when the time ran out): it ended at the deadline, or with the
                // last answer given in the grace period after it.
                at = stored.stream().map(QuizRecords.AnswerRow::savedAt).filter(attempt.deadline()::isBefore)
                        .max(Comparator.naturalOrder()).orElse(attempt.deadline());
            }
            if (!records.markSubmitted(attemptId, at, score)) {
                return Optional.empty();
            }
            return Optional.of(new QuizSubmitted(attemptId, attempt.quizId(), quiz.lesson(), quiz.kind(),
                    attempt.studentId(), score, attempt.maxScore()));
        });
        submitted.ifPresent(events::publishEvent);
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
        return records.attempts(studentId, quizId);
    }

    /** The quiz of one of the signed-in user's attempts. */
    public Optional<String> quizOfMyAttempt(long attemptId) {
        long me = currentUser.require().userId();
        return find(attemptId).filter(a -> a.studentId() == me).map(AttemptSummary::quizId);
    }

    Optional<AttemptSummary> find(long attemptId) {
        return records.attempt(attemptId);
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

    private static boolean expired(AttemptSummary attempt, Instant now) {
        return attempt.deadline() != null && now.isAfter(attempt.deadline().plus(GRACE));
    }

    Map<String, GivenAnswer> answers(long attemptId) {
        return decode(records.answers(attemptId));
    }

    /** Stored answers by question. */
    static Map<String, GivenAnswer> decode(List<QuizRecords.AnswerRow> stored) {
        Map<String, GivenAnswer> answers = new LinkedHashMap<>();
        stored.forEach(a -> answers.put(a.questionId(), AnswerCodec.read(a.answer())));
        return answers;
    }
}
