package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentLanguageTest {

    @ParameterizedTest
    @CsvSource({"ar, ar, rtl", "fa, fa, rtl", "ur, ur, rtl", "he, he, rtl", "iw, he, rtl", "yi, yi, rtl",
            "ps, ps, rtl", "ja, ja, ltr", "zh-hant-tw, zh-Hant-TW, ltr", "pt_BR, pt-BR, ltr", "az-Arab, az-Arab, rtl",
            "pa-Arab, pa-Arab, rtl", "sr-Latn, sr-Latn, ltr", "ks-Deva, ks-Deva, ltr", "en, en, ltr"})
    void aWellFormedTagIsReadWithItsDirection(String written, String tag, String direction) {
        ContentLanguage language = ContentLanguage.parse(written).orElseThrow();

        assertThat(language.tag()).isEqualTo(tag);
        assertThat(language.direction()).isEqualTo(direction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not a language", "123", "x-private", "en--us", "abcdefghij"})
    void somethingThatIsNoLanguageTagIsNotOne(String written) {
        assertThat(ContentLanguage.parse(written)).isEmpty();
    }

    @Test
    void aLanguageOutsideTheInterfaceIsNamedInItself() {
        assertThat(ContentLanguage.parse("ar").orElseThrow().nativeName()).isEqualTo("العربية");
        assertThat(ContentLanguage.parse("ja").orElseThrow().nativeName()).isEqualTo("日本語");
        assertThat(ContentLanguage.parse("ar").orElseThrow().uiLanguage()).isEmpty();
        assertThat(ContentLanguage.parse("he").orElseThrow().uiLanguage()).contains(Language.HEBREW);
    }
}
