package org.latentlab.base;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every visible string comes from the bundles {@code i18n/messages_<code>.properties}. A key missing in a language
 * falls back to English, so a half-translated page is still usable; a key missing in English shows as {@code !key!}.
 */
@Component
public class Translations implements I18NProvider {

    public static final String BUNDLE = "i18n.messages";
    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    // No fallback to the JVM's default locale: a server in Ljubljana must not serve Slovenian to everyone.
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(Language.values()).map(Language::locale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Language language = Language.fromLocale(locale);
        String pattern = find(key, language);
        if (pattern == null && language != Language.ENGLISH) {
            pattern = find(key, Language.ENGLISH);
        }
        if (pattern == null) {
            log.warn("Missing translation key '{}'", key);
            return "!" + key + "!";
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(params);
    }

    private static String find(String key, Language language) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, bundleLocale(language), NO_DEFAULT_LOCALE_FALLBACK);
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** English lives in the base bundle {@code messages.properties}; other languages in their own file. */
    static Locale bundleLocale(Language language) {
        return language == Language.ENGLISH ? Locale.ROOT : language.locale();
    }
}
