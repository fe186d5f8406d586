package org.latentlab.lesson.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MojibakeRepairTest {

    /** One sentence per script and language the repair must survive; our own sentences, not the curriculum's. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("English", "An autoencoder squeezes a picture and rebuilds it ✅ — a neat trick 🚀"),
            Map.entry("Malay", "Pengekod belajar memampatkan imej ✍️ lalu membinanya semula."),
            Map.entry("Swahili", "Mtandao huu hujifunza kurejesha picha 🚀 kwa usahihi mkubwa."),
            Map.entry("Slovenian", "Slovenščina: čaša, šola, žaba, Čebelica in Žiga berejo o kodirnikih."),
            Map.entry("Tagalog", "Natututo ang señor at ang Niño sa Parañaque; ÑANDÚ ang ibon."),
            Map.entry("Hebrew", "המקודד לומד לדחוס את התמונה לווקטור קטן ✅ ואז לשחזר אותה."),
            Map.entry("Cyrillic", "Автокодировщик учится восстанавливать изображение, а я в восторге: ёжик и Щука."),
            Map.entry("Greek", "Ο αυτοκωδικοποιητής μαθαίνει να ανακατασκευάζει εικόνες ΑΒΓ."),
            Map.entry("CJK", "自编码器学习重建输入图像。日本語のテキストも、한국어도 있습니다。"),
            Map.entry("Arabic", "يتعلم المشفر التلقائي إعادة بناء الصورة من متجه صغير."),
            Map.entry("Latin symbols", "café, naïve, Ñandú, Größe, € 5, Latent Lab™, «ça», “quotes”, l’été, 25 °C, ½"),
            Map.entry("Emoji", "✅ ✍️ 🚀 👍🏽 🇸🇮 ❤️ 1️⃣ 👩‍💻 🧠"));

    static Stream<Arguments> samples() {
        return SAMPLES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> damagedSamples() {
        List<Arguments> arguments = new ArrayList<>();
        for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
            for (Damage damage : Damage.values()) {
                arguments.add(Arguments.of(sample.getKey(), damage + " once", damage.apply(sample.getValue()),
                        sample.getValue()));
                arguments.add(Arguments.of(sample.getKey(), damage + " twice", damage.twice().apply(sample.getValue()),
                        sample.getValue()));
            }
            arguments.add(Arguments.of(sample.getKey(), "Mac OS Roman then Windows-1252",
                    Damage.WINDOWS_1252.apply(Damage.MAC_ROMAN.apply(sample.getValue())), sample.getValue()));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void leavesCorrectTextOfEveryScriptUntouched(String name, String sample) {
        MojibakeRepair.Result result = MojibakeRepair.repair(sample);

        assertThat(result.text()).isEqualTo(sample);
        assertThat(result.repairs()).isZero();
        assertThat(result.changed()).isFalse();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("damagedSamples")
    void givesBackTheOriginalTextAfterSingleAndDoubleDamage(String name, String damage, String damaged,
            String original) {
        assertThat(damaged).as("the test damages the text").isNotEqualTo(original);

        MojibakeRepair.Result result = MojibakeRepair.repair(damaged);

        assertThat(result.text()).isEqualTo(original);
        assertThat(result.repairs()).isPositive();
    }

    @Test
    void repairsEmojiDecodedAsMacRoman() {
        // The very damage found in the curriculum's Malay and Swahili files.
        MojibakeRepair.Result result = MojibakeRepair.repair("> ‚úÖ Tip\n## ‚úçÔ∏è Exercise\n## \uF8FFüöÄ Challenge");

        assertThat(result.text()).isEqualTo("> ✅ Tip\n## ✍️ Exercise\n## 🚀 Challenge");
        assertThat(result.repairs()).isEqualTo(3);
        assertThat(result.charsets()).containsExactly("Mac OS Roman");
    }

    @Test
    void repairsEmojiDecodedAsWindows1252IncludingTheUndefinedBytes() {
        // ✍ is E2 9C 8D; 0x8D is undefined in Windows-1252 and arrives as the C1 control U+008D.
        String damaged = Damage.WINDOWS_1252.apply("Write ✍️ now");
        assertThat(damaged).contains("\u008D");

        assertThat(MojibakeRepair.repair(damaged).text()).isEqualTo("Write ✍️ now");
    }

    @Test
    void repairsTypicalAccentDamageInsideWords() {
        assertThat(MojibakeRepair.repair("cafÃ© and GrÃ¶ÃŸe").text()).isEqualTo("café and Größe");
        assertThat(MojibakeRepair.repair("caf√© and Gr√∂√üe").text()).isEqualTo("café and Größe");
    }

    @Test
    void repairsADamagedEmojiNextToACorrectAccentedLetter() {
        // A partly damaged file: the "é" is correct, the emoji right after it is not. The Apple logo in the damaged
        // rocket proves the damage; the Windows-1252 apostrophe elsewhere proves it for the tick.
        assertThat(MojibakeRepair.repair("Voilé\uF8FFüöÄ").text()).isEqualTo("Voilé🚀");
        assertThat(MojibakeRepair.repair("Voilé‚úÖ and Wâ€™s").text()).isEqualTo("Voilé✅ and W’s");
    }

    @Test
    void prefersTheCharsetTheRestOfTheTextWasDamagedWith() {
        // The lone Armenian "ե" is "Õ¥" in Windows-1252, which Mac OS Roman would read as U+0374 instead.
        String original = "Սա հայերեն նախադասություն ե, ոչ թե անգլերեն։";

        assertThat(MojibakeRepair.repair(Damage.WINDOWS_1252.apply(original)).text()).isEqualTo(original);
        assertThat(MojibakeRepair.repair(Damage.MAC_ROMAN.apply(original)).text()).isEqualTo(original);
    }

    @Test
    void repairsAMegabyteOfDoublyDamagedTextQuickly() {
        StringBuilder lesson = new StringBuilder();
        while (lesson.length() < 400_000) {
            SAMPLES.values().forEach(sample -> lesson.append(sample).append('\n'));
        }
        String damaged = Damage.MAC_ROMAN.twice().apply(lesson.toString());
        assertThat(damaged.length()).isGreaterThan(1_000_000);

        MojibakeRepair.Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> MojibakeRepair.repair(damaged));

        assertThat(result.text()).isEqualTo(lesson.toString());
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void repairsHebrewWithALatinWordGluedToAPrefixWhenTheRestProvesTheDamage(Damage damage) {
        String original = "לVAE יש שני חלקים: מקודד ומפענח.";

        assertThat(MojibakeRepair.repair(damage.apply(original)).text()).isEqualTo(original);
    }

    @Test
    void leavesCorrectTextAloneThatLooksLikeUtf8WhenEncodedInALegacyCharset() {
        // Each of these is a valid UTF-8 sequence when encoded as Mac OS Roman or Windows-1252.
        List<String> correct = List.of(
                "C’est l’été, qu’à cela ne tienne.", // ’é in Mac OS Roman would be Armenian
                "Et…écoute bien.", // …é in Mac OS Roman would be Ɏ
                "Un café…” dit-il.", // é…” in Windows-1252 would be a CJK character
                "Il a dit “é” seulement.",
                "€™ and ¿Qué? and ¡Olé!",
                "Il part –à demain– et revient.", // –à in Mac OS Roman would be the Cyrillic Ј
                "Il a dit «?» puis «¿Qué?» et «Ça?»." // a "?" between signs is no lost byte
        );
        for (String text : correct) {
            assertThat(MojibakeRepair.repair(text).text()).as(text).isEqualTo(text);
        }
    }

    @Test
    void repairsEnglishPunctuationReadAsWindows1251ThoughItLooksLikeCyrillicLetters() {
        // “ and ” read as Windows-1251 are the letters "вЂњ" and "вЂќ": no word has a capital after a small letter.
        String text = "It said вЂњNeatвЂќ, and that isnвЂ™t wrong вЂ” is it?";

        assertThat(MojibakeRepair.repair(text, "en").text()).isEqualTo("It said “Neat”, and that isn’t wrong — is it?");
    }

    @Test
    void repairsTextReadAsIso88591AndThenAsWindows1252() {
        // The first reading turns most bytes of ’, “ and — into C1 controls, the second hides them behind "Â".
        String original = "It’s “neat” — très bien, Größe ✅";
        String damaged = Damage.WINDOWS_1252.apply(Damage.ISO_8859_1.apply(original));

        assertThat(damaged).contains("Â€");
        assertThat(MojibakeRepair.repair(damaged, "en").text()).isEqualTo(original);
    }

    @Test
    void prefersTheReadingThatIsDamagedOnceMoreTheSameWayWhereCodePagesTie() {
        // "—" through ISO-8859-16 twice is "ĂąÂ" and C1 controls: Windows-1250 and ISO-8859-2 read the run as "ù" and
        // "ñ" with the same support; only ISO-8859-16's "â" and controls are that code page's damage once more.
        String original = "A few numbers — the decoder rebuilds it. “Neat”, isn’t it? Größe, Übung und Äpfel.";
        String damaged = Damage.decodedAs("ISO-8859-16", Damage.Loss.BROWSER)
                .apply(Damage.decodedAs("ISO-8859-16", Damage.Loss.BROWSER).apply(original));

        assertThat(MojibakeRepair.repair(damaged, "de").text()).isEqualTo(original);
    }

    @Test
    void leavesCyrillicWordsOfEveryShapeAloneNextToDamageFromWindows1251() {
        // Small, capitalised and all-capital words, each of which would be valid UTF-8 in Windows-1251 ("ВІ" is ²).
        String text = "Мы учились в ВІ и ДЮ. Їх немає. вЂ”";

        assertThat(MojibakeRepair.repair(text, "uk").text()).isEqualTo("Мы учились в ВІ и ДЮ. Їх немає. —");
    }

    @Test
    void repairsRunsShapedLikeCyrillicWordsInALessonWhoseLanguageIsNotWrittenInCyrillic() {
        // Through Windows-1251 "²" is "ВІ" and "π" is "ПЂ": words in shape, but an English lesson has no Cyrillic, and
        // the rest of the file proves the damage came from that code page.
        String original = "The loss is x² + y², π ≈ 3.14 — “close” enough; ½ of it is noise.";
        String damaged = Damage.decodedAs("windows-1251", Damage.Loss.BROWSER).apply(original);

        assertThat(damaged).contains("ВІ", "ПЂ");
        assertThat(MojibakeRepair.repair(damaged, "en").text()).isEqualTo(original);
        assertThat(MojibakeRepair.repair(damaged, "ru").text()).as("a Russian lesson keeps its words")
                .contains("ВІ", "ПЂ");
    }

    @Test
    void leavesACyrillicWordInAnEnglishLessonAloneWhenTheDamageCameFromAnotherCodePage() {
        String text = "The Ukrainian school calls it ВІ. cafÃ© and itâ€™s";

        assertThat(MojibakeRepair.repair(text, "en").text()).isEqualTo("The Ukrainian school calls it ВІ. café and it’s");
    }

    @Test
    void readsEachPlaceWithTheCodePageWhoseReadingLooksLikeTheLanguage() {
        // ISO-8859-2 and Windows-1250 agree on most letters; "Ĺź" is "ż" in the first and "ş" in the second.
        String original = "Zażółć gęślą jaźń, łódź płynie.";
        String damaged = Damage.decodedAs("ISO-8859-2", Damage.Loss.BROWSER).apply(original);

        assertThat(MojibakeRepair.repair(damaged, "pl").text()).isEqualTo(original);
    }

    @Test
    void repairsTextReadAsIso88592AndThenAsWindows1252() {
        // ISO-8859-2 reads the second byte of "ł" (0x82) as a C1 control, and Windows-1252 then hides it behind "Â".
        String original = "Zażółć gęślą jaźń, łódź płynie.";
        String damaged = Damage.WINDOWS_1252.apply(Damage.decodedAs("ISO-8859-2", Damage.Loss.BROWSER).apply(original));

        assertThat(damaged).contains("Â‚");
        assertThat(MojibakeRepair.repair(damaged, "pl").text()).isEqualTo(original);
    }

    @Test
    void doesNotUseDamagedEmojiAsAnExcuseToBreakCorrectFrenchNearby() {
        String text = "L’été ‚úÖ arrive.";

        assertThat(MojibakeRepair.repair(text).text()).isEqualTo("L’été ✅ arrive.");
    }

    @Test
    void leavesALostByteInASymbolAsItIsAndSaysItCouldNotDecide() {
        // What the JDK's own Windows-1252 decoder makes of ✍: the byte 0x8D is lost, and ✁ ✍ ✏ ✐ ✝ all fit.
        String lossy = "Write âœ\uFFFD now, cafÃ© first";

        MojibakeRepair.Result result = MojibakeRepair.repair(lossy);

        assertThat(result.text()).isEqualTo("Write âœ\uFFFD now, café first");
        assertThat(result.lostBytes()).singleElement().satisfies(lost -> {
            assertThat(lost.decided()).isFalse();
            assertThat(lost.alternatives()).contains("✍", "✁");
        });
    }

    @Test
    void infersADroppedByteFromTheLettersOfTheLanguageAndReportsItsLine() {
        // Czech "ň" is C5 88; Windows-1250 does not define 0x88, so a tool dropped it: "Ĺ" is left, one byte short.
        MojibakeRepair.Result result = MojibakeRepair.repair(Damage.decodedAs("windows-1250", Damage.Loss.DROPPED)
                .apply("Kodér\nkůň a kůň, žluťoučký"), "cs");

        assertThat(result.text()).isEqualTo("Kodér\nkůň a kůň, žluťoučký");
        assertThat(result.lostBytes()).hasSize(2).allSatisfy(lost -> {
            assertThat(lost.line()).isEqualTo(2);
            assertThat(lost.reading()).isEqualTo("ůň");
        });
    }

    @Test
    void infersTheDroppedByteOfALoneCharacterInTextDamagedThroughout() {
        // Croatian "Đ" is C4 90; Windows-1250 does not define 0x90, so only "Ä" is left, alone before "ak".
        String original = "Koder sažima sliku.\nĐak čita o žabama, šumi i ćevapima.";
        MojibakeRepair.Result result = MojibakeRepair.repair(
                Damage.decodedAs("windows-1250", Damage.Loss.DROPPED).apply(original), "hr");

        assertThat(result.text()).isEqualTo(original);
        assertThat(result.lostBytes()).singleElement().satisfies(lost -> {
            assertThat(lost.line()).isEqualTo(2);
            assertThat(lost.damaged()).isEqualTo("Ä");
            assertThat(lost.reading()).isEqualTo("Đ");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Damage.Loss.class, names = {"DROPPED", "QUESTION_MARK"})
    void putsBackLostLeadBytesBeforeTheCharactersTheyLeft(Damage.Loss loss) {
        // ISO-8859-3 does not define 0xC3, the first byte of "ç", "ö" and "ü": "çözücü" is left as "§ĥzĵcĵ" (or with
        // a "?" before each), and "çö" lost two bytes in a row.
        String original = "Kodlayıcı resmi sıkıştırır, kod çözücü onu yeniden oluşturur. Işık, gölge ve şeker çok güzel.";
        MojibakeRepair.Result result = MojibakeRepair.repair(Damage.decodedAs("ISO-8859-3", loss).apply(original), "tr");

        assertThat(result.text()).isEqualTo(original);
        assertThat(result.lostBytes()).extracting(MojibakeRepair.LostByte::reading)
                .containsExactly("çö", "ü", "ü", "ö", "ç", "ü");
    }

    @Test
    void infersALostByteInPunctuationAndEmojiFromHowOftenTextHasThem() {
        // Windows-1252 drops 0x9D, the last byte of "”": of its readings (U+2001 EM QUAD, U+200D ZERO WIDTH JOINER,
        // U+200F, U+2010 HYPHEN, ”) only ” is a sign text has there. The ZWJ of "👩‍💻" (E2 80 8D) loses 0x8D the
        // same way, and between two emoji it is the joiner.
        String original = "It is “neat”.\nThe coder 👩‍💻 ships 🚀";
        MojibakeRepair.Result result = MojibakeRepair.repair(
                Damage.decodedAs("windows-1252", Damage.Loss.DROPPED).apply(original), "en");

        assertThat(result.text()).isEqualTo(original);
        assertThat(result.lostBytes()).extracting(MojibakeRepair.LostByte::line, MojibakeRepair.LostByte::reading)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "”"),
                        org.assertj.core.groups.Tuple.tuple(2, "👩‍💻"));
    }

    @Test
    void leavesALostByteBetweenTwoRealSignsUndecided() {
        // Windows-1257 drops 0x9C of "✅" (E2 9C 85): "★" (E2 98 85, 0x98 is dropped too) fits as well, and which
        // of two signs a place held depends on what the text says.
        String original = "Kodētājs saspiež attēlu ✅ un dekodētājs to atjauno.";
        MojibakeRepair.Result result = MojibakeRepair.repair(
                Damage.decodedAs("windows-1257", Damage.Loss.QUESTION_MARK).apply(original), "lv");

        assertThat(result.lostBytes()).filteredOn(lost -> !lost.decided()).singleElement()
                .satisfies(lost -> assertThat(lost.alternatives()).contains("✅", "★"));
        // Latvian "ā" (C4 81) lost its 0x81 too; the letters decide those.
        assertThat(result.lostBytes()).filteredOn(MojibakeRepair.LostByte::decided)
                .extracting(MojibakeRepair.LostByte::reading).containsOnly("ā");
        assertThat(result.text()).contains("Kodētājs saspiež attēlu", "dekodētājs");
    }

    @Test
    void leavesALoneLetterOfCorrectTextAloneBesideADamagedEmoji() {
        // "Ä" would be a lone remnant in Windows-1252 too (C4 and a dropped 0x81, 0x8D, 0x8F, 0x90 or 0x9D), but one
        // damaged emoji does not make the German around it damaged.
        String text = "Äpfel und Öl, schön: âœ…";

        MojibakeRepair.Result result = MojibakeRepair.repair(text, "de");

        assertThat(result.text()).isEqualTo("Äpfel und Öl, schön: ✅");
        assertThat(result.lostBytes()).isEmpty();
    }

    @Test
    void reportsALostByteWhoseReadingsIncludeLettersOfAnotherScript() {
        // Greek "ό" is CF 8C, and Windows-1253 drops 0x8C; some readings of the gap are Coptic letters of the Greek
        // block, which the rest of the text never produced. The place is reported all the same, not left silently.
        String original = "Ο κωδικοποιητής συμπιέζει την εικόνα και την ξαναφτιάχνει.";
        MojibakeRepair.Result result = MojibakeRepair.repair(
                Damage.decodedAs("windows-1253", Damage.Loss.DROPPED).apply(original), "el");

        assertThat(result.lostBytes()).extracting(MojibakeRepair.LostByte::alternatives)
                .anySatisfy(readings -> assertThat(readings).contains("εικόνα"));
        assertThat(result.lostBytes()).allSatisfy(lost -> {
            if (lost.decided()) {
                assertThat(original).contains(lost.reading());
            }
        });
    }

    @Test
    void readsALongWordWithALostByteWholeRatherThanRepairingItUpToTheGap() {
        // Greek "ή" is CE AE; ISO-8859-7 does not define 0xAE, so a tool wrote "?". The letters before the gap are
        // well-formed on their own, but the word is one run: read whole, with its only possible reading.
        String original = "Ο κωδικοποιητής συμπιέζει την εικόνα και ο αποκωδικοποιητής την ξαναφτιάχνει.\n"
                + "Ψυχή και ζωή.";
        MojibakeRepair.Result result = MojibakeRepair.repair(
                Damage.decodedAs("ISO-8859-7", Damage.Loss.QUESTION_MARK).apply(original), "el");

        assertThat(result.text()).isEqualTo(original);
        assertThat(result.lostBytes()).extracting(MojibakeRepair.LostByte::line, MojibakeRepair.LostByte::reading)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "κωδικοποιητής"),
                        org.assertj.core.groups.Tuple.tuple(1, "αποκωδικοποιητής"),
                        org.assertj.core.groups.Tuple.tuple(2, "Ψυχή"), org.assertj.core.groups.Tuple.tuple(2, "ζωή"));
    }

    @Test
    void countsEachDamagedPlaceOnceEvenWhenItWasDamagedTwice() {
        String damaged = Damage.MAC_ROMAN.twice().apply("✅ one, 🚀 two, ✍️ three");

        MojibakeRepair.Result result = MojibakeRepair.repair(damaged);

        assertThat(result.text()).isEqualTo("✅ one, 🚀 two, ✍️ three");
        assertThat(result.repairs()).isEqualTo(3);
    }

    @Test
    void leavesAsciiAloneAndReturnsTheSameString() {
        String ascii = "# Plain\n\nNothing to repair here.\n";

        assertThat(MojibakeRepair.repair(ascii).text()).isSameAs(ascii);
    }
}
