package org.latentlab.quiz;

import org.latentlab.classroom.ClassPage;
import org.springframework.stereotype.Component;

/** The class page leads to the quiz results of the teacher's classes. */
@Component
class ResultsClassPage implements ClassPage {

    @Override
    public String titleKey() {
        return "nav.results";
    }

    @Override
    public String location() {
        return QuizRoutes.results();
    }

    @Override
    public int order() {
        return 2;
    }
}
