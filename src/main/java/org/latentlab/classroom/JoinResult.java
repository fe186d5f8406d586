package org.latentlab.classroom;

/** The class a code led to, and whether the student was already in it (joining twice is harmless). */
public record JoinResult(JoinedClass joinedClass, boolean alreadyMember) {
}
