package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyBundleHasEveryKeyThatEnglishHas(Language language) throws IOException {
        Properties english = load(Language.ENGLISH);
        Properties translated = load(language);
        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(translated.stringPropertyNames());
        assertThat(missing).as("keys missing in messages_%s", language.code()).isEmpty();
        Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
        extra.removeAll(english.stringPropertyNames());
        assertThat(extra).as("keys in messages_%s that English does not have", language.code()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTranslationKeepsThePlaceholdersAndFormats(Language language) throws IOException {
        Properties english = load(Language.ENGLISH);
        Properties translated = load(language);
        for (String key : english.stringPropertyNames()) {
            String value = translated.getProperty(key);
            if (value == null) {
                continue;
            }
            assertThat(value.isBlank()).as("%s in %s is blank", key, language.code()).isFalse();
            Set<String> expected = placeholders(english.getProperty(key));
            assertThat(placeholders(value)).as("placeholders of %s in %s", key, language.code()).isEqualTo(expected);
            if (!expected.isEmpty()) {
                Object[] arguments = expected.stream().map(p -> "ARG" + p).toArray();
                String formatted = new MessageFormat(value, language.locale()).format(arguments);
                for (Object argument : arguments) {
                    // A lone apostrophe would swallow the placeholder: the argument would not appear.
                    assertThat(formatted).as("%s in %s, formatted", key, language.code()).contains((String) argument);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void bundlesAreValidUtf8(Language language) throws IOException {
        try (InputStream in = stream(language)) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            try {
                decoder.decode(java.nio.ByteBuffer.wrap(in.readAllBytes()));
            } catch (CharacterCodingException e) {
                throw new AssertionError("messages_" + language.code() + " is not valid UTF-8", e);
            }
        }
    }

    @Test
    void hebrewTextComesFromTheHebrewBundle() {
        Translations translations = new Translations();
        String hebrew = translations.getTranslation("nav.lessons", Locale.forLanguageTag("he"));
        assertThat(hebrew).isNotEqualTo(translations.getTranslation("nav.lessons", Locale.ENGLISH));
        assertThat(hebrew.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HEBREW))
                .isTrue();
    }

    @Test
    void unknownKeyIsShownAsTheKeyAndArgumentsAreFilledIn() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
        assertThat(translations.getTranslation("home.welcomeBack", Locale.ENGLISH, "Noa")).isEqualTo("Welcome back, Noa");
    }

    @Test
    void anUnsupportedLocaleFallsBackToEnglish() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("nav.home", Locale.JAPANESE)).isEqualTo("Home");
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties load(Language language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = stream(language)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static InputStream stream(Language language) {
        String name = language == Language.ENGLISH ? "i18n/messages.properties"
                : "i18n/messages_" + language.code() + ".properties";
        InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new AssertionError("bundle " + name + " is missing");
        }
        return in;
    }
}
