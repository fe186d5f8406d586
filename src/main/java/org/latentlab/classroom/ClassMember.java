package org.latentlab.classroom;

import java.time.Instant;

/** A student in a teacher's class. */
public record ClassMember(long studentId, String username, String displayName, Instant joinedAt) {
}
