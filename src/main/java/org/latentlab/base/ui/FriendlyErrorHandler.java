package org.latentlab.base.ui;

import java.io.Serial;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whatever goes wrong in a click handler, the user sees a short message in their language with a reference that a
 * teacher can find in the log; the stack trace goes to the log only.
 */
final class FriendlyErrorHandler implements ErrorHandler {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    private final Translations translations;

    FriendlyErrorHandler(Translations translations) {
        this.translations = translations;
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable problem = rootOf(event.getThrowable());
        UI ui = UI.getCurrent();
        Locale locale = ui != null ? ui.getLocale() : Locale.ENGLISH;
        String message;
        if (problem instanceof AccessDeniedException) {
            log.info("Refused an action: {}", problem.getMessage());
            message = translations.getTranslation("error.forbidden.action", locale);
        } else if (problem instanceof InvalidInputException invalid) {
            message = translations.getTranslation(invalid.messageKey(), locale, invalid.arguments());
        } else {
            String reference = newReference();
            log.error("Unexpected error, reference {}", reference, event.getThrowable());
            message = translations.getTranslation("error.unexpected.notification", locale, reference);
        }
        if (ui != null) {
            ui.access(() -> {
                Notification notification = new Notification(message, 8000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.ERROR);
                notification.open();
            });
        }
    }

    static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Throwable rootOf(Throwable throwable) {
        Throwable current = throwable;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof AccessDeniedException) && !(current instanceof InvalidInputException)) {
            current = current.getCause();
        }
        return current;
    }
}
