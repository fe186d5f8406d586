package org.latentlab.lesson.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.ui.FeaturePage;

/** Entry page of the lessons feature. */
@Route("lessons")
@Menu(order = 10, icon = "vaadin:book", title = "nav.lessons")
@AnonymousAllowed
public class LessonsView extends FeaturePage {

    public LessonsView() {
        super("lessons.title", "lessons.intro");
        addNotice("lessons.status");
    }
}
