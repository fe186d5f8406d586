package org.latentlab.lesson;

import org.latentlab.quiz.LessonSections;
import org.springframework.stereotype.Component;

/** Gives the quiz module the lesson's section links, which it cannot name itself. */
@Component
class LessonSectionLocations implements LessonSections {

    @Override
    public String location(String lessonId, String sectionId) {
        return LessonRoutes.section(lessonId, sectionId);
    }
}
