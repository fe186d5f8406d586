package org.latentlab.quiz;

import java.util.List;

import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.quiz.format.ExportOutcome;
import org.latentlab.quiz.format.GiftFormat;
import org.latentlab.quiz.format.ImportOutcome;
import org.latentlab.quiz.format.QuizAppFormat;
import org.latentlab.quiz.format.QuizFormatException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports quizzes from the curriculum's quiz-app JSON and from Moodle's GIFT, and exports to both. A bad file is
 * refused as a whole ({@link QuizFormatException}, nothing stored); within a good file, questions we cannot use are
 * skipped and named in the report. Imported quizzes become new versions of the quizzes on offer.
 */
@Service
public class QuizImportService {

    public enum Format {
        QUIZ_APP("quiz-app"), GIFT("gift");

        private final String cliName;

        Format(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }

        public static java.util.Optional<Format> fromCliName(String name) {
            return java.util.Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst();
        }
    }

    private final QuizCatalog catalog;

    QuizImportService(QuizCatalog catalog) {
        this.catalog = catalog;
    }

    /** Reads a file without storing anything. */
    public static ImportOutcome read(byte[] content, String fileName, Format format, Language language) {
        return read(content, fileName, format, ContentLanguage.of(language));
    }

    /** Reads a file whose texts are in any language, without storing anything. */
    public static ImportOutcome read(byte[] content, String fileName, Format format, ContentLanguage language) {
        return switch (format) {
            case QUIZ_APP -> QuizAppFormat.read(content, fileName, language);
            case GIFT -> GiftFormat.read(content, fileName, language);
        };
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ImportOutcome preview(byte[] content, String fileName, Format format, ContentLanguage language) {
        return read(content, fileName, format, language);
    }

    /** Offers the previewed quizzes (each a new version if a quiz with its id exists). */
    @PreAuthorize("hasRole('ADMIN')")
    public List<QuizCatalog.QuizVersion> add(List<Quiz> quizzes) {
        return quizzes.stream().map(catalog::addImported).toList();
    }

    @PreAuthorize("hasRole('TEACHER')")
    public ExportOutcome export(String quizId, Format format, Language language) {
        Quiz quiz = catalog.active(quizId).orElseThrow(() -> new org.latentlab.base.InvalidInputException("quiz",
                "quiz.notFound", quizId)).quiz();
        return switch (format) {
            case QUIZ_APP -> QuizAppFormat.export(List.of(quiz), language, QuizAppFormat.Labels.english());
            case GIFT -> GiftFormat.export(quiz, language);
        };
    }
}
