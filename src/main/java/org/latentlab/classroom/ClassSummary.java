package org.latentlab.classroom;

import java.time.Instant;

/** A class as its teacher sees it in the list. */
public record ClassSummary(long id, String name, String joinCode, long studentCount, Instant createdAt,
        boolean joiningOpen) {
}
