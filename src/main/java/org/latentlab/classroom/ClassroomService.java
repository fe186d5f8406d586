package org.latentlab.classroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.RateLimits;
import org.latentlab.base.SignedInUser;
import org.latentlab.base.TooManyRequestsException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Teachers create classes and hand out join codes; students join with a code. Every method checks the caller's
 * role, and a teacher reaches only their own classes.
 */
@Service
public class ClassroomService {

    private final ClassroomRecords records;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final RateLimits limits;

    ClassroomService(ClassroomRecords records, CurrentUser currentUser, Clock clock, RateLimits limits) {
        this.records = records;
        this.currentUser = currentUser;
        this.clock = clock;
        this.limits = limits;
    }

    @PreAuthorize("hasRole('TEACHER')")
    public ClassSummary createClass(String name) {
        SignedInUser teacher = currentUser.require();
        String validName = AccountRules.className(name);
        if (records.classNamed(validName, teacher.userId()).isPresent()) {
            throw new InvalidInputException("className", "validation.className.taken", validName);
        }
        return summary(records.insertClass(validName, uniqueJoinCode(), teacher.userId(), clock.instant()), 0);
    }

    @PreAuthorize("hasRole('TEACHER')")
    public List<ClassSummary> myClasses() {
        SignedInUser teacher = currentUser.require();
        List<ClassroomRecords.Classroom> own = records.classesOf(teacher.userId());
        Map<Long, Long> counts = records.enrollmentsIn(own.stream().map(ClassroomRecords.Classroom::id).toList())
                .stream().collect(Collectors.groupingBy(ClassroomRecords.Enrollment::classroomId,
                        Collectors.counting()));
        return own.stream().map(c -> summary(c, counts.getOrDefault(c.id(), 0L))).toList();
    }

