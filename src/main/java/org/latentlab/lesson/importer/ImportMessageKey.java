package org.latentlab.lesson.importer;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * Every entry the importer can report, with its message key, its severity and its English text. The key is what the
 * user interface translates; the English text is the same as in {@code import-messages.properties} next to this
 * class (a test keeps the two in step), so a report is readable even where no translation exists yet.
 *
 * <p>The texts are {@link MessageFormat} patterns; they contain no apostrophes, which MessageFormat would swallow.
 */
public enum ImportMessageKey {

    // Refusals: the file cannot be read as a lesson at all (thrown as LessonImportException).
    EMPTY("lesson.import.empty", Severity.ERROR, "The file {0} is empty or contains only white space."),
    TOO_LARGE("lesson.import.tooLarge", Severity.ERROR, "The file {0} is too large: {1} bytes, the limit is {2} bytes."),
    BINARY("lesson.import.binary", Severity.ERROR, "The file {0} is not a text file: it looks like {1}."),
    NUL_BYTES("lesson.import.nulBytes", Severity.ERROR,
            "The file {0} is not a text file: it contains NUL bytes (the first at byte {1})."),
    INVALID_ENCODING("lesson.import.invalidEncoding", Severity.ERROR,
            "The file {0} is not valid {1} text: the bytes at offset {2} cannot be decoded."),
    CONTROL_CHARACTERS("lesson.import.controlCharacters", Severity.ERROR,
            "The file {0} is not a text file: {1} of its {2} characters are control characters."),
    UNSUPPORTED_LANGUAGE("lesson.import.unsupportedLanguage", Severity.ERROR,
            "\"{0}\" is not a language tag; write one as in BCP 47, for example {1}."),

    // The file was read, but the result cannot be used as a lesson as it stands.
    NO_TITLE("lesson.import.noTitle", Severity.ERROR,
            "The lesson has no title: no level 1 heading (a line starting with \"# \") was found."),

    // Changes made on purpose.
    BYTE_ORDER_MARK("lesson.import.byteOrderMark", Severity.INFO,
            "The file starts with a {0} byte order mark; it was read as {0} and the mark was removed."),
    MOJIBAKE_REPAIRED("lesson.import.mojibakeRepaired", Severity.INFO,
            "Damaged characters repaired: {0} (UTF-8 text that had been decoded as {1})."),
    LOST_BYTE_INFERRED("lesson.import.lostByteInferred", Severity.INFO,
            "One or more bytes of the damaged characters \"{0}\" had been lost; they were read as \"{1}\", by far"
                    + " the most common of the possible readings."),
    METADATA_REMOVED("lesson.import.metadataRemoved", Severity.INFO, "Removed the translator metadata comment."),
    DISCLAIMER_REMOVED("lesson.import.disclaimerRemoved", Severity.INFO,
            "Removed the machine translation disclaimer."),
    TRAILING_RULE_REMOVED("lesson.import.trailingRuleRemoved", Severity.INFO,
            "Removed the horizontal rule (---) at the end of the lesson."),
    QUIZ_LINKED("lesson.import.quizLinked", Severity.INFO,
            "Quiz {0} of the curriculum now links to the quiz {1} of Latent Lab."),
    NOTEBOOK_LINKED("lesson.import.notebookLinked", Severity.INFO, "The notebook {0} now links to GitHub: {1}"),

    // Parts that could not be kept as they were.
    LOST_BYTE_UNDECIDED("lesson.import.lostByteUndecided", Severity.WARNING,
            "One or more bytes of the damaged characters \"{0}\" had been lost and they could be any of {1}; they were"
                    + " left as they are."),
    LOST_BYTES_UNREAD("lesson.import.lostBytesUnread", Severity.WARNING,
            "Several bytes of the damaged characters \"{0}\" had been lost, too many to read them; they were left as"
                    + " they are."),
    LOST_BYTES_MORE("lesson.import.lostBytesMore", Severity.WARNING,
            "{0} more places where bytes had been lost, on lines {1} to {2}: {3} read, {4} left as they were. Only the"
                    + " first {5} are listed one by one."),
    QUIZ_UNMAPPED("lesson.import.quizUnmapped", Severity.WARNING,
            "Quiz {0} of the curriculum has no quiz in Latent Lab; the link stays an external link to {1}."),
    IMAGE_MISSING("lesson.import.imageMissing", Severity.WARNING,
            "The image {0} is not available; a placeholder is shown instead."),
    RELATIVE_LINK_REMOVED("lesson.import.relativeLinkRemoved", Severity.WARNING,
            "The link to {1} points to a file that is not available; only its text \"{0}\" was kept.");

    private final String key;
    private final Severity severity;
    private final String english;

    ImportMessageKey(String key, Severity severity, String english) {
        this.key = key;
        this.severity = severity;
        this.english = english;
    }

    /** The message key, as used in the message bundles. */
    public String key() {
        return key;
    }

    public Severity severity() {
        return severity;
    }

    /** The English pattern, with {0}-style placeholders. */
    public String englishPattern() {
        return english;
    }

    /** The English text with the arguments filled in. */
    public String english(Object... args) {
        return new MessageFormat(english, Locale.ENGLISH).format(args);
    }
}
