package org.latentlab.classroom;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only JSON for teachers' tools (e.g. a school's own roster sync). {@code /api/teacher/**} needs the teacher
 * role in the security filter, and the service checks again.
 */
@RestController
@RequestMapping("/api/teacher")
class TeacherApi {

    private final ClassroomService classrooms;

    TeacherApi(ClassroomService classrooms) {
        this.classrooms = classrooms;
    }

    @GetMapping("/classes")
    List<ClassSummary> classes() {
        return classrooms.myClasses();
    }

    @GetMapping("/classes/{classId}/members")
    List<ClassMember> members(@PathVariable long classId) {
        return classrooms.members(classId);
    }
}
