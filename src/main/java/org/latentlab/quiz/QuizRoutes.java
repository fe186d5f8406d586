package org.latentlab.quiz;

import org.latentlab.base.ui.RouteLocation;
import org.latentlab.quiz.ui.AttemptResultView;
import org.latentlab.quiz.ui.PrintableResultsView;
import org.latentlab.quiz.ui.QuizView;
import org.latentlab.quiz.ui.QuizzesView;
import org.latentlab.quiz.ui.ResultsView;

/**
 * Where the quiz pages are, for links from other modules (whose code may not name the views) and from the quiz
 * pages themselves. Built from the views' own routes, so a renamed route cannot leave a link behind.
 */
public final class QuizRoutes {

    private QuizRoutes() {
    }

    /** The list of quizzes. */
    public static String quizzes() {
        return RouteLocation.of(QuizzesView.class);
    }

    /** The page where a student takes the quiz {@code quizId} (or continues her open attempt). */
    public static String quiz(String quizId) {
        return RouteLocation.of(QuizView.class, "quizId", quizId);
    }

    /** The result of one submitted attempt. */
    public static String attempt(long attemptId) {
        return RouteLocation.of(AttemptResultView.class, "attemptId", Long.toString(attemptId));
    }

    /** For teachers: the quiz results of their classes. */
    public static String results() {
        return RouteLocation.of(ResultsView.class);
    }

    /** A class's results as a page to print. */
    public static String printableResults(long classId) {
        return RouteLocation.of(PrintableResultsView.class, "classId", Long.toString(classId));
    }
}
