package org.latentlab.quiz.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import org.latentlab.base.ui.FeaturePage;

/** Entry page of the quizzes feature. */
@Route("quizzes")
@Menu(order = 20, icon = "vaadin:clipboard-check", title = "nav.quizzes")
@PermitAll
public class QuizzesView extends FeaturePage {

    public QuizzesView() {
        super("quizzes.title", "quizzes.intro");
        addNotice("quizzes.status");
    }
}
