package org.latentlab.quiz;

import org.latentlab.base.BroadcastEvent;

/** Published after an attempt is submitted (once per attempt): lesson progress and teachers' dashboards follow. */
public record QuizSubmitted(long attemptId, String quizId, String lesson, Quiz.Kind kind, long studentId,
        double score, double maxScore) implements BroadcastEvent {
}
