package org.latentlab.lesson.importer;

/** How much an entry of the import report matters to the person importing a lesson. */
public enum Severity {
    /** Something the importer changed on purpose; nothing to do. */
    INFO,
    /** The lesson was imported, but a part of it could not be kept as it was (an image, a link). */
    WARNING,
    /** The file was read, but the result is not usable as a lesson as it stands. */
    ERROR
}
