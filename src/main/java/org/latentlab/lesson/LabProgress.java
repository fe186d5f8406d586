package org.latentlab.lesson;

import org.latentlab.lab.AssignmentSubmitted;
import org.latentlab.lab.LabRunFinished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A finished Lab exercise and a handed-in assignment count as done in the student's lesson progress. */
@Component
class LabProgress {

    private final LessonProgressService progress;

    LabProgress(LessonProgressService progress) {
        this.progress = progress;
    }

    @EventListener
    void on(LabRunFinished finished) {
        progress.record(finished.ownerId(), finished.lesson(), ProgressItem.lab(finished.experiment()));
    }

    @EventListener
    void on(AssignmentSubmitted submitted) {
        progress.record(submitted.studentId(), submitted.lesson(), ProgressItem.assignment());
    }
}
