package org.latentlab.lesson;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.latentlab.base.ContentLanguage;
import org.latentlab.base.CurrentUser;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.AccountService;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.lesson.importer.ImportMessage;
import org.latentlab.lesson.importer.ImportResult;
import org.latentlab.lesson.importer.LessonImporter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Imports lesson files of the public AI curriculum: cleans them (see {@link LessonImporter}), shows the result and
 * the report, and stores it as a new version of a curriculum lesson. Teachers and admins only; a file that cannot
 * be read as a lesson is refused with a clear message and stores nothing.
 */
@Service
public class LessonImportService {

    /** Quiz numbers of the curriculum's autoencoder lesson and our quizzes for them. */
    public static final Map<Integer, String> CURRICULUM_QUIZZES = Map.of(
            17, LessonCatalog.preQuizId(LessonCatalog.AUTOENCODERS),
            18, LessonCatalog.postQuizId(LessonCatalog.AUTOENCODERS));

    public static final String NOTEBOOK_BASE =
            "https://github.com/microsoft/AI-For-Beginners/blob/main/lessons/4-ComputerVision/09_Autoencoders/";

    /** What an import would store: the cleaned lesson and the report. */
    public record ImportPreview(String lessonId, ContentLanguage language, String fileName, ImportResult result) {
    }

    public record SavedImport(String lessonId, ContentLanguage language, int version) {
    }

    private final LessonRecords records;
    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final Clock clock;
    private final LessonImporter importer = new LessonImporter(CURRICULUM_QUIZZES, NOTEBOOK_BASE);

    LessonImportService(LessonRecords records, CurrentUser currentUser, AccountService accounts, Clock clock) {
        this.records = records;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Cleans a file without storing anything.
     *
     * @throws InvalidInputException when the file is not a lesson (empty, over 1 MB, not text) or the lesson id is
     *                               not valid
     */
    @PreAuthorize("hasRole('TEACHER')")
    public ImportPreview preview(byte[] content, String fileName, ContentLanguage language, String lessonId) {
        return read(content, fileName, language, lessonId);
    }

    /** The same for a lesson in one of the interface's languages. */
    @PreAuthorize("hasRole('TEACHER')")
    public ImportPreview preview(byte[] content, String fileName, Language language, String lessonId) {
        return read(content, fileName, ContentLanguage.of(language), lessonId);
    }

    /** The same for the command line, which has no signed-in user. */
    ImportPreview read(byte[] content, String fileName, ContentLanguage language, String lessonId) {
        String id = lessonId == null || lessonId.isBlank() ? suggestedLessonId(fileName) : lessonId.strip();
        if (!id.startsWith(LessonCatalog.IMPORTED_PREFIX)) {
            id = LessonCatalog.IMPORTED_PREFIX + id;
        }
        if (!LessonCatalog.LESSON_ID.matcher(id).matches()) {
            throw new InvalidInputException("lessonId", "lesson.import.lessonId", LessonCatalog.LESSON_ID.pattern());
        }
        ImportResult result = importer.importFile(content, fileName == null ? "lesson.md" : fileName,
                language.tag());
        return new ImportPreview(id, language, fileName, result);
    }

    /** Stores a previewed import as the newest version of that lesson in that language. */
    @PreAuthorize("hasRole('TEACHER')")
    public SavedImport save(ImportPreview preview) {
        SignedInUser teacher = currentUser.require();
        Optional<Long> owner = records.ownerOf(preview.lessonId());
        if (owner.isPresent() && owner.get() != teacher.userId() && !teacher.isAdmin()) {
            // Everyone reads imported lessons: only whoever imported one first (or an admin) may replace it.
            throw new InvalidInputException("lessonId", "lesson.import.notYours", preview.lessonId());
        }
        return store(preview, teacher.userId());
    }

    /** Stores an import made on the command line, in the name of the first administrator. */
    SavedImport saveFromCommandLine(ImportPreview preview) {
        return store(preview, accounts.firstAdminId().orElseThrow(() -> new IllegalStateException(
                "No administrator exists yet: start the app once and create one at /setup, then import again.")));
    }

    private SavedImport store(ImportPreview preview, long userId) {
        if (!preview.result().ok()) {
            throw new InvalidInputException("file", "lesson.import.notSaved");
        }
        String report = preview.result().messages().stream().map(ImportMessage::toString)
                .collect(Collectors.joining("\n"));
        int version = records.insertImported(preview.lessonId(), preview.language().tag(),
                truncate(preview.result().title(), 200), preview.result().markdown(),
                truncate(preview.fileName() == null ? "" : preview.fileName(), 200), report, userId,
                clock.instant());
        return new SavedImport(preview.lessonId(), preview.language(), version);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** "sw-autoencoders.md" and "autoencoders.he.md" both become "curriculum-autoencoders". */
    public static String suggestedLessonId(String fileName) {
        String base = withoutExtension(baseName(fileName));
        for (Language language : Language.values()) {
            String code = language.code();
            if (base.length() > code.length() && base.startsWith(code) && "-_.".indexOf(base.charAt(code.length())) >= 0) {
                base = base.substring(code.length() + 1);
            }
            if (base.length() > code.length() && base.endsWith(code)
                    && "-_.".indexOf(base.charAt(base.length() - code.length() - 1)) >= 0) {
                base = base.substring(0, base.length() - code.length() - 1);
            }
        }
        String slug = base.replaceAll("[^a-z0-9]++", "-");
        slug = trimHyphens(slug);
        slug = slug.isEmpty() ? "lesson" : slug;
        String id = LessonCatalog.IMPORTED_PREFIX + slug;
        return id.length() > 64 ? trimHyphens(id.substring(0, 64)) : id;
    }

    /** The file name without folders, in lower case; a name may be as long as the browser sends. */
    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT);
    }

    private static String withoutExtension(String base) {
        for (String extension : new String[] {".md", ".markdown", ".txt"}) {
            if (base.endsWith(extension)) {
                return base.substring(0, base.length() - extension.length());
            }
        }
        return base;
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }

    /** The language a file name suggests ("sw-autoencoders.md"), if any. */
    public static Optional<Language> suggestedLanguage(String fileName) {
        String base = baseName(fileName);
        String stem = withoutExtension(base);
        for (Language language : Language.values()) {
            String code = language.code();
            if (base.startsWith(code + "-") || base.startsWith(code + "_")
                    || !stem.equals(base) && stem.length() > code.length() && stem.endsWith(code)
                    && "-_.".indexOf(stem.charAt(stem.length() - code.length() - 1)) >= 0) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
