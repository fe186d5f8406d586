package org.latentlab.challenge;

import java.time.Clock;
import java.util.List;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomService;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a challenge, the one check every challenge service makes: the teacher of its class (or an
 * admin) runs it, the students of its class take part, and anyone else, like any made-up id, is told "not found", as
 * if it did not exist. Teachers of other classes are outsiders too. Roles are checked once more by the services'
 * {@code @PreAuthorize}.
 */
@Component
class ChallengeAccess {

    private final ChallengeRecords records;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final ChallengeNames names;
    private final Clock clock;

    ChallengeAccess(ChallengeRecords records, CurrentUser currentUser, ClassroomService classrooms,
            ChallengeNames names, Clock clock) {
        this.records = records;
        this.currentUser = currentUser;
        this.classrooms = classrooms;
        this.names = names;
        this.clock = clock;
    }

    /** The signed-in user; nobody signed in is refused. */
    SignedInUser user() {
        return currentUser.require();
    }

    /** Refuses a class that is not one of the signed-in teacher's own: challenges are opened for one's classes only. */
    void requireOwnClass(long classId) {
        if (classrooms.myClasses().stream().noneMatch(c -> c.id() == classId)) {
            throw new InvalidInputException("classId", "challenge.classUnknown");
        }
    }

    /** A teacher's challenges (all their classes) or a student's (the classes they are in), newest first. */
    List<Challenge> visible() {
        SignedInUser user = currentUser.require();
        List<Long> classIds = user.isTeacher() ? classrooms.myClasses().stream().map(ClassSummary::id).toList()
                : classrooms.myClassIds();
        return names.withClassNames(records.forClasses(classIds, clock.instant()));
    }

    /** A challenge the signed-in user may see: one they run, or one of a class they are a student of. */
    Challenge readable(long id) {
        SignedInUser user = currentUser.require();
        Challenge challenge = stored(id);
        if (manages(challenge)) {
            return challenge;
        }
        boolean member = !user.isTeacher() && classrooms.myClassIds().contains(challenge.classId());
        if (!member) {
            throw notFound();
        }
        return challenge;
    }

    /** A challenge the signed-in user runs; to its students, as to everyone else, it is not found. */
    Challenge managed(long id) {
        Challenge challenge = readable(id);
        if (!manages(challenge)) {
            throw notFound();
        }
        return challenge;
    }

    /** Whether the signed-in user runs this challenge: the teacher of its class, or an admin. */
    boolean manages(Challenge challenge) {
        SignedInUser user = currentUser.require();
        if (!user.isTeacher()) {
            return false;
        }
        return user.isAdmin() || classrooms.myClasses().stream().anyMatch(c -> c.id() == challenge.classId());
    }

    /**
     * The challenge as stored now, with its class's name, without a check: for a service that has checked already
     * and reads it again after a change.
     */
    Challenge stored(long id) {
        return names.withClassNames(List.of(records.find(id, clock.instant()).orElseThrow(ChallengeAccess::notFound)))
                .getFirst();
    }

    private static InvalidInputException notFound() {
        return new InvalidInputException("challenge", "challenge.notFound");
    }
}
