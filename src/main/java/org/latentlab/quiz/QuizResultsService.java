package org.latentlab.quiz;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.classroom.ClassMember;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.quiz.stats.AttemptResult;
import org.latentlab.quiz.stats.ItemAnalysis;
import org.latentlab.quiz.stats.ItemInfo;
import org.latentlab.quiz.stats.QuizStatistics;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What teachers see of quizzes: the results of their own classes (another teacher's class is "not found", as the
 * classroom service answers) and the CSV export. The class's members come from the classroom module's API; their
 * attempts and answers are read from our own tables, a class at a time.
 */
@Service
public class QuizResultsService {

    private final QuizCatalog catalog;
    private final ClassroomService classrooms;
    private final QuizRecords records;
    private final Clock clock;

    QuizResultsService(QuizCatalog catalog, ClassroomService classrooms, QuizRecords records, Clock clock) {
        this.catalog = catalog;
        this.classrooms = classrooms;
        this.records = records;
        this.clock = clock;
    }

    /** The attempts of the class's members at one quiz (or at any quiz for null), by student, oldest first. */
    private Map<Long, List<AttemptSummary>> attemptsOf(List<ClassMember> members, String quizId) {
        return records.attempts(members.stream().map(ClassMember::studentId).toList()).stream()
                .filter(a -> quizId == null || a.quizId().equals(quizId))
                .collect(Collectors.groupingBy(AttemptSummary::studentId, LinkedHashMap::new, Collectors.toList()));
    }

    private Quiz activeQuiz(String quizId) {
        return catalog.active(quizId).orElseThrow(() -> new InvalidInputException("quiz", "quiz.notFound", quizId))
                .quiz();
    }

    /**
     * Item analysis of a quiz over the students of one of the teacher's classes, as Moodle computes it: each
     * student's first submitted attempt, each question scored against the version the attempt was taken with.
     */
    @PreAuthorize("hasRole('TEACHER')")
    public QuizStatistics itemAnalysis(long classId, String quizId) {
        Quiz current = activeQuiz(quizId);
        List<ItemInfo> items = current.questions().stream().map(q -> switch (q.type()) {
            case SINGLE, MULTIPLE -> new ItemInfo(q.id(), q.points(), q.options().stream().map(Choice::id).toList(),
                    q.options().stream().filter(Choice::correct).map(Choice::id).collect(Collectors.toSet()));
            default -> ItemInfo.of(q.id(), q.points());
        }).toList();
        List<ClassMember> members = classrooms.members(classId);
        Map<Long, List<AttemptSummary>> byStudent = attemptsOf(members, quizId);
        List<AttemptSummary> firsts = new ArrayList<>();
        for (ClassMember member : members) {
            byStudent.getOrDefault(member.studentId(), List.of()).stream().filter(AttemptSummary::submitted)
                    .findFirst().ifPresent(firsts::add);
        }
        Map<Long, List<QuizRecords.AnswerRow>> answers = records.answers(firsts.stream()
                .map(AttemptSummary::attemptId).toList());
        List<AttemptResult> results = firsts.stream().map(first -> result(first, current,
                AttemptService.decode(answers.getOrDefault(first.attemptId(), List.of())))).toList();
        return ItemAnalysis.analyze(items, results);
    }

    private AttemptResult result(AttemptSummary attempt, Quiz current, Map<String, GivenAnswer> answers) {
        Quiz taken = catalog.version(attempt.versionId()).quiz();
        Map<String, Double> fractions = new LinkedHashMap<>();
        Map<String, Set<String>> chosen = new LinkedHashMap<>();
        for (Question question : current.questions()) {
            Question asTaken = taken.question(question.id()).orElse(question);
            GivenAnswer answer = answers.get(question.id());
            fractions.put(question.id(), Scoring.fraction(asTaken, answer));
            if (answer instanceof GivenAnswer.Choices(Set<String> ids)) {
                chosen.put(question.id(), ids);
            }
        }
        return new AttemptResult(attempt.attemptId(), fractions, chosen);
    }

    /** One attempt whose score a regrade changes (or would change). */
    public record RegradeChange(long attemptId, String student, double oldScore, double newScore, double maxScore) {
    }

