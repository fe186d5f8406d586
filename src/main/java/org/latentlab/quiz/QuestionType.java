package org.latentlab.quiz;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question, with the names quiz files use. */
public enum QuestionType {
    SINGLE("single"),
    MULTIPLE("multiple"),
    TRUE_FALSE("true-false"),
    NUMERIC("numeric"),
    ORDER("order");

    private final String fileName;

    QuestionType(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public static Optional<QuestionType> fromFileName(String name) {
        return Arrays.stream(values()).filter(t -> t.fileName.equals(name)).findFirst();
    }
}
