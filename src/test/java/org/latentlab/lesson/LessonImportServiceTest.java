package org.latentlab.lesson;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.ContentLanguage;
import org.latentlab.base.Language;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.access.AccessDeniedException;

@ApplicationTest
class LessonImportServiceTest {

    /** Our own small lesson in the curriculum's shape, with the damage its files carry. */
    static final String CURRICULUM_FILE = """
            # Mashine zinazojifunza

            ## [Jaribio kabla ya somo](https://ff-quizzes.netlify.app/en/ai/quiz/17)

            Maandishi yetu wenyewe \u2705 kuhusu autoencoders.

            ![Mchoro](../../images/schema.png)

            Angalia [daftari](AutoencodersPyTorch.ipynb).

            ## [Jaribio baada ya somo](https://red-field-0a6ddfd03.1.azurestaticapps.net/quiz/18)
            """;

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    LessonImportService imports;
    @Autowired
    LessonCatalog catalog;
    @Autowired
    LessonCommands commands;

    private static byte[] macRomanDamaged(String text) {
        // UTF-8 bytes read as Mac Roman, then saved again as UTF-8: the curriculum's emoji damage.
        String damaged = new String(text.getBytes(StandardCharsets.UTF_8), java.nio.charset.Charset.forName("x-MacRoman"));
        return damaged.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTeacherImportsACurriculumFileAndStudentsCanReadIt() {
        signIn.as(fixture.teacher("rivka"));
        LessonImportService.ImportPreview preview = imports.preview(macRomanDamaged(CURRICULUM_FILE),
                "sw-autoencoders.md", Language.SWAHILI, "");
        assertThat(preview.lessonId()).isEqualTo("curriculum-autoencoders");
        assertThat(preview.result().ok()).isTrue();
        String markdown = preview.result().markdown();
        assertThat(markdown).contains("\u2705").contains("(/quizzes/autoencoders-pre)")
                .contains("(/quizzes/autoencoders-post)").contains("image not available")
                .contains("https://github.com/microsoft/AI-For-Beginners/");

        LessonImportService.SavedImport first = imports.save(preview);
        LessonImportService.SavedImport second = imports.save(preview);
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);

        signIn.out();
        LessonCatalog.LessonText text = catalog.text("curriculum-autoencoders", Language.HEBREW).orElseThrow();
        assertThat(text.language()).isEqualTo(Language.SWAHILI);
        assertThat(text.fallback()).isTrue();
        assertThat(text.title()).isEqualTo("Mashine zinazojifunza");
        assertThat(catalog.lessons(Language.ENGLISH)).extracting(LessonCatalog.LessonSummary::id)
                .contains(LessonCatalog.AUTOENCODERS, "curriculum-autoencoders");
    }

