package org.latentlab.lesson.importer;

import java.util.List;

/**
 * What the importer made of a lesson file.
 *
 * @param markdown the cleaned lesson: Markdown, lines ending in "\n", NFC normalised
 * @param title    the text of the first level 1 heading, or {@code null} when there is none
 * @param messages the report, in the order the importer met the matters
 */
public record ImportResult(String markdown, String title, List<ImportMessage> messages) {

    public ImportResult {
        messages = List.copyOf(messages);
    }

    /** True when nothing in the report stands in the way of using the lesson (no entry of severity ERROR). */
    public boolean ok() {
        return messages.stream().noneMatch(m -> m.severity() == Severity.ERROR);
    }

    public List<ImportMessage> messages(Severity severity) {
        return messages.stream().filter(m -> m.severity() == severity).toList();
    }

    public List<ImportMessage> messages(ImportMessageKey key) {
        return messages.stream().filter(m -> m.is(key)).toList();
    }
}
