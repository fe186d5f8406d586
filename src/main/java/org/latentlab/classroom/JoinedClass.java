package org.latentlab.classroom;

import java.time.Instant;

/** A class as a student sees it: its name, its teacher, when they joined. */
public record JoinedClass(long classId, String name, String teacherName, Instant joinedAt) {
}
