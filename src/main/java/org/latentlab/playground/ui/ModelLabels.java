package org.latentlab.playground.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.Component;

import org.latentlab.playground.ModelChoice;

/** How a model is named in the pickers: the shipped model's name, or the Lab experiment and when the run finished. */
final class ModelLabels {

    private ModelLabels() {
    }

    static String name(Component page, ModelChoice choice) {
        if (choice.shipped()) {
            return page.getTranslation("playground.shipped." + choice.id().substring("shipped:".length()));
        }
        String when = choice.finishedAt() == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale()).withZone(ZoneId.systemDefault()).format(choice.finishedAt());
        return page.getTranslation("playground.ownRun", page.getTranslation(choice.experimentKey()), when);
    }

    private static java.util.Locale locale() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? java.util.Locale.ENGLISH : ui.getLocale();
    }

    /** The name with the latent size, for the main picker. */
    static String withSize(Component page, ModelChoice choice) {
        return page.getTranslation("playground.modelLabel", name(page, choice), choice.latentSize());
    }
}
