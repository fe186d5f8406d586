package org.latentlab.lesson;

import static org.latentlab.base.CommandLineModes.value;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.latentlab.base.CommandLineMode;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.base.Translations;
import org.latentlab.lesson.importer.ImportMessage;
import org.latentlab.lesson.importer.LessonImportException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code --import-lesson=<file> --lang=<tag> [--lesson-id=<id>] [--dry-run]}: imports a lesson file of the public
 * curriculum. With {@code --dry-run} the cleaned Markdown goes to standard output and the report to standard error,
 * and nothing is stored; without it the lesson is stored as a new version. Exits 1 with a clear message on a bad
 * file or bad arguments, 0 otherwise.
 */
@Component
class LessonCommands implements CommandLineMode {

    private final LessonImportService imports;
    private final Translations translations;

    LessonCommands(LessonImportService imports, Translations translations) {
        this.imports = imports;
        this.translations = translations;
    }

    @Override
    public String name() {
        return "import-lesson";
    }

    @Override
    public String description() {
        return "--import-lesson=<file> --lang=<tag> [--lesson-id=<id>] [--dry-run]: imports a lesson file";
    }

    @Override
    public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
        String file = value(args, "import-lesson");
        if (file == null) {
            err.println("error: --import-lesson needs a file: --import-lesson=<file> --lang=<tag> [--dry-run]");
            return 1;
        }
        String code = value(args, "lang");
        // Any well-formed BCP 47 tag: the curriculum's lessons come in far more languages than the interface's.
        ContentLanguage language = code == null
                ? LessonImportService.suggestedLanguage(file).map(ContentLanguage::of).orElse(null)
                : ContentLanguage.parse(code).orElse(null);
        if (language == null) {
            err.println("error: " + (code == null ? "--lang=<tag> is missing" : "\"" + code
                    + "\" is not a language tag") + "; write a BCP 47 tag, for example "
                    + org.latentlab.lesson.importer.LessonImporter.EXAMPLE_TAGS);
            return 1;
        }
        Path path = Path.of(file);
        byte[] content;
        try {
            if (!Files.isRegularFile(path)) {
                err.println("error: " + path + " is not a readable file");
                return 1;
            }
            // Read at most one byte more than the limit: a huge file is refused without loading it whole.
            try (var in = Files.newInputStream(path)) {
                content = in.readNBytes(1_048_577);
            }
        } catch (IOException e) {
            err.println("error: cannot read " + path + ": " + e.getMessage());
            return 1;
        }
        try {
            LessonImportService.ImportPreview preview = imports.read(content, path.getFileName().toString(), language,
                    value(args, "lesson-id"));
            List<ImportMessage> messages = preview.result().messages();
            for (ImportMessage message : messages) {
                err.println(message);
            }
            if (!preview.result().ok()) {
                err.println("error: the file cannot be used as a lesson (see the ERROR lines above)");
                return 1;
            }
            if (args.containsOption("dry-run")) {
                out.print(preview.result().markdown());
                out.flush();
                return 0;
            }
            LessonImportService.SavedImport saved = imports.saveFromCommandLine(preview);
            err.println("stored " + saved.lessonId() + " (" + saved.language().tag() + ") version "
                    + saved.version());
            return 0;
        } catch (LessonImportException refused) {
            err.println("error: " + refused.report().english());
            return 1;
        } catch (InvalidInputException refused) {
            err.println("error: " + translations.getTranslation(refused.messageKey(), Language.ENGLISH.locale(),
                    refused.arguments()));
            return 1;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
