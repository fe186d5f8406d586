package org.latentlab.quiz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.latentlab.base.Language;
import org.latentlab.classroom.ClassMember;
import org.latentlab.classroom.ClassroomService;
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

    QuizResultsService(QuizCatalog catalog, AttemptService attempts, ClassroomService classrooms) {
        this.catalog = catalog;
        this.attempts = attempts;
        this.classrooms = classrooms;
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
