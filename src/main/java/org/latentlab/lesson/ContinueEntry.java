package org.latentlab.lesson;

import java.time.Instant;

/** Where a student left off: the lesson and the section they reached last. */
public record ContinueEntry(String lessonId, String lessonTitle, String sectionId, String sectionTitle,
        Instant at) {
}
