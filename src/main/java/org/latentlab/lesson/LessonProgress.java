package org.latentlab.lesson;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** What one student has done in one lesson. */
public record LessonProgress(String lessonId, int sectionCount, Set<String> sectionsReached, Set<String> widgetsUsed,
        boolean preQuizDone, boolean postQuizDone, Set<String> labsDone, boolean assignmentDone,
        Optional<String> lastSection, Optional<Instant> lastActivity) {

    public static final int WIDGET_COUNT = ProgressItem.WIDGETS.size();

    public boolean started() {
        return lastActivity.isPresent();
    }

    /** Share of the lesson's sections the student has reached, 0..1. */
    public double sectionShare() {
        return sectionCount == 0 ? 0 : Math.min(1.0, (double) sectionsReached.size() / sectionCount);
    }
}
