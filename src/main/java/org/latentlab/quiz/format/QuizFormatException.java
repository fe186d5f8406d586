package org.latentlab.quiz.format;

import java.io.Serial;

/**
 * A quiz file that cannot be used. The message names the file, where in it the problem is (a question, by id or
 * 1-based number; absent for the whole file) and the problem, in English, e.g.
 * {@code autoencoders-post.json, question "kl-term": a single-choice question needs exactly one correct option
 * (found 2)}.
 */
public class QuizFormatException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String where;
    private final String problem;

    public QuizFormatException(String fileName, String where, String problem) {
        this(fileName, where, problem, null);
    }

    public QuizFormatException(String fileName, String where, String problem, Throwable cause) {
        super(message(fileName, where, problem), cause);
        this.fileName = fileName;
        this.where = where;
        this.problem = problem;
    }

    private static String message(String fileName, String where, String problem) {
        StringBuilder message = new StringBuilder(fileName == null || fileName.isBlank() ? "quiz" : fileName);
        if (where != null && !where.isBlank()) {
            message.append(", ").append(where);
        }
        return message.append(": ").append(problem).toString();
    }

    /** The file the problem is in, as given by the caller. */
    public String fileName() {
        return fileName;
    }

    /** Where in the file, e.g. {@code question "kl-term"} or {@code question 3}; null for the whole file. */
    public String where() {
        return where;
    }

    /** The problem alone, without file and place. */
    public String problem() {
        return problem;
    }
}
