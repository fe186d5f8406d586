package org.latentlab.classroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.SignedInUser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers create classes and hand out join codes; students join with a code. Every method checks the caller's
 * role, and a teacher reaches only their own classes.
 */
@Service
public class ClassroomService {

    /** Wrong codes a student may type in a quarter of an hour; enough for typos, far too few for guessing. */
    static final int WRONG_CODES_ALLOWED = 10;

    private final ClassroomRepository classrooms;
    private final EnrollmentRepository enrollments;
    private final UserAccountRepository accounts;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AttemptThrottle wrongCodes;

    ClassroomService(ClassroomRepository classrooms, EnrollmentRepository enrollments,
            UserAccountRepository accounts, CurrentUser currentUser, Clock clock) {
        this.classrooms = classrooms;
        this.enrollments = enrollments;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
        this.wrongCodes = new AttemptThrottle(WRONG_CODES_ALLOWED, Duration.ofMinutes(15), 100_000, clock);
    }

    @PreAuthorize("hasRole('TEACHER')")
    @Transactional
    public ClassSummary createClass(String name) {
        SignedInUser teacher = currentUser.require();
        String validName = AccountRules.className(name);
        if (classrooms.findByNameAndTeacherId(validName, teacher.userId()).isPresent()) {
            throw new InvalidInputException("className", "validation.className.taken", validName);
        }
        Classroom created = classrooms.saveAndFlush(
                new Classroom(validName, uniqueJoinCode(), teacher.userId(), clock.instant()));
        return summary(created, 0);
    }

    @PreAuthorize("hasRole('TEACHER')")
    @Transactional(readOnly = true)
    public List<ClassSummary> myClasses() {
        SignedInUser teacher = currentUser.require();
        List<Classroom> own = classrooms.findByTeacherIdOrderByCreatedAtDesc(teacher.userId());
        Map<Long, Long> counts = enrollments.findByClassroomIdIn(own.stream().map(Classroom::getId).toList())
                .stream().collect(Collectors.groupingBy(Enrollment::getClassroomId, Collectors.counting()));
        return own.stream().map(c -> summary(c, counts.getOrDefault(c.getId(), 0L))).toList();
    }

    @PreAuthorize("hasRole('TEACHER')")
    @Transactional(readOnly = true)
    public List<ClassMember> members(long classId) {
        Classroom classroom = ownClass(classId);
        List<Enrollment> joined = enrollments.findByClassroomIdOrderByJoinedAtAsc(classroom.getId());
        Map<Long, UserAccount> students = accounts.findAllById(joined.stream().map(Enrollment::getStudentId).toList())
                .stream().collect(Collectors.toMap(UserAccount::getId, Function.identity()));
        return joined.stream().map(e -> {
            UserAccount student = students.get(e.getStudentId());
            return new ClassMember(student.getId(), student.getUsername(), student.getDisplayName(), e.getJoinedAt());
        }).toList();
    }

    /**
     * Whether the signed-in teacher may see this student's work: the student is in one of the teacher's classes
     * (an admin sees everyone's).
     */
    @PreAuthorize("hasRole('TEACHER')")
    @Transactional(readOnly = true)
    public boolean teachesStudent(long studentId) {
        SignedInUser teacher = currentUser.require();
        if (teacher.isAdmin()) {
            return true;
        }
        List<Long> own = classrooms.findByTeacherIdOrderByCreatedAtDesc(teacher.userId()).stream()
                .map(Classroom::getId).toList();
        return !own.isEmpty() && enrollments.findByClassroomIdIn(own).stream()
                .anyMatch(e -> e.getStudentId() == studentId);
    }

    /** Closes a class to new students (its code stops working) or opens it again; members stay either way. */
    @PreAuthorize("hasRole('TEACHER')")
    @Transactional
    public ClassSummary setJoiningOpen(long classId, boolean open) {
        Classroom classroom = ownClass(classId);
        classroom.setJoiningOpen(open);
        return summary(classroom, enrollments.countByClassroomId(classroom.getId()));
    }

