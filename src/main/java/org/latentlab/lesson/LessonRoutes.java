package org.latentlab.lesson;

import java.util.Map;

import org.latentlab.base.ui.RouteLocation;
import org.latentlab.lesson.ui.ClassProgressView;
import org.latentlab.lesson.ui.LessonView;
import org.latentlab.lesson.ui.LessonsView;

/**
 * Where the lesson pages are, for links from other modules (whose code may not name the views) and from the lesson
 * pages themselves. Built from the views' own routes, so a renamed route cannot leave a link behind.
 */
public final class LessonRoutes {

    private LessonRoutes() {
    }

    /** The list of lessons. */
    public static String lessons() {
        return RouteLocation.of(LessonsView.class);
    }

    /** A lesson from its start. */
    public static String lesson(String lessonId) {
        return RouteLocation.of(LessonView.class, "lessonId", lessonId);
    }

    /** A lesson scrolled to one of its sections. */
    public static String section(String lessonId, String sectionId) {
        return RouteLocation.of(LessonView.class, Map.of("lessonId", lessonId), Map.of("section", sectionId));
    }

    /** For teachers: how far the students of their classes have got. */
    public static String classProgress() {
        return RouteLocation.of(ClassProgressView.class);
    }
}
