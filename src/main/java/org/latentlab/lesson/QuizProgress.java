package org.latentlab.lesson;

import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A submitted pre- or post-lesson quiz counts as done in the student's lesson progress. */
@Component
class QuizProgress {

    private final LessonProgressService progress;

    QuizProgress(LessonProgressService progress) {
        this.progress = progress;
    }

    @EventListener
    void on(QuizSubmitted submitted) {
        if (submitted.lesson() == null) {
            return;
        }
        if (submitted.kind() == Quiz.Kind.PRE_LESSON) {
            progress.record(submitted.studentId(), submitted.lesson(), ProgressItem.preQuiz());
        } else if (submitted.kind() == Quiz.Kind.POST_LESSON) {
            progress.record(submitted.studentId(), submitted.lesson(), ProgressItem.postQuiz());
        }
    }
}
