package org.latentlab.lesson.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.Language;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.lesson.LessonCatalog;
import org.latentlab.lesson.LessonProgress;
import org.latentlab.lesson.LessonProgressService;
import org.latentlab.lesson.LessonRoutes;

/** All lessons: ours first, then those imported from the curriculum, each with the reader's progress. */
@Route("lessons")
@Menu(order = 10, icon = "vaadin:book", title = "nav.lessons")
@AnonymousAllowed
public class LessonsView extends FeaturePage {

    LessonsView(LessonCatalog catalog, LessonProgressService progress, CurrentUser currentUser) {
        super("lessons.title", "lessons.intro");
        Language language = Language.fromLocale(getLocale());
        Div cards = new Div();
        cards.addClassName("ll-cards");
        for (LessonCatalog.LessonSummary lesson : catalog.lessons(language)) {
            Div card = new Div();
            card.addClassNames("ll-card", "ll-lesson-card");
            card.getElement().setAttribute("data-lesson", lesson.id());
            card.add(new H2(lesson.title()));
            Paragraph languages = new Paragraph(getTranslation("lessons.languages",
                    String.join(", ", lesson.languages().stream().map(Language::nativeName).toList())));
            languages.addClassName("ll-muted");
            card.add(languages);
            if (!lesson.builtIn()) {
                Span imported = new Span(getTranslation("lessons.imported"));
                imported.addClassName("ll-badge");
                card.add(imported);
            }
            if (currentUser.get().isPresent()) {
                LessonProgress mine = progress.myProgress(lesson.id());
                if (mine.started()) {
                    ProgressBar bar = new ProgressBar(0, 1, mine.sectionShare());
                    bar.getElement().setAttribute("aria-label", getTranslation("lessons.progress",
                            mine.sectionsReached().size(), mine.sectionCount()));
                    card.add(bar, new Paragraph(getTranslation("lessons.progress",
                            mine.sectionsReached().size(), mine.sectionCount())));
                }
            }
            Anchor open = new Anchor(LessonRoutes.lesson(lesson.id()), getTranslation("lessons.open"));
            open.addClassName("ll-card-link");
            card.add(open);
            cards.add(card);
        }
        add(cards);
    }
}
