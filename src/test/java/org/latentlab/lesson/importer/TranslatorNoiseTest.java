package org.latentlab.lesson.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranslatorNoiseTest {

    @Test
    void removesAMultiLineMetadataCommentAndKeepsTheLineNumbersOfWhatFollows() {
        String text = """
                <!--
                CO_OP_TRANSLATOR_METADATA:
                {
                  "original_hash": "abc123",
                  "language_code": "ms"
                }
                -->
                # Title
                Text.""";

        TranslatorNoise.Result result = TranslatorNoise.strip(text);

        assertThat(result.text()).isEqualTo("\n\n\n\n\n\n\n# Title\nText.");
        assertThat(result.text().split("\n", -1)[7]).isEqualTo("# Title");
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("lesson.import.metadataRemoved");
            assertThat(m.line()).isEqualTo(1);
            assertThat(m.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void removesASingleLineMetadataComment() {
        String text = "# Title\n<!-- CO_OP_TRANSLATOR_METADATA: {\"original_hash\":\"f00\"} -->\nText.";

        TranslatorNoise.Result result = TranslatorNoise.strip(text);

        assertThat(result.text()).isEqualTo("# Title\n\nText.");
        assertThat(result.messages()).extracting(ImportMessage::line).containsExactly(2);
    }

    @Test
    void keepsOtherComments() {
        String text = "# Title\n<!-- a note by the author -->\nText.";

        assertThat(TranslatorNoise.strip(text).text()).isEqualTo(text);
        assertThat(TranslatorNoise.strip(text).messages()).isEmpty();
    }

    @Test
    void removesTheMarkedDisclaimerAndTheRuleBeforeIt() {
        String text = """
                # Title

                Lesson text.

                ---

                <!-- CO_OP_TRANSLATOR_DISCLAIMER_START -->
                **Penafian**:
                Dokumen ini telah diterjemahkan menggunakan perkhidmatan terjemahan AI.
                <!-- CO_OP_TRANSLATOR_DISCLAIMER_END -->
                """;

        TranslatorNoise.Result result = TranslatorNoise.strip(text);

        assertThat(result.text()).isEqualTo("# Title\n\nLesson text.");
        assertThat(result.messages()).extracting(ImportMessage::key, ImportMessage::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lesson.import.disclaimerRemoved", 7),
                org.assertj.core.groups.Tuple.tuple("lesson.import.trailingRuleRemoved", 5));
    }

    @Test
    void removesAnUnmarkedBoldDisclaimerAfterTheLastRule() {
        String text = """
                # Title

                Lesson text.

                ---

                **Kanusho**:
                Hati hii imetafsiriwa kwa kutumia huduma ya tafsiri ya AI [Co-op Translator](https://github.com/Azure/co-op-translator).
                """;

        TranslatorNoise.Result result = TranslatorNoise.strip(text);

        assertThat(result.text()).isEqualTo("# Title\n\nLesson text.");
        assertThat(result.messages()).extracting(ImportMessage::key)
                .containsExactly("lesson.import.disclaimerRemoved", "lesson.import.trailingRuleRemoved");
        assertThat(result.messages().getFirst().line()).isEqualTo(7);
    }

    @Test
    void recognisesTheDisclaimerInHebrew() {
        String text = "# כותרת\n\nטקסט.\n\n---\n\n**כתב ויתור**:\nמסמך זה תורגם באמצעות שירות תרגום מבוסס בינה מלאכותית.\n";

        assertThat(TranslatorNoise.strip(text).text()).isEqualTo("# כותרת\n\nטקסט.");
    }

    @Test
    void keepsAFinalBoldParagraphThatIsNotAboutTranslation() {
        String text = "# Title\n\n---\n\n**Well done**: you finished the lesson.";

        TranslatorNoise.Result result = TranslatorNoise.strip(text);

        assertThat(result.text()).isEqualTo(text);
        assertThat(result.messages()).isEmpty();
    }

    @Test
    void keepsAFinalSectionWithAHeadingEvenWhenItMentionsTranslation() {
        String text = "# Title\n\n---\n\n**Note**\n\n## Translation exercise\n\nTranslate the text.";

        assertThat(TranslatorNoise.strip(text).text()).isEqualTo(text);
    }

    @Test
    void doesNotTakeAHeadingUnderlineForARule() {
        String text = "# Title\n\nTranslated with AI\n---";

        assertThat(TranslatorNoise.strip(text).text()).isEqualTo(text);
    }

    @Test
    void dropsALoneTrailingRule() {
        TranslatorNoise.Result result = TranslatorNoise.strip("# Title\n\nText.\n\n---\n\n");

        assertThat(result.text()).isEqualTo("# Title\n\nText.");
        assertThat(result.messages()).extracting(ImportMessage::key).containsExactly("lesson.import.trailingRuleRemoved");
    }
}
