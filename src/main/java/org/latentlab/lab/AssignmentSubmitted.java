package org.latentlab.lab;

/** Published when a student hands in (or replaces) their assignment: the lesson counts it as done. */
public record AssignmentSubmitted(long studentId, String lesson) {
}
