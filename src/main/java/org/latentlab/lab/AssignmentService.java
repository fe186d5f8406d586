package org.latentlab.lab;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.ClassMember;
import org.latentlab.classroom.ClassroomService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lesson's assignment: a student hands in a finished convolutional-VAE run of their own with a short text; the
 * teachers of their classes see it with its curve and samples and grade it. A graded submission is final for the
 * student. A teacher grades the version they saw: a grade never silently overwrites a newer hand-in or another
 * teacher's grade given meanwhile (both are refused with {@code assignment.changed}).
 */
@Service
public class AssignmentService {

    public static final int MAX_TEXT = 4000;

    /**
     * A student's submission; {@code grade} (0..100) and the comment are null until graded. {@code version} goes up
     * with every change: a grade names the version it grades.
     */
    public record Submission(long id, long studentId, String studentName, UUID runId, String text,
            Instant submittedAt, Integer grade, String comment, String gradedBy, Instant gradedAt, long version) {

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

    private final RunRecords records;
    private final LabRuns runs;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssignmentService(RunRecords records, LabRuns runs, CurrentUser currentUser, ClassroomService classrooms,
            AccountService accounts, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.runs = runs;
        this.currentUser = currentUser;
        this.classrooms = classrooms;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Hands in (or, until graded, replaces) the signed-in student's answer: the first hand-in is an insert that
     * does nothing if one exists, a later one a guarded update that does nothing once graded.
     */
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
        Instant now = clock.instant();
        if (!records.insertHandIn(student.userId(), runId, answer, now)
                && !records.replaceHandIn(student.userId(), runId, answer, now)) {
            throw new InvalidInputException("assignment", "assignment.alreadyGraded");
        }
        events.publishEvent(new AssignmentSubmitted(student.userId(), Experiment.LESSON));
        return mine().orElseThrow();
    }

    public Optional<Submission> mine() {
        return records.handInOf(currentUser.require().userId()).map(h -> named(List.of(h)).getFirst());
    }

    /** The submissions of a class of the signed-in teacher (checked by the classroom service). */
    @PreAuthorize("hasRole('TEACHER')")
    public ClassSubmissions forClass(long classId) {
        List<ClassMember> students = classrooms.members(classId);
        if (students.isEmpty()) {
            return new ClassSubmissions(List.of(), List.of());
        }
        List<Long> ids = students.stream().map(ClassMember::studentId).toList();
        return new ClassSubmissions(students, named(records.handInsOf(ids)));
    }

    /**
     * Grades a submission of a student the signed-in teacher teaches, as the teacher saw it: {@code seenVersion} is
     * the {@link Submission#version()} shown. If the student handed in again or someone else graded it since, nothing
     * is stored and the answer is {@code assignment.changed}, so the teacher can look at the latest version first.
     * A submission of a student the teacher does not teach is "not found", like one that does not exist.
     */
    @PreAuthorize("hasRole('TEACHER')")
    public Submission grade(long submissionId, long seenVersion, Integer grade, String comment) {
        SignedInUser teacher = currentUser.require();
        RunRecords.HandIn handIn = records.handIn(submissionId)
                .filter(h -> classrooms.teachesStudent(h.studentId()))
                .orElseThrow(() -> new InvalidInputException("submission", "assignment.notFound"));
        if (grade == null || grade < 0 || grade > 100) {
            throw new InvalidInputException("grade", "assignment.grade.range", 0, 100);
        }
        String note = comment == null ? "" : comment.strip();
        if (note.length() > MAX_TEXT) {
            throw new InvalidInputException("comment", "assignment.text.length", 0, MAX_TEXT);
        }
        if (!records.grade(handIn.id(), seenVersion, grade, note, teacher.userId(), clock.instant())) {
            throw new InvalidInputException("submission", "assignment.changed");
        }
        return named(List.of(records.handIn(submissionId).orElseThrow())).getFirst();
    }

    /** The hand-ins with the names of their students and graders, which the classroom module keeps. */
    private List<Submission> named(List<RunRecords.HandIn> handIns) {
        Collection<Long> people = handIns.stream()
                .flatMap(h -> Stream.of(h.studentId(), h.gradedBy())).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = people.isEmpty() ? Map.of() : accounts.displayNames(people);
        List<Submission> named = new ArrayList<>(handIns.size());
        for (RunRecords.HandIn h : handIns) {
            named.add(new Submission(h.id(), h.studentId(), names.getOrDefault(h.studentId(), ""), h.runId(),
                    h.text(), h.submittedAt(), h.grade(), h.comment(),
                    h.gradedBy() == null ? null : names.getOrDefault(h.gradedBy(), ""), h.gradedAt(), h.version()));
        }
        return named;
    }
}
