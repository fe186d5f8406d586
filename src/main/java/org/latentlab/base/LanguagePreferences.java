package org.latentlab.base;

import java.util.Optional;

/**
 * Where a signed-in user's language choice is remembered. The accounts feature implements it; base only needs
 * to ask and tell, which keeps base free of any dependency on a feature.
 */
public interface LanguagePreferences {

    Optional<Language> preferredLanguage(long userId);

    void rememberLanguage(long userId, Language language);
}
