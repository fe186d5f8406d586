package org.latentlab.classroom;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A student's membership of a class. */
@Entity
@Table(name = "enrollment")
class Enrollment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected Enrollment() {
    }

    Enrollment(long classroomId, long studentId, Instant joinedAt) {
        this.classroomId = classroomId;
        this.studentId = studentId;
        this.joinedAt = joinedAt;
    }

    Long getClassroomId() {
        return classroomId;
    }

    Long getStudentId() {
        return studentId;
    }

    Instant getJoinedAt() {
        return joinedAt;
    }
}