    @PreAuthorize("hasRole('TEACHER')")
    public List<ClassMember> members(long classId) {
        ClassroomRecords.Classroom classroom = ownClass(classId);
        List<ClassroomRecords.Enrollment> joined = records.enrollmentsIn(List.of(classroom.id()));
        Map<Long, ClassroomRecords.Account> students = joined.stream().map(ClassroomRecords.Enrollment::studentId)
                .map(records::account).flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(ClassroomRecords.Account::id, a -> a));
        return joined.stream().map(e -> {
            ClassroomRecords.Account student = students.get(e.studentId());
            return new ClassMember(student.id(), student.username(), student.displayName(), e.joinedAt());
        }).toList();
    }

    /**
     * Whether the signed-in teacher may see this student's work: the student is in one of the teacher's classes
     * (an admin sees everyone's).
     */
    @PreAuthorize("hasRole('TEACHER')")
    public boolean teachesStudent(long studentId) {
        SignedInUser teacher = currentUser.require();
        if (teacher.isAdmin()) {
            return true;
        }
        List<Long> own = records.classesOf(teacher.userId()).stream().map(ClassroomRecords.Classroom::id).toList();
        return records.enrollmentsIn(own).stream().anyMatch(e -> e.studentId() == studentId);
    }

    /**
     * The names of these classes, for pages of other features that list things per class (challenges, results).
     * Only names: who may see a class's work is decided by {@link #members} and {@link #teachesStudent}.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> classNames(Collection<Long> classIds) {
        return records.classrooms(classIds).stream()
                .collect(Collectors.toMap(ClassroomRecords.Classroom::id, ClassroomRecords.Classroom::name));
    }

    /** The classes the signed-in student has joined, by id: what a student's pages of other features may show. */
    @PreAuthorize("isAuthenticated()")
    public List<Long> myClassIds() {
        return records.enrollmentsOf(currentUser.require().userId()).stream()
                .map(ClassroomRecords.Enrollment::classroomId).toList();
    }

    /** Closes a class to new students (its code stops working) or opens it again; members stay either way. */
    @PreAuthorize("hasRole('TEACHER')")
    public ClassSummary setJoiningOpen(long classId, boolean open) {
        ClassroomRecords.Classroom classroom = ownClass(classId);
        records.setJoiningOpen(classroom.id(), open);
        return summaryOf(classroom.id());
    }

    /** A new code for a class, e.g. after the old one was shared too widely; the old code stops working. */
    @PreAuthorize("hasRole('TEACHER')")
    public ClassSummary newJoinCode(long classId) {
        ClassroomRecords.Classroom classroom = ownClass(classId);
        records.setJoinCode(classroom.id(), uniqueJoinCode());
        return summaryOf(classroom.id());
    }

    @PreAuthorize("hasRole('STUDENT')")
    public JoinResult join(String typedCode) {
        SignedInUser student = currentUser.require();
        // Enough wrong codes for typos, far too few for guessing one.
        String client = "user:" + student.userId();
        ClassroomRecords.Classroom classroom;
        try {
            limits.check(RateLimits.Limit.WRONG_JOIN_CODE, client);
            try {
                classroom = joinable(typedCode);
            } catch (InvalidInputException wrong) {
                limits.take(RateLimits.Limit.WRONG_JOIN_CODE, client, 1);
                throw wrong;
            }
        } catch (TooManyRequestsException tooMany) {
            throw new InvalidInputException("joinCode", "join.tooManyAttempts", minutesToWait(tooMany.retryAfter()));
        }
        Instant now = clock.instant();
        boolean joined = records.enroll(classroom.id(), student.userId(), now);
        return new JoinResult(joinedClass(classroom, now), !joined);
    }

    @PreAuthorize("isAuthenticated()")
    public List<JoinedClass> myEnrollments() {
        SignedInUser student = currentUser.require();
        return records.enrollmentsOf(student.userId()).stream()
                .map(e -> joinedClass(records.classroom(e.classroomId()).orElseThrow(), e.joinedAt()))
                .toList();
    }

    /** The class a typed code leads to, refusing a code that leads to none before an account is created for it. */
    long joinableClassId(String typedCode) {
        return joinable(typedCode).id();
    }

    private ClassroomRecords.Classroom joinable(String typedCode) {
        if (typedCode == null || typedCode.isBlank()) {
            throw new InvalidInputException("joinCode", "join.codeRequired");
        }
        String code = JoinCodes.normalize(typedCode);
        if (code == null) {
            throw new InvalidInputException("joinCode", "join.codeFormat", JoinCodes.LENGTH);
        }
        ClassroomRecords.Classroom classroom = records.classByJoinCode(code)
                .orElseThrow(() -> new InvalidInputException("joinCode", "join.codeUnknown", JoinCodes.display(code)));
        if (!classroom.joiningOpen()) {
            throw new InvalidInputException("joinCode", "join.classClosed", classroom.name());
        }
        return classroom;
    }

    /** One of the signed-in teacher's classes; someone else's class is "not found", like one that does not exist. */
    private ClassroomRecords.Classroom ownClass(long classId) {
        SignedInUser teacher = currentUser.require();
        return records.classroom(classId)
                .filter(classroom -> classroom.teacherId() == teacher.userId() || teacher.isAdmin())
                .orElseThrow(() -> new InvalidInputException("class", "classes.notFound"));
    }

    private String uniqueJoinCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = JoinCodes.generate();
            if (!records.joinCodeTaken(code)) {
                return code;
            }
        }
        throw new DataIntegrityViolationException("No free join code after 20 attempts");
    }

    private JoinedClass joinedClass(ClassroomRecords.Classroom classroom, Instant joinedAt) {
        String teacherName = records.account(classroom.teacherId()).map(ClassroomRecords.Account::displayName)
                .orElse("");
        return new JoinedClass(classroom.id(), classroom.name(), teacherName, joinedAt);
    }

    private ClassSummary summaryOf(long classId) {
        return summary(records.classroom(classId).orElseThrow(),
                records.enrollmentsIn(List.of(classId)).size());
    }

    private static ClassSummary summary(ClassroomRecords.Classroom c, long studentCount) {
        return new ClassSummary(c.id(), c.name(), JoinCodes.display(c.joinCode()), studentCount, c.createdAt(),
                c.joiningOpen());
    }

    static long minutesToWait(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
