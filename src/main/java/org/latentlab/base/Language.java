package org.latentlab.base;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the lessons and the user interface are written in. */
public enum Language {
    ENGLISH("en", "English", false),
    MALAY("ms", "Bahasa Melayu", false),
    SWAHILI("sw", "Kiswahili", false),
    SLOVENIAN("sl", "Slovenščina", false),
    TAGALOG("tl", "Tagalog", false),
    HEBREW("he", "עברית", true);

    private final String code;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String code, String nativeName, boolean rightToLeft) {
        this.code = code;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    /** The language's own name, shown in the switcher so that everyone finds their language. */
    public String nativeName() {
        return nativeName;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Language defaultLanguage() {
        return ENGLISH;
    }

    /** The language with this code; case and surrounding blanks are ignored. "iw" is Java's old code for Hebrew. */
    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals("iw")) {
            normalized = "he";
        }
        String wanted = normalized;
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst();
    }

    public static Language fromLocale(Locale locale) {
        return locale == null ? defaultLanguage() : fromCode(locale.getLanguage()).orElse(defaultLanguage());
    }
}
