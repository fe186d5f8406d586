package org.latentlab.lesson.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the import report.
 *
 * @param severity how much it matters
 * @param key      the message key, for translation ({@code lesson.import.*})
 * @param english  the English text with the arguments filled in
 * @param line     the 1-based line of the uploaded file it refers to, or {@code null} when it concerns the whole file
 * @param args     the arguments of the message, in placeholder order ({0}, {1}, ...)
 */
public record ImportMessage(Severity severity, String key, String english, Integer line, List<Object> args) {

    public ImportMessage {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(english, "english");
        args = List.copyOf(args);
    }

    /** An entry for a whole-file matter. */
    public static ImportMessage of(ImportMessageKey key, Object... args) {
        return at(key, null, args);
    }

    /** An entry for a line of the uploaded file ({@code null} for the whole file). */
    public static ImportMessage at(ImportMessageKey key, Integer line, Object... args) {
        return new ImportMessage(key.severity(), key.key(), key.english(args), line, Arrays.asList(args));
    }

    public boolean is(ImportMessageKey wanted) {
        return key.equals(wanted.key());
    }

    @Override
    public String toString() {
        return severity + " " + key + (line == null ? "" : " (line " + line + ")") + ": " + english;
    }
}
