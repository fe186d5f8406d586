package org.latentlab.base.ui;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.latentlab.base.Language;
import org.latentlab.base.LanguageSelection;
import org.latentlab.base.Translations;
import org.springframework.stereotype.Component;

/**
 * Sets up every session and page: the friendly error handler, the page's language and direction, and the
 * {@code ?lang=xx} parameter that any link may carry.
 */
@Component
class UiInitializer implements VaadinServiceInitListener {

    static final String LANGUAGE_PARAMETER = "lang";
    private static final int LONGEST_CODE_SHOWN = 16;

    private final LanguageSelection languageSelection;
    private final Translations translations;

    UiInitializer(LanguageSelection languageSelection, Translations translations) {
        this.languageSelection = languageSelection;
        this.translations = translations;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(
                sessionInit -> sessionInit.getSession().setErrorHandler(new FriendlyErrorHandler(translations)));
        event.getSource().addUIInitListener(uiInit -> {
            UI ui = uiInit.getUI();
            languageSelection.apply(ui, languageSelection.resolve(VaadinRequest.getCurrent()));
            ui.addBeforeEnterListener(this::languageFromUrl);
        });
    }

    private void languageFromUrl(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(LANGUAGE_PARAMETER, List.of());
        if (values.isEmpty()) {
            return;
        }
        UI ui = event.getUI();
        String requested = values.getFirst();
        Language.fromCode(requested).ifPresentOrElse(
                language -> languageSelection.choose(ui, language),
                () -> {
                    String shown = requested.length() > LONGEST_CODE_SHOWN
                            ? requested.substring(0, LONGEST_CODE_SHOWN) + "…" : requested;
                    String known = Arrays.stream(Language.values()).map(Language::code)
                            .collect(Collectors.joining(", "));
                    Notification notification = new Notification(
                            ui.getTranslation("language.unknown", shown, known), 6000, Notification.Position.TOP_CENTER);
                    notification.addThemeVariants(NotificationVariant.WARNING);
                    notification.open();
                });
    }
}
