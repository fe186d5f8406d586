package org.latentlab.classroom;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A class a teacher runs; students join it with its join code. */
@Entity
@Table(name = "classroom")
class Classroom {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(name = "join_code", nullable = false, unique = true, length = 16)
    private String joinCode;

    @Column(name = "teacher_id", nullable = false)
    private Long teacherId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "joining_open", nullable = false)
    private boolean joiningOpen = true;

    @Version
    private long version;

    protected Classroom() {
    }

    Classroom(String name, String joinCode, long teacherId, Instant createdAt) {
        this.name = name;
        this.joinCode = joinCode;
        this.teacherId = teacherId;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getJoinCode() {
        return joinCode;
    }

    boolean isJoiningOpen() {
        return joiningOpen;
    }

    void setJoiningOpen(boolean joiningOpen) {
        this.joiningOpen = joiningOpen;
    }

    void setJoinCode(String joinCode) {
        this.joinCode = joinCode;
    }

    long getTeacherId() {
        return teacherId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
