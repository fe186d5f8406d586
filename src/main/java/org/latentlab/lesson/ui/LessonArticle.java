package org.latentlab.lesson.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.Div;

/**
 * The lesson's text and widgets. In the browser its formulas are rendered and the sections the reader reaches are
 * reported back (see frontend/lesson/lesson-page.ts).
 */
@Tag("article")
@JsModule("./lesson/lesson-page.ts")
@NpmPackage(value = "katex", version = "0.16.22")
class LessonArticle extends Div {

    private final Consumer<String> sectionReached;

    LessonArticle(Consumer<String> sectionReached) {
        this.sectionReached = sectionReached;
        addClassName("ll-lesson-article");
    }

    /** Starts the browser side once the content is in place, scrolled to {@code section} if it is not blank. */
    void start(String section) {
        getElement().executeJs("window.latentlabLesson.init(this, $0)", section == null ? "" : section);
    }

    @ClientCallable
    private void sectionReached(String id) {
        // The id comes from the browser: the progress service checks it against the lesson's sections.
        if (id != null && id.length() <= 64) {
            sectionReached.accept(id);
        }
    }
}
