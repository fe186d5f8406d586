package org.latentlab.base.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.latentlab.base.InvalidInputException;

/**
 * Puts a service's {@link InvalidInputException} next to the field it names, in the user's language; a problem
 * with no field on the form becomes a notification. Nothing the user typed is cleared.
 */
public final class FieldErrors {

    private final Component owner;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors(Component owner) {
        this.owner = owner;
    }

    public FieldErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    public void show(InvalidInputException problem) {
        clear();
        String message = owner.getTranslation(problem.messageKey(), problem.arguments());
        HasValidation field = fields.get(problem.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
            if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                focusable.focus();
            }
        } else {
            failure(message);
        }
    }

    /** A message about something that failed and has no field to stand beside. */
    public static void failure(String message) {
        Notification notification = new Notification(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.open();
    }

    /** A short success message. */
    public static void success(String message) {
        Notification notification = new Notification(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
        notification.open();
    }
}
