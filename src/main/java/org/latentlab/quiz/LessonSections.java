package org.latentlab.quiz;

/**
 * Where a section of a lesson is, for the "re-read this" link under a question answered wrongly. The lesson module
 * provides it: lessons link to their quizzes, so the quiz module cannot name the lesson's route without a cycle.
 */
public interface LessonSections {

    /** The location of {@code sectionId} in the lesson {@code lessonId}. */
    String location(String lessonId, String sectionId);
}
