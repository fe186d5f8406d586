package org.latentlab.base;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language of a piece of content (an imported lesson or quiz), as a well-formed BCP 47 tag: any language, not
 * only the six the user interface speaks. Content in a language outside the interface's is shown in its own
 * language and direction while the page around it stays in the reader's.
 *
 * @param tag the tag in its canonical form ("ar", "zh-Hant", "pt-BR", "sr-Latn")
 */
public record ContentLanguage(String tag) {

    /** Longest tag we store; BCP 47 recommends that implementations support at least 35 characters. */
    public static final int MAX_TAG_LENGTH = 35;

    /** Languages written right to left when no script subtag says otherwise. */
    private static final Set<String> RIGHT_TO_LEFT_LANGUAGES = Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw",
            "ji", "ks", "ku-arab", "mzn", "nqo", "pnb", "ps", "sd", "syr", "ug", "ur", "yi", "az-arab", "lrc", "glk",
            "bal", "bqi", "prs", "uz-arab");
    /** Scripts written right to left (ISO 15924). */
    private static final Set<String> RIGHT_TO_LEFT_SCRIPTS = Set.of("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm",
            "Rohg", "Mand", "Samr", "Mend", "Yezi");

    public ContentLanguage {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("empty language tag");
        }
    }

    /**
     * The content language of a tag, if the tag is well formed: "ar", "ja", "zh-Hant-TW", "pt_BR" (an underscore is
     * read as a hyphen). Empty for anything else ("xx yy", "123", "", a private-use-only tag "x-foo").
     */
    public static Optional<ContentLanguage> parse(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String cleaned = tag.strip().replace('_', '-');
        if (cleaned.isEmpty() || cleaned.length() > MAX_TAG_LENGTH) {
            return Optional.empty();
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(cleaned).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        if (locale.getLanguage().isEmpty()) {
            return Optional.empty();
        }
        String canonical = locale.toLanguageTag();
        // Java still answers the old codes for Hebrew, Yiddish and Indonesian: the tag keeps the current ones.
        if (canonical.startsWith("iw")) {
            canonical = "he" + canonical.substring(2);
        } else if (canonical.startsWith("ji")) {
            canonical = "yi" + canonical.substring(2);
        } else if (canonical.startsWith("in") && (canonical.length() == 2 || canonical.charAt(2) == '-')) {
            canonical = "id" + canonical.substring(2);
        }
        return Optional.of(new ContentLanguage(canonical));
    }

    public static ContentLanguage of(Language language) {
        return new ContentLanguage(language.code());
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The primary language subtag: "ar" for "ar-EG". */
    public String language() {
        return locale().getLanguage().equals("iw") ? "he" : locale().getLanguage();
    }

    /** Whether the content is written right to left: by its script subtag, else by its language. */
    public boolean rightToLeft() {
        String script = locale().getScript();
        if (!script.isEmpty()) {
            return RIGHT_TO_LEFT_SCRIPTS.contains(script);
        }
        return RIGHT_TO_LEFT_LANGUAGES.contains(language());
    }

    /** The value of the HTML dir attribute. */
    public String direction() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    /** The interface language with the same primary language, if Latent Lab's interface speaks it. */
    public Optional<Language> uiLanguage() {
        return Language.fromCode(language());
    }

    /** The language's name in itself ("العربية", "日本語"), else the tag. */
    public String nativeName() {
        Optional<Language> ours = uiLanguage();
        if (ours.isPresent() && ours.get().code().equals(tag)) {
            return ours.get().nativeName();
        }
        String name = locale().getDisplayName(locale());
        return name.isBlank() ? tag : name;
    }

    @Override
    public String toString() {
        return tag;
    }
}