    /**
     * Scores the submitted attempts of the class's students again against the quiz's current version (e.g. after a
     * wrong key was fixed in the file). With {@code dryRun} nothing changes: the list shows who would change.
     * Answers are never touched, only scores; the new scores are stored together or not at all.
     */
    @PreAuthorize("hasRole('TEACHER')")
    @Transactional
    public List<RegradeChange> regrade(long classId, String quizId, boolean dryRun) {
        Quiz current = activeQuiz(quizId);
        List<ClassMember> members = classrooms.members(classId);
        Map<Long, List<AttemptSummary>> byStudent = attemptsOf(members, quizId);
        List<AttemptSummary> submitted = byStudent.values().stream().flatMap(List::stream)
                .filter(AttemptSummary::submitted).toList();
        Map<Long, List<QuizRecords.AnswerRow>> stored = records.answers(submitted.stream()
                .map(AttemptSummary::attemptId).toList());
        List<RegradeChange> changes = new ArrayList<>();
        for (ClassMember member : members) {
            for (AttemptSummary attempt : byStudent.getOrDefault(member.studentId(), List.of())) {
                if (!attempt.submitted()) {
                    continue;
                }
                Quiz taken = catalog.version(attempt.versionId()).quiz();
                Map<String, GivenAnswer> answers = AttemptService.decode(stored.getOrDefault(attempt.attemptId(),
                        List.of()));
                double score = 0;
                double max = 0;
                for (Question old : taken.questions()) {
                    Question key = current.question(old.id()).filter(q -> q.type() == old.type()).orElse(old);
                    score += Scoring.points(key, answers.get(old.id()));
                    max += key.points();
                }
                if (Math.abs(score - attempt.score()) > 1e-9 || Math.abs(max - attempt.maxScore()) > 1e-9) {
                    changes.add(new RegradeChange(attempt.attemptId(), member.displayName(), attempt.score(), score,
                            max));
                    if (!dryRun) {
                        records.regrade(attempt.attemptId(), score, max, clock.instant());
                    }
                }
            }
        }
        return changes;
    }

    @PreAuthorize("hasRole('TEACHER')")
    public ClassResults classResults(long classId, Language language) {
        List<ClassMember> members = classrooms.members(classId);
        List<QuizCatalog.QuizVersion> quizzes = catalog.active();
        List<ClassResults.Column> columns = quizzes.stream()
                .map(v -> new ClassResults.Column(v.quiz().id(), v.quiz().title().in(language))).toList();
        Map<Long, List<AttemptSummary>> byStudent = attemptsOf(members, null);
        List<ClassResults.Row> rows = new ArrayList<>();
        for (ClassMember member : members) {
            Map<String, ClassResults.Cell> cells = new LinkedHashMap<>();
            Map<String, List<AttemptSummary>> byQuiz = byStudent.getOrDefault(member.studentId(), List.of()).stream()
                    .collect(Collectors.groupingBy(AttemptSummary::quizId));
            for (QuizCatalog.QuizVersion version : quizzes) {
                List<AttemptSummary> theirs = byQuiz.getOrDefault(version.quiz().id(), List.of());
                if (theirs.isEmpty()) {
                    continue;
                }
                Optional<AttemptSummary> counted = AttemptService.counted(theirs, version.quiz().policy());
                cells.put(version.quiz().id(), new ClassResults.Cell(counted, theirs.size(),
                        theirs.stream().anyMatch(a -> !a.submitted()),
                        counted.map(a -> Duration.between(a.startedAt(), a.submittedAt()))));
            }
            rows.add(new ClassResults.Row(member.studentId(), member.username(), member.displayName(), cells));
        }
        return new ClassResults(classId, columns, rows);
    }

    /**
     * The results as CSV (RFC 4180 quoting). Cells that a spreadsheet would run as a formula (starting with = + - @,
     * tab or carriage return) are neutralised with a leading apostrophe.
     */
    @PreAuthorize("hasRole('TEACHER')")
    public String csv(long classId, Language language) {
        ClassResults results = classResults(classId, language);
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("username", "name"));
        for (ClassResults.Column column : results.quizzes()) {
            header.add(column.title() + " (%)");
            header.add(column.title() + " (attempts)");
            header.add(column.title() + " (minutes)");
        }
        line(out, header);
        for (ClassResults.Row row : results.students()) {
            List<String> cells = new ArrayList<>(List.of(row.username(), row.displayName()));
            for (ClassResults.Column column : results.quizzes()) {
                Optional<ClassResults.Cell> cell = row.cell(column.quizId());
                cells.add(cell.flatMap(ClassResults.Cell::counted)
                        .map(a -> String.format(Locale.ROOT, "%.1f", a.percent())).orElse(""));
                cells.add(cell.map(c -> Integer.toString(c.attempts())).orElse("0"));
                cells.add(cell.flatMap(ClassResults.Cell::time)
                        .map(t -> String.format(Locale.ROOT, "%.1f", t.toSeconds() / 60.0)).orElse(""));
            }
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String csvCell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
