package org.latentlab.lesson.importer;

import java.io.Serial;

import org.latentlab.base.InvalidInputException;

/**
 * A refused file: empty, too large, binary, not decodable, or an unsupported language. It is an
 * {@link InvalidInputException} like every input the user can correct in Latent Lab, so views show it the usual way
 * (message key and arguments); {@link #report()} carries the same matter as a report entry with its English text.
 */
public class LessonImportException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ImportMessage report;

    public LessonImportException(String field, ImportMessageKey key, Integer line, Object... args) {
        super(field, key.key(), args);
        this.report = ImportMessage.at(key, line, args);
    }

    /** The refusal as a report entry: severity ERROR, key, English text, line (if any) and arguments. */
    public ImportMessage report() {
        return report;
    }

    public String key() {
        return report.key();
    }

    @Override
    public String getMessage() {
        return report.key() + ": " + report.english();
    }
}
