package org.latentlab.quiz.format;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** An exported file and what could not be expressed in its format (skipped questions, dropped details). */
public record ExportOutcome(String text, List<ImportNote> notes) {

    public ExportOutcome {
        notes = List.copyOf(notes);
    }

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
