package org.latentlab.quiz;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.latentlab.base.Language;

/**
 * A text in one or more of our languages. Our own quiz files have all six; imported quizzes may have only the
 * language they were imported in, and the others fall back to English, then to any language present.
 */
public record LocalizedText(Map<Language, String> texts) {

    public LocalizedText {
        EnumMap<Language, String> copy = new EnumMap<>(Language.class);
        texts.forEach((language, text) -> {
            if (language != null && text != null && !text.isBlank()) {
                copy.put(language, text.strip());
            }
        });
        texts = Collections.unmodifiableMap(copy);
    }

    public static LocalizedText of(Language language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    public static LocalizedText empty() {
        return new LocalizedText(Map.of());
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    public boolean has(Language language) {
        return texts.containsKey(language);
    }

    /** The text in the language, else English, else any language; "" if there is none. */
    public String in(Language language) {
        String text = texts.get(language);
        if (text == null) {
            text = texts.get(Language.ENGLISH);
        }
        if (text == null) {
            text = texts.values().stream().findFirst().orElse("");
        }
        return text;
    }
}