    @Test
    void onlyTheTeacherWhoImportedALessonOrAnAdminMayReplaceIt() {
        AccountSummary rivka = fixture.teacher("rivka");
        AccountSummary other = fixture.teacher("other");
        signIn.as(rivka);
        imports.save(imports.preview(macRomanDamaged(CURRICULUM_FILE), "sw-autoencoders.md", Language.SWAHILI, ""));
        signIn.as(other);
        LessonImportService.ImportPreview mine = imports.preview("# Mine\n\nOther text.\n".getBytes(
                StandardCharsets.UTF_8), "autoencoders.md", Language.ENGLISH, "curriculum-autoencoders");
        assertThatThrownBy(() -> imports.save(mine)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lesson.import.notYours"));
        assertThat(catalog.text("curriculum-autoencoders", Language.ENGLISH).orElseThrow().title())
                .isEqualTo("Mashine zinazojifunza");
        signIn.as(fixture.account("admin"));
        assertThat(imports.save(mine).version()).isEqualTo(1);
        signIn.as(rivka);
        assertThat(imports.save(mine).version()).isEqualTo(2);
    }

    @Test
    void anImportedLessonIsRenderedOnceAndShowsNoPicturesFromOtherHosts() {
        signIn.as(fixture.teacher("rivka"));
        imports.save(imports.preview("# Pictures\n\n![a tracker](https://evil.example/pixel.png)\n"
                .getBytes(StandardCharsets.UTF_8), "pictures.md", Language.ENGLISH, "curriculum-pictures"));
        LessonCatalog.LessonText text = catalog.text("curriculum-pictures", Language.ENGLISH).orElseThrow();
        LessonRenderer.RenderedLesson first = catalog.rendered(text);
        assertThat(catalog.rendered(text)).isSameAs(first);
        String html = first.blocks().toString();
        assertThat(html).doesNotContain("evil.example").contains("[a tracker]");
    }

    @Test
    void badFilesAreRefusedWithAClearMessageAndNothingIsStored() {
        signIn.as(fixture.teacher("rivka"));
        assertThatThrownBy(() -> imports.preview(new byte[0], "empty.md", Language.ENGLISH, ""))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lesson.import.empty"));
        assertThatThrownBy(() -> imports.preview(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0},
                "picture.md", Language.ENGLISH, ""))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> imports.preview("# x".getBytes(StandardCharsets.UTF_8), "a.md", Language.ENGLISH,
                "Not An Id!"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lesson.import.lessonId"));
        assertThat(catalog.lessons(Language.ENGLISH)).extracting(LessonCatalog.LessonSummary::id)
                .containsExactly(LessonCatalog.AUTOENCODERS);
    }

    @Test
    void studentsCannotImport() {
        signIn.as(fixture.student("amina"));
        assertThatThrownBy(() -> imports.preview(CURRICULUM_FILE.getBytes(StandardCharsets.UTF_8), "x.md",
                Language.ENGLISH, "")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theCommandLineDryRunPrintsCleanMarkdownAndTheReportSeparately(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("sw-autoencoders.md");
        Files.write(file, macRomanDamaged(CURRICULUM_FILE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commands.run(new DefaultApplicationArguments("--import-lesson=" + file, "--lang=sw",
                "--dry-run"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("# Mashine zinazojifunza").contains("\u2705")
                .doesNotContain("INFO").doesNotContain("WARNING");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lesson.import.mojibakeRepaired")
                .contains("lesson.import.imageMissing");
        assertThat(catalog.lessons(Language.ENGLISH)).hasSize(1);

        Path empty = folder.resolve("empty.md");
        Files.writeString(empty, "   \n");
        err.reset();
        out.reset();
        exit = commands.run(new DefaultApplicationArguments("--import-lesson=" + empty, "--lang=sw",
                "--dry-run"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("empty");
        assertThat(out.size()).isZero();

        err.reset();
        exit = commands.run(new DefaultApplicationArguments("--import-lesson=" + file, "--lang=no tag"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\"no tag\" is not a language tag", "BCP 47");
    }

    @Test
    void theCommandLineImportsALessonInArabicAsWritten(@TempDir Path folder) throws Exception {
        String arabic = "# المشفرات التلقائية\n\nيضغط المُشفِّر الصورة إلى متجه صغير، ثم يعيد المُفكِّك رسمها منه.\n";
        Path file = folder.resolve("autoencoders.md");
        Files.writeString(file, arabic);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = commands.run(new DefaultApplicationArguments("--import-lesson=" + file, "--lang=ar",
                "--dry-run"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(arabic);
    }

    @Test
    void anArabicLessonIsStoredAndShownInArabicRightToLeftToAnEnglishReader() {
        signIn.as(fixture.teacher("rivka"));
        String arabic = "# المشفرات التلقائية\n\nيضغط المُشفِّر الصورة إلى متجه صغير.\n";
        LessonImportService.SavedImport saved = imports.save(imports.preview(arabic.getBytes(StandardCharsets.UTF_8),
                "autoencoders.md", ContentLanguage.parse("ar").orElseThrow(), "arabic-autoencoders"));

        LessonCatalog.LessonText text = catalog.text(saved.lessonId(), Language.ENGLISH).orElseThrow();

        assertThat(text.markdown()).isEqualTo(arabic);
        assertThat(text.content().tag()).isEqualTo("ar");
        assertThat(text.content().direction()).isEqualTo("rtl");
        assertThat(text.fallback()).isTrue();
    }
}