    /** A new code for a class, e.g. after the old one was shared too widely; the old code stops working. */
    @PreAuthorize("hasRole('TEACHER')")
    @Transactional
    public ClassSummary newJoinCode(long classId) {
        Classroom classroom = ownClass(classId);
        classroom.setJoinCode(uniqueJoinCode());
        return summary(classroom, enrollments.countByClassroomId(classroom.getId()));
    }

    @PreAuthorize("hasRole('STUDENT')")
    @Transactional
    public JoinResult join(String typedCode) {
        SignedInUser student = currentUser.require();
        String throttleKey = "student:" + student.userId();
        Duration wait = wrongCodes.retryAfter(throttleKey);
        if (!wait.isZero()) {
            throw new InvalidInputException("joinCode", "join.tooManyAttempts", minutesToWait(wait));
        }
        Classroom classroom;
        try {
            classroom = joinable(typedCode);
        } catch (InvalidInputException wrong) {
            wrongCodes.recordFailure(throttleKey);
            throw wrong;
        }
        boolean already = enrollments.existsByClassroomIdAndStudentId(classroom.getId(), student.userId());
        if (!already) {
            enrollments.saveAndFlush(new Enrollment(classroom.getId(), student.userId(), clock.instant()));
        }
        return new JoinResult(joinedClass(classroom, clock.instant()), already);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<JoinedClass> myEnrollments() {
        SignedInUser student = currentUser.require();
        return enrollments.findByStudentIdOrderByJoinedAtDesc(student.userId()).stream()
                .map(e -> joinedClass(classrooms.findById(e.getClassroomId()).orElseThrow(), e.getJoinedAt()))
                .toList();
    }

    /** Refuses a code that leads to no class, before an account is created for it. */
    void requireJoinableCode(String typedCode) {
        joinable(typedCode);
    }

    /** Enrolls a just-created student; part of registration, which already checked the code. */
    void enroll(long studentId, String typedCode) {
        Classroom classroom = joinable(typedCode);
        enrollments.save(new Enrollment(classroom.getId(), studentId, clock.instant()));
    }

    private Classroom joinable(String typedCode) {
        if (typedCode == null || typedCode.isBlank()) {
            throw new InvalidInputException("joinCode", "join.codeRequired");
        }
        String code = JoinCodes.normalize(typedCode);
        if (code == null) {
            throw new InvalidInputException("joinCode", "join.codeFormat", JoinCodes.LENGTH);
        }
        Classroom classroom = classrooms.findByJoinCode(code)
                .orElseThrow(() -> new InvalidInputException("joinCode", "join.codeUnknown", JoinCodes.display(code)));
        if (!classroom.isJoiningOpen()) {
            throw new InvalidInputException("joinCode", "join.classClosed", classroom.getName());
        }
        return classroom;
    }

    private Classroom ownClass(long classId) {
        SignedInUser teacher = currentUser.require();
        Classroom classroom = classrooms.findById(classId)
                .orElseThrow(() -> new InvalidInputException("class", "classes.notFound"));
        if (classroom.getTeacherId() != teacher.userId() && !teacher.isAdmin()) {
            throw new AccessDeniedException("Class " + classId + " belongs to another teacher");
        }
        return classroom;
    }

    private String uniqueJoinCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = JoinCodes.generate();
            if (!classrooms.existsByJoinCode(code)) {
                return code;
            }
        }
        throw new DataIntegrityViolationException("No free join code after 20 attempts");
    }

    private JoinedClass joinedClass(Classroom classroom, Instant joinedAt) {
        String teacherName = accounts.findById(classroom.getTeacherId()).map(UserAccount::getDisplayName).orElse("");
        return new JoinedClass(classroom.getId(), classroom.getName(), teacherName, joinedAt);
    }

    private static ClassSummary summary(Classroom c, long studentCount) {
        return new ClassSummary(c.getId(), c.getName(), JoinCodes.display(c.getJoinCode()), studentCount,
                c.getCreatedAt(), c.isJoiningOpen());
    }

    static long minutesToWait(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
