package org.latentlab.quiz;

import static org.latentlab.base.CommandLineModes.value;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.latentlab.base.CommandLineMode;
import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.quiz.format.ImportNote;
import org.latentlab.quiz.format.ImportOutcome;
import org.latentlab.quiz.format.QuizFiles;
import org.latentlab.quiz.format.QuizFormatException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code --import-quiz=<file> --format=quiz-app|gift [--lang=<tag>] [--dry-run]}: reads quizzes of another format.
 * With {@code --dry-run} it prints them in our own file format on standard output (one quiz: its file; several: a
 * JSON array of them) and the report on standard error; without it they are added to the quizzes on offer. Exits 1
 * with a clear message on a bad file or bad arguments.
 */
@Component
class QuizCommands implements CommandLineMode {

    private final QuizCatalog catalog;

    QuizCommands(QuizCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "import-quiz";
    }

    @Override
    public String description() {
        return "--import-quiz=<file> --format=quiz-app|gift [--lang=<tag>] [--dry-run]: imports quizzes of another "
                + "format";
    }

    @Override
    public int run(ApplicationArguments args, PrintStream out, PrintStream err) {
        String file = value(args, "import-quiz");
        Optional<QuizImportService.Format> format = Optional.ofNullable(value(args, "format"))
                .flatMap(QuizImportService.Format::fromCliName);
        if (file == null || format.isEmpty()) {
            err.println("error: use --import-quiz=<file> --format=quiz-app|gift [--lang=<tag>] [--dry-run]");
            return 1;
        }
        String code = value(args, "lang");
        // Any well-formed BCP 47 tag: the curriculum's quizzes come in far more languages than the interface's.
        Optional<ContentLanguage> language = code == null ? Optional.of(ContentLanguage.of(Language.ENGLISH))
                : ContentLanguage.parse(code);
        if (language.isEmpty()) {
            err.println("error: \"" + code + "\" is not a language tag; write a BCP 47 tag, for example "
                    + "en, ar, ja, zh-Hant, pt-BR");
            return 1;
        }
        Path path = Path.of(file);
        byte[] content;
        try (InputStream in = Files.newInputStream(path)) {
            // One byte more than the importers accept, so that a huge file is refused without reading it whole.
            content = in.readNBytes(2 * 1024 * 1024 + 1);
        } catch (IOException e) {
            err.println("error: cannot read " + path + ": " + e.getMessage());
            return 1;
        }
        ImportOutcome outcome;
        try {
            outcome = QuizImportService.read(content, path.getFileName().toString(), format.get(), language.get());
        } catch (QuizFormatException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        for (ImportNote note : outcome.notes()) {
            err.println(note);
        }
        List<Quiz> quizzes = outcome.quizzes();
        if (args.containsOption("dry-run")) {
            if (quizzes.size() == 1) {
                out.print(QuizFiles.write(quizzes.getFirst()));
            } else {
                out.print("[\n" + String.join(",\n", quizzes.stream().map(QuizFiles::write).map(String::strip)
                        .toList()) + "\n]\n");
            }
            out.flush();
            return 0;
        }
        for (Quiz quiz : quizzes) {
            QuizCatalog.StoredVersion stored = catalog.store(quiz, "IMPORT");
            err.println("stored " + quiz.id() + " version " + stored.version().version());
        }
        return 0;
    }
}
