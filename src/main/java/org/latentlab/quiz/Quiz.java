package org.latentlab.quiz;

import java.util.List;
import java.util.Optional;

import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;

/**
 * A quiz as defined in a file of {@code quizzes/} (or imported): what the student is asked and how it is scored.
 * {@code lesson} and {@code experiment} may be null (imported quizzes belong to no lesson). {@code content} is
 * null, or the language of an imported quiz whose language the interface does not speak (Japanese, Arabic): its
 * texts are kept under English, the language every reader falls back to, and shown in their own language and
 * direction whatever the reader's.
 */
public record Quiz(String id, String lesson, Kind kind, String experiment, LocalizedText title, QuizPolicy policy,
        List<Question> questions, ContentLanguage content) {

    /** A quiz in the interface's languages. */
    public Quiz(String id, String lesson, Kind kind, String experiment, LocalizedText title, QuizPolicy policy,
            List<Question> questions) {
        this(id, lesson, kind, experiment, title, policy, questions, null);
    }

    /** The key its texts are kept under: for content in another language, English. */
    public static Language textKey(ContentLanguage language) {
        return language.uiLanguage().orElse(Language.ENGLISH);
    }

    /** The language of the content when it is one the interface does not speak, else null. */
    public static ContentLanguage foreign(ContentLanguage language) {
        return language.uiLanguage().isPresent() ? null : language;
    }

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
