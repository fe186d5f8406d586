package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void codesAreReadWhateverTheirCase() {
        assertThat(Language.fromCode(" HE ")).contains(Language.HEBREW);
        assertThat(Language.fromCode("iw")).contains(Language.HEBREW);
        assertThat(Language.fromCode("tl")).contains(Language.TAGALOG);
    }

    @Test
    void unknownOrMissingCodesGiveNothing() {
        assertThat(Language.fromCode("xx")).isEmpty();
        assertThat(Language.fromCode("")).isEmpty();
        assertThat(Language.fromCode(null)).isEmpty();
        assertThat(Language.fromCode("<script>")).isEmpty();
    }

    @Test
    void onlyHebrewIsRightToLeft() {
        assertThat(Language.values()).filteredOn(Language::rightToLeft).containsExactly(Language.HEBREW);
    }

    @Test
    void aLocaleWeDoNotHaveMeansEnglish() {
        assertThat(Language.fromLocale(Locale.JAPANESE)).isEqualTo(Language.ENGLISH);
        assertThat(Language.fromLocale(Locale.forLanguageTag("sl-SI"))).isEqualTo(Language.SLOVENIAN);
    }
}
