package org.latentlab.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.ClassMember;
import org.latentlab.classroom.ClassroomService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lesson's assignment: a student hands in a finished convolutional-VAE run of their own with a short text; the
 * teachers of their classes see it with its curve and samples and grade it. A graded submission is final.
 */
@Service
public class AssignmentService {

    public static final int MAX_TEXT = 4000;

    /** A student's submission; {@code grade} (0..100) and the comment are null until graded. */
    public record Submission(long id, long studentId, String studentName, UUID runId, String text,
            Instant submittedAt, Integer grade, String comment, String gradedBy, Instant gradedAt) {

        public boolean graded() {
            return grade != null;
        }
    }

    /** A class's students, each with their submission if they handed one in. */
    public record ClassSubmissions(List<ClassMember> students, List<Submission> submissions) {

        public Optional<Submission> of(long studentId) {
            return submissions.stream().filter(s -> s.studentId() == studentId).findFirst();
        }
    }

    private static final String SELECT = """
            select s.*, u.display_name student_name, g.display_name graded_by_name
            from assignment_submission s join user_account u on u.id = s.student_id
            left join user_account g on g.id = s.graded_by
            """;

    private final JdbcClient jdbc;
    private final LabRuns runs;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignmentService(JdbcClient jdbc, LabRuns runs, CurrentUser currentUser, ClassroomService classrooms,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.currentUser = currentUser;
        this.classrooms = classrooms;
        this.events = events;
        this.clock = clock;
    }

    /** Hands in (or, until graded, replaces) the signed-in student's answer. */
    @Transactional
    public Submission submit(UUID runId, String text) {
        SignedInUser student = currentUser.require();
        RunSummary run = runs.owned(runId).summary();
        if (!run.experiment().isAssignment() || run.state() != RunState.FINISHED) {
            throw new InvalidInputException("run", "assignment.run.notFinishedConvVae");
        }
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty() || answer.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "assignment.text.length", 1, MAX_TEXT);
        }
        Optional<Submission> earlier = mine();
        Timestamp now = Timestamp.from(clock.instant());
        if (earlier.isEmpty()) {
            jdbc.sql("insert into assignment_submission (student_id, run_id, answer_text, submitted_at) values (?, ?, "
                    + "?, ?)").params(student.userId(), runId.toString(), answer, now).update();
        } else {
            // Only an ungraded submission may change: the version check keeps a grade given meanwhile.
            int changed = jdbc.sql("""
                    update assignment_submission set run_id = ?, answer_text = ?, submitted_at = ?,
                        version = version + 1 where id = ? and grade is null""")
                    .params(runId.toString(), answer, now, earlier.get().id()).update();
            if (changed == 0) {
                throw new InvalidInputException("assignment", "assignment.alreadyGraded");
            }
        }
        events.publishEvent(new AssignmentSubmitted(student.userId(), Experiment.LESSON));
        return mine().orElseThrow();
    }

    public Optional<Submission> mine() {
        return jdbc.sql(SELECT + " where s.student_id = ?").param(currentUser.require().userId())
                .query(AssignmentService::row).optional();
    }

    /** The submissions of a class of the signed-in teacher (checked by the classroom service). */
    @PreAuthorize("hasRole('TEACHER')")
    public ClassSubmissions forClass(long classId) {
        List<ClassMember> students = classrooms.members(classId);
        if (students.isEmpty()) {
            return new ClassSubmissions(List.of(), List.of());
        }
        List<Long> ids = students.stream().map(ClassMember::studentId).toList();
        List<Submission> submissions = jdbc.sql(SELECT + " where s.student_id in (:ids) order by s.submitted_at")
                .param("ids", ids).query(AssignmentService::row).list();
        return new ClassSubmissions(students, submissions);
    }

    /** Grades a submission of a student the signed-in teacher teaches. */
    @PreAuthorize("hasRole('TEACHER')")
    @Transactional
    public Submission grade(long submissionId, Integer grade, String comment) {
        SignedInUser teacher = currentUser.require();
        Submission submission = jdbc.sql(SELECT + " where s.id = ?").param(submissionId)
                .query(AssignmentService::row).optional()
                .orElseThrow(() -> new InvalidInputException("submission", "assignment.notFound"));
        if (!classrooms.teachesStudent(submission.studentId())) {
            throw new AccessDeniedException("Submission " + submissionId + " is not from a student of this teacher");
        }
        if (grade == null || grade < 0 || grade > 100) {
            throw new InvalidInputException("grade", "assignment.grade.range", 0, 100);
        }
        String note = comment == null ? "" : comment.strip();
        if (note.length() > MAX_TEXT) {
            throw new InvalidInputException("comment", "assignment.text.length", 0, MAX_TEXT);
        }
        jdbc.sql("""
                update assignment_submission set grade = ?, comment_text = ?, graded_by = ?, graded_at = ?,
                    version = version + 1 where id = ?""")
                .params(grade, note, teacher.userId(), Timestamp.from(clock.instant()), submissionId).update();
        return jdbc.sql(SELECT + " where s.id = ?").param(submissionId).query(AssignmentService::row).single();
    }

    private static Submission row(ResultSet rs, int n) throws SQLException {
        Timestamp graded = rs.getTimestamp("graded_at");
        return new Submission(rs.getLong("id"), rs.getLong("student_id"), rs.getString("student_name"),
                UUID.fromString(rs.getString("run_id")), rs.getString("answer_text"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getObject("grade", Integer.class),
                rs.getString("comment_text"), rs.getString("graded_by_name"),
                graded == null ? null : graded.toInstant());
    }
}
