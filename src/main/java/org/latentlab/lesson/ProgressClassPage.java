package org.latentlab.lesson;

import org.latentlab.classroom.ClassPage;
import org.springframework.stereotype.Component;

/** The class page leads to the lesson progress of the teacher's classes. */
@Component
class ProgressClassPage implements ClassPage {

    @Override
    public String titleKey() {
        return "nav.progress";
    }

    @Override
    public String location() {
        return LessonRoutes.classProgress();
    }

    @Override
    public int order() {
        return 1;
    }
}
