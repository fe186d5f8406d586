package org.latentlab.quiz.format;

/**
 * Something an import or export wants the teacher to know: a skipped question, removed HTML, an ignored line.
 *
 * @param severity how much it matters
 * @param message what happened, in English
 * @param where the place in the file, e.g. {@code question 3 "Capitals"}; null for the whole file
 */
public record ImportNote(Severity severity, String message, String where) {

    public enum Severity {
        /** Nothing was lost (e.g. an ignored category line). */
        INFO,
        /** Something was changed or left out (e.g. a question type we do not support, removed HTML). */
        WARNING,
        /** Something was wrong in the file and was left out (e.g. a question without a correct answer). */
        ERROR
    }

    public static ImportNote info(String where, String message) {
        return new ImportNote(Severity.INFO, message, where);
    }

    public static ImportNote warning(String where, String message) {
        return new ImportNote(Severity.WARNING, message, where);
    }

    public static ImportNote error(String where, String message) {
        return new ImportNote(Severity.ERROR, message, where);
    }

    @Override
    public String toString() {
        return severity + (where == null ? "" : " " + where) + ": " + message;
    }
}
