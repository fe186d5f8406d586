package org.latentlab.quiz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.latentlab.base.Language;
import org.latentlab.quiz.stats.AttemptResult;
import org.latentlab.quiz.stats.ItemAnalysis;
import org.latentlab.quiz.stats.ItemInfo;
import org.latentlab.quiz.stats.QuizStatistics;
import org.latentlab.classroom.ClassMember;
import org.latentlab.classroom.ClassroomService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What teachers see of quizzes: the results of their own classes (another teacher's class is refused by the
 * classroom service) and the CSV export.
 */
@Service
public class QuizResultsService {

    private final QuizCatalog catalog;
    private final AttemptService attempts;
    private final ClassroomService classrooms;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    QuizResultsService(QuizCatalog catalog, AttemptService attempts, ClassroomService classrooms, JdbcClient jdbc,
            java.time.Clock clock) {
        this.catalog = catalog;
        this.attempts = attempts;
        this.classrooms = classrooms;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Item analysis of a quiz over the students of one of the teacher's classes, as Moodle computes it: each
     * student's first submitted attempt, each question scored against the version the attempt was taken with.
     */
    @PreAuthorize("hasRole('TEACHER')")
    public QuizStatistics itemAnalysis(long classId, String quizId) {
        Quiz current = catalog.active(quizId)
                .orElseThrow(() -> new org.latentlab.base.InvalidInputException("quiz", "quiz.notFound", quizId))
                .quiz();
        List<ItemInfo> items = current.questions().stream().map(q -> switch (q.type()) {
            case SINGLE, MULTIPLE -> new ItemInfo(q.id(), q.points(), q.options().stream().map(Choice::id).toList(),
                    q.options().stream().filter(Choice::correct).map(Choice::id)
                            .collect(java.util.stream.Collectors.toSet()));
            default -> ItemInfo.of(q.id(), q.points());
        }).toList();
        List<AttemptResult> results = new ArrayList<>();
        for (ClassMember member : classrooms.members(classId)) {
            attempts.attempts(member.studentId(), quizId).stream().filter(AttemptSummary::submitted).findFirst()
                    .ifPresent(first -> results.add(result(first, current)));
        }
        return ItemAnalysis.analyze(items, results);
    }

    private AttemptResult result(AttemptSummary attempt, Quiz current) {
        Quiz taken = catalog.version(attempt.versionId()).quiz();
        Map<String, GivenAnswer> answers = attempts.answers(attempt.attemptId());
        Map<String, Double> fractions = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> chosen = new LinkedHashMap<>();
        for (Question question : current.questions()) {
            Question asTaken = taken.question(question.id()).orElse(question);
            GivenAnswer answer = answers.get(question.id());
            fractions.put(question.id(), Scoring.fraction(asTaken, answer));
            if (answer instanceof GivenAnswer.Choices(java.util.Set<String> ids)) {
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
     * Answers are never touched, only scores.
     */
    @PreAuthorize("hasRole('TEACHER')")
    public List<RegradeChange> regrade(long classId, String quizId, boolean dryRun) {
        Quiz current = catalog.active(quizId)
                .orElseThrow(() -> new org.latentlab.base.InvalidInputException("quiz", "quiz.notFound", quizId))
                .quiz();
        List<RegradeChange> changes = new ArrayList<>();
        for (ClassMember member : classrooms.members(classId)) {
            for (AttemptSummary attempt : attempts.attempts(member.studentId(), quizId)) {
                if (!attempt.submitted()) {
                    continue;
                }
                Quiz taken = catalog.version(attempt.versionId()).quiz();
                Map<String, GivenAnswer> answers = attempts.answers(attempt.attemptId());
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
                        jdbc.sql("update quiz_attempt set score = ?, max_score = ?, regraded_at = ? where id = ?")
                                .params(score, max, java.sql.Timestamp.from(clock.instant()), attempt.attemptId())
                                .update();
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
        List<ClassResults.Row> rows = new ArrayList<>();
        for (ClassMember member : members) {
            Map<String, ClassResults.Cell> cells = new LinkedHashMap<>();
            for (QuizCatalog.QuizVersion version : quizzes) {
                List<AttemptSummary> theirs = attempts.attempts(member.studentId(), version.quiz().id());
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
