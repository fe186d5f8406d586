package org.latentlab.quiz;

import java.util.List;
import java.util.Optional;

/**
 * A quiz as defined in a file of {@code quizzes/} (or imported): what the student is asked and how it is scored.
 * {@code lesson} and {@code experiment} may be null (imported quizzes belong to no lesson).
 */
public record Quiz(String id, String lesson, Kind kind, String experiment, LocalizedText title, QuizPolicy policy,
        List<Question> questions) {

    public enum Kind {
        PRE_LESSON("pre-lesson"), POST_LESSON("post-lesson"), LAB("lab"), PRACTICE("practice");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        public static Optional<Kind> fromFileName(String name) {
            return java.util.Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst();
        }
    }

    public Quiz {
        questions = List.copyOf(questions);
        policy = policy == null ? QuizPolicy.defaults() : policy;
    }

    public int maxPoints() {
        return questions.stream().mapToInt(Question::points).sum();
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
