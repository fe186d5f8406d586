package org.latentlab.lesson.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ImportMessagesTest {

    /** The application's English bundle; the other languages are checked against it by TranslationsTest. */
    private static final Path BUNDLE = Path.of("src/main/resources/i18n/messages.properties");

    @Test
    void theEnglishFileHasExactlyTheTextsTheReportUses() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLE, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> code = Arrays.stream(ImportMessageKey.values())
                .collect(Collectors.toMap(ImportMessageKey::key, ImportMessageKey::englishPattern));
        Map<String, String> file = code.keySet().stream().filter(properties::containsKey)
                .collect(Collectors.toMap(k -> k, properties::getProperty));

        assertThat(file).isEqualTo(code);
    }

    @Test
    void everyKeyIsAnImporterKey() {
        assertThat(ImportMessageKey.values()).allSatisfy(k -> assertThat(k.key()).matches("lesson\\.import\\.[a-z][A-Za-z]+"));
    }

    @Test
    void reportEntriesCarryTheFormattedEnglishText() {
        ImportMessage message = ImportMessage.at(ImportMessageKey.QUIZ_UNMAPPED, 84, 16, "https://q.example/quiz/16");

        assertThat(message.severity()).isEqualTo(Severity.WARNING);
        assertThat(message.english()).isEqualTo(
                "Quiz 16 of the curriculum has no quiz in Latent Lab; the link stays an external link to https://q.example/quiz/16.");
        assertThat(message.toString()).isEqualTo("WARNING lesson.import.quizUnmapped (line 84): " + message.english());
    }
}
