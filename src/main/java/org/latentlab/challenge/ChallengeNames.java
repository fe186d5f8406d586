package org.latentlab.challenge;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.ClassroomService;
import org.springframework.stereotype.Component;

/**
 * The names the pages show with challenges and submissions, which the classroom module keeps ({@link
 * ChallengeRecords} stores only ids). Who may see them is decided before, by {@link ChallengeAccess}.
 */
@Component
class ChallengeNames {

    private final ClassroomService classrooms;
    private final AccountService accounts;

    ChallengeNames(ClassroomService classrooms, AccountService accounts) {
        this.classrooms = classrooms;
        this.accounts = accounts;
    }

    /** The challenges with the names of their classes. */
    List<Challenge> withClassNames(List<Challenge> stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        Map<Long, String> names = classrooms.classNames(stored.stream().map(Challenge::classId).distinct().toList());
        return stored.stream().map(c -> c.withClassName(names.getOrDefault(c.classId(), ""))).toList();
    }

    /** The submissions with the names of their students. */
    List<Submission> withStudentNames(List<Submission> stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        Collection<Long> students = stored.stream().map(Submission::studentId).distinct().toList();
        Map<Long, String> names = accounts.displayNames(students);
        return stored.stream().map(s -> s.withStudentName(names.getOrDefault(s.studentId(), ""))).toList();
    }
}
