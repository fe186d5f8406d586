package org.latentlab.base;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

import jakarta.servlet.http.Cookie;

import org.springframework.stereotype.Component;

/**
 * Decides the language of a page and applies it. A signed-in user's stored choice comes first, then the choice
 * remembered in a cookie, then the browser's preferred languages, then English. Hebrew turns the whole document
 * right-to-left.
 */
@Component
public class LanguageSelection {

    public static final String COOKIE = "latentlab-lang";
    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private final CurrentUser currentUser;
    private final LanguagePreferences preferences;

    public LanguageSelection(CurrentUser currentUser, LanguagePreferences preferences) {
        this.currentUser = currentUser;
        this.preferences = preferences;
    }

    public Language resolve(VaadinRequest request) {
        Optional<Language> fromCookie = request == null ? Optional.empty() : cookie(request);
        Optional<SignedInUser> user = currentUser.get();
        if (user.isPresent()) {
            Optional<Language> stored = preferences.preferredLanguage(user.get().userId());
            if (stored.isPresent()) {
                return stored.get();
            }
            // A choice made before signing in becomes the account's choice.
            fromCookie.ifPresent(language -> preferences.rememberLanguage(user.get().userId(), language));
        }
        if (fromCookie.isPresent()) {
            return fromCookie.get();
        }
        return request == null ? Language.defaultLanguage() : fromAcceptLanguage(request);
    }

    /** Shows this UI in the language: texts, {@code lang} and {@code dir} of the document. */
    public void apply(UI ui, Language language) {
        ui.setLocale(language.locale());
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(language.locale());
        }
        ui.setDirection(language.rightToLeft() ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
        ui.getElement().executeJs("document.documentElement.setAttribute('lang', $0)", language.code());
    }

    /** The user picked a language: remember it (cookie, and the account if signed in) and apply it. */
    public void choose(UI ui, Language language) {
        currentUser.get().ifPresent(user -> preferences.rememberLanguage(user.userId(), language));
        ui.getElement().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=' + $2 + '; SameSite=Lax'",
                COOKIE, language.code(), ONE_YEAR_SECONDS);
        apply(ui, language);
    }

    private static Optional<Language> cookie(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .findFirst()
                .flatMap(c -> Language.fromCode(c.getValue()));
    }

    private static Language fromAcceptLanguage(VaadinRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Language.defaultLanguage();
        }
        try {
            var ranges = Locale.LanguageRange.parse(header);
            Locale match = Locale.lookup(ranges, Arrays.stream(Language.values()).map(Language::locale).toList());
            return match == null ? Language.defaultLanguage() : Language.fromLocale(match);
        } catch (IllegalArgumentException malformedHeader) {
            return Language.defaultLanguage();
        }
    }
}
