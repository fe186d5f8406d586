package org.latentlab.lesson.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

import org.latentlab.base.Language;
import org.latentlab.base.ui.HomeContribution;
import org.latentlab.lesson.LessonProgressService;
import org.latentlab.lesson.LessonRoutes;

/** "Continue where you left off" on the home page: the lesson section the student reached last. */
@org.springframework.stereotype.Component
class ContinueLessonCard implements HomeContribution {

    private final LessonProgressService progress;

    ContinueLessonCard(LessonProgressService progress) {
        this.progress = progress;
    }

    @Override
    public Optional<Component> create() {
        Language language = Language.fromLocale(UI.getCurrent().getLocale());
        return progress.continueEntry(language).<Component>map(entry -> {
            UI ui = UI.getCurrent();
            Div card = new Div(VaadinIcon.BOOKMARK.create());
            card.addClassNames("ll-card", "ll-continue");
            card.setId("continue-lesson");
            card.add(new H2(ui.getTranslation("home.continue.title")),
                    new Paragraph(ui.getTranslation("home.continue.text", entry.lessonTitle(), entry.sectionTitle())));
            Anchor link = new Anchor(LessonRoutes.section(entry.lessonId(), entry.sectionId()),
                    ui.getTranslation("home.continue.link"));
            link.addClassName("ll-card-link");
            card.add(link);
            return card;
        });
    }

    @Override
    public int order() {
        return -10;
    }
}
