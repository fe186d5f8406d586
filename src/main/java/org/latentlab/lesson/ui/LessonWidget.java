package org.latentlab.lesson.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A live part of a lesson page. The first time a student really uses it (not when it merely appears) the page is
 * told, to record progress.
 */
abstract class LessonWidget extends Div {

    private final Runnable onFirstUse;
    private boolean used;

    protected LessonWidget(String name, String titleKey, Runnable onFirstUse) {
        this.onFirstUse = onFirstUse;
        addClassNames("ll-widget", "ll-widget-" + name);
        getElement().setAttribute("data-widget", name);
        H4 title = new H4(getTranslation(titleKey));
        title.addClassName("ll-widget-title");
        add(title);
    }

    protected final void used() {
        if (!used) {
            used = true;
            onFirstUse.run();
        }
    }

    protected final void showModelMissing() {
        Paragraph missing = new Paragraph(getTranslation("lesson.widget.modelMissing"));
        missing.addClassName("ll-notice");
        add(missing);
    }
}
