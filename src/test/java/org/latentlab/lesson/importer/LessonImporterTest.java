package org.latentlab.lesson.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LessonImporterTest {

    private final LessonImporter importer = new LessonImporter(Map.of(17, "autoencoders-pre", 18, "autoencoders-post"),
            LinkRewriter.DEFAULT_NOTEBOOK_BASE);

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = LessonImporterTest.class.getResourceAsStream("/lesson-import/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void cleansANoisyLessonCompletely() throws IOException {
        ImportResult result = importer.importFile(fixture("noisy-lesson.md"), "noisy-lesson.md", "sl");

        assertThat(result.ok()).isTrue();
        assertThat(result.title()).isEqualTo("Kodirniki slik");
        assertThat(result.markdown()).isEqualTo("""
                # Kodirniki slik

                Kodirnik stisne sliko v majhen vektor, dekodirnik pa jo iz njega spet nariše.

                ## [Kviz pred uro](/quizzes/autoencoders-pre)

                > [image not available: Shema kodirnika]

                Preglej slikico [image not available: ikona] sredi stavka.

                > [image not available: Razprti prostor]

                Odpri [zvezek s primeri](https://github.com/microsoft/AI-For-Beginners/blob/main/lessons/4-ComputerVision/09_Autoencoders/PracticeEncoders.ipynb) \
                in [drugi zvezek](https://github.com/microsoft/AI-For-Beginners/blob/main/lessons/4-ComputerVision/09_Autoencoders/Second.ipynb#part-2).

                Več o tem v prejšnji lekciji in na [Wikipediji](https://en.wikipedia.org/wiki/Autoencoder_(disambiguation)).

                ```python
                # ![not an image](code.png) stays in code
                print("[link](other.md)")
                ```

                V vrstici `[koda](x.md)` ni povezave.

                ## [Kviz po uri](/quizzes/autoencoders-post)

                ## [Tuj kviz](https://red-field-0a6ddfd03.1.azurestaticapps.net/quiz/5)
                """);
        assertThat(result.messages()).extracting(ImportMessage::key, ImportMessage::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lesson.import.metadataRemoved", 1),
                org.assertj.core.groups.Tuple.tuple("lesson.import.disclaimerRemoved", 39),
                org.assertj.core.groups.Tuple.tuple("lesson.import.trailingRuleRemoved", 37),
                org.assertj.core.groups.Tuple.tuple("lesson.import.quizLinked", 14),
                org.assertj.core.groups.Tuple.tuple("lesson.import.imageMissing", 16),
                org.assertj.core.groups.Tuple.tuple("lesson.import.imageMissing", 18),
                org.assertj.core.groups.Tuple.tuple("lesson.import.imageMissing", 20),
                org.assertj.core.groups.Tuple.tuple("lesson.import.notebookLinked", 22),
                org.assertj.core.groups.Tuple.tuple("lesson.import.notebookLinked", 22),
                org.assertj.core.groups.Tuple.tuple("lesson.import.relativeLinkRemoved", 24),
                org.assertj.core.groups.Tuple.tuple("lesson.import.quizLinked", 33),
                org.assertj.core.groups.Tuple.tuple("lesson.import.quizUnmapped", 35));
    }

    @Test
    void removesAnUnmarkedDisclaimerButKeepsEarlierRules() throws IOException {
        ImportResult result = importer.importFile(fixture("plain-disclaimer.md"), "plain-disclaimer.md", "en");

        assertThat(result.markdown()).isEqualTo("""
                # Learning without labels

                A network can learn useful features from images nobody has labelled.

                ---

                Some closing words that are part of the lesson and stay.
                """);
        assertThat(result.messages()).extracting(ImportMessage::key)
                .containsExactly("lesson.import.disclaimerRemoved", "lesson.import.trailingRuleRemoved");
    }

    @Test
    void repairsMojibakeBeforeLookingForLinksAndReportsIt() {
        String original = "# Naslov ✅\n\nŠola, čaša in žaba 🚀.\n\n[Kviz](https://ff-quizzes.netlify.app/en/ai/quiz/18)\n";
        byte[] damaged = Damage.WINDOWS_1252.twice().apply(original).getBytes(StandardCharsets.UTF_8);

        ImportResult result = importer.importFile(damaged, "sl.md", "sl");

        assertThat(result.markdown())
                .isEqualTo("# Naslov ✅\n\nŠola, čaša in žaba 🚀.\n\n[Kviz](/quizzes/autoencoders-post)\n");
        assertThat(result.title()).isEqualTo("Naslov ✅");
        assertThat(result.messages().getFirst()).satisfies(m -> {
            assertThat(m.key()).isEqualTo("lesson.import.mojibakeRepaired");
            assertThat(m.args()).containsExactly(6, "Windows-1252 or ISO-8859-1");
            assertThat(m.english()).isEqualTo(
                    "Damaged characters repaired: 6 (UTF-8 text that had been decoded as Windows-1252 or ISO-8859-1).");
        });
    }

    @Test
    void readsAHebrewLessonThatLostBytesThroughWindows1255WordByWordAndReportsEachPlace() {
        // Windows-1255 does not define the second byte of א, ך, ל, ם, מ and ן: their letter frequencies cannot choose,
        // the words of our Hebrew lesson and the final forms can. "ללמוד" lost three.
        String original = "# מקודדים\n\nהמקודד דוחס את התמונה, והמפענח בונה אותה מחדש.\nהמודל לומד ללמוד.\n";
        byte[] damaged = Damage.decodedAs("windows-1255", Damage.Loss.QUESTION_MARK).apply(original)
                .getBytes(StandardCharsets.UTF_8);

        ImportResult result = importer.importFile(damaged, "he.md", "he");

        assertThat(result.markdown()).isEqualTo(original);
        assertThat(result.messages()).filteredOn(m -> m.key().equals("lesson.import.lostByteInferred"))
                .extracting(ImportMessage::line).contains(1, 3, 4);
        assertThat(result.messages()).noneMatch(m -> m.key().equals("lesson.import.lostByteUndecided"));
    }

    @Test
    void namesAtMostSixReadingsOfAnUndecidedPlaceAndReportsARunThatLostTooManyBytes() {
        // Through Windows-1255 with "?", "לם" could be any of thirty-six pairs of letters and "אלמם" lost all four
        // of its second bytes; "המקודד דוחס" proves the damage.
        String text = "# כותרת\n\n" + Damage.decodedAs("windows-1255", Damage.Loss.QUESTION_MARK)
                .apply("המקודד דוחס את התמונה.\nלם אלמם") + "\n";

        ImportResult result = importer.importFile(text.getBytes(StandardCharsets.UTF_8), "he.md", "he");

        assertThat(result.messages()).filteredOn(m -> m.key().equals("lesson.import.lostByteUndecided"))
                .singleElement().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(4);
                    assertThat(m.args().get(1).toString()).endsWith(", …").satisfies(
                            readings -> assertThat(readings.split(", ")).hasSize(7));
                });
        assertThat(result.messages()).filteredOn(m -> m.key().equals("lesson.import.lostBytesUnread"))
                .singleElement().satisfies(m -> {
                    assertThat(m.line()).isEqualTo(4);
                    assertThat(m.english()).contains("too many to read them");
                });
    }

    @Test
    void listsThreeHundredPlacesWithLostBytesOneByOneAndCountsTheRestInOneLine() {
        // 400 Hebrew words that each lost three bytes (marked with "?"), one per line after the title and a blank.
        String text = "# כותרת\n\n" + "׳?׳?׳?\n".repeat(400);

        ImportResult result = importer.importFile(text.getBytes(StandardCharsets.UTF_8), "he.md", "he");

        assertThat(result.messages()).filteredOn(m -> m.key().matches("lesson.import.lostByte(Inferred|Undecided)|lesson.import.lostBytesUnread"))
                .hasSize(300);
        assertThat(result.messages()).filteredOn(m -> m.key().equals("lesson.import.lostBytesMore")).singleElement()
                .satisfies(m -> assertThat(m.english()).isEqualTo("100 more places where bytes had been lost, on lines"
                        + " 303 to 402: 0 read, 100 left as they were. Only the first 300 are listed one by one."));
    }

    @Test
    void normalisesLineEndingsAndUnicode() {
        String decomposed = "# Cafe\u0301\r\n\r\nZ\u030Caba in s\u030Cola.\r\n";

        ImportResult result = importer.importFile(decomposed.getBytes(StandardCharsets.UTF_8), "x.md", "sl");

        assertThat(result.markdown()).isEqualTo("# Café\n\nŽaba in šola.\n");
        assertThat(Normalizer.isNormalized(result.markdown(), Normalizer.Form.NFC)).isTrue();
        assertThat(result.title()).isEqualTo("Café");
    }

    @Test
    void reportsAByteOrderMark() {
        byte[] content = "\uFEFF# Pamagat\n\nSalamat.\n".getBytes(StandardCharsets.UTF_16BE);

        ImportResult result = importer.importFile(content, "tl.md", "tl");

        assertThat(result.markdown()).isEqualTo("# Pamagat\n\nSalamat.\n");
        assertThat(result.messages()).extracting(ImportMessage::english).containsExactly(
                "The file starts with a UTF-16BE byte order mark; it was read as UTF-16BE and the mark was removed.");
    }

    @Test
    void flagsALessonWithoutTitleAsNotOk() {
        ImportResult result = importer.importFile("Just text.\n\n## A section\n".getBytes(StandardCharsets.UTF_8),
                "x.md", "en");

        assertThat(result.ok()).isFalse();
        assertThat(result.title()).isNull();
        assertThat(result.messages(Severity.ERROR)).extracting(ImportMessage::key)
                .containsExactly("lesson.import.noTitle");
    }

    @Test
    void refusesSomethingThatIsNoLanguageTag() {
        LessonImportException refusal = catchThrowableOfType(LessonImportException.class,
                () -> importer.importFile("# T".getBytes(StandardCharsets.UTF_8), "x.md", "French!"));

        assertThat(refusal.key()).isEqualTo("lesson.import.unsupportedLanguage");
        assertThat(refusal.field()).isEqualTo("language");
        assertThat(refusal.report().english()).isEqualTo(
                "\"French!\" is not a language tag; write one as in BCP 47, for example en, ar, ja, zh-Hant, pt-BR.");
    }

    @Test
    void refusesBinaryFilesThroughTheImporterToo() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

        LessonImportException refusal = catchThrowableOfType(LessonImportException.class,
                () -> importer.importFile(png, "diagram.png", "en"));

        assertThat(refusal.key()).isEqualTo("lesson.import.binary");
        assertThat(refusal.getMessage()).isEqualTo(
                "lesson.import.binary: The file diagram.png is not a text file: it looks like a PNG image.");
    }
}
