package org.latentlab.lesson;

/** A class member and their progress in a lesson, for the teacher. */
public record StudentProgress(long studentId, String username, String displayName, LessonProgress progress) {
}
