package org.latentlab.quiz.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.Language;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.quiz.AttemptService;
import org.latentlab.quiz.AttemptSummary;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizCatalog;
import org.latentlab.quiz.QuizPolicy;
import org.latentlab.quiz.QuizRoutes;

/** Every quiz on offer, with the reader's own attempts and the score that counts. */
@Route("quizzes")
@Menu(order = 20, icon = "vaadin:clipboard-check", title = "nav.quizzes")
@PermitAll
public class QuizzesView extends FeaturePage {

    QuizzesView(QuizCatalog catalog, AttemptService attempts) {
        super("quizzes.title", "quizzes.intro");
        Language language = Language.fromLocale(getLocale());
        Div cards = new Div();
        cards.addClassName("ll-cards");
        for (QuizCatalog.QuizVersion version : catalog.active()) {
            Quiz quiz = version.quiz();
            List<AttemptSummary> mine = attempts.myAttempts(quiz.id());
            Div card = new Div();
            card.addClassNames("ll-card", "ll-quiz-card-list");
            card.getElement().setAttribute("data-quiz", quiz.id());
            card.add(new H2(quiz.title().in(language)));
            Paragraph about = new Paragraph(getTranslation("quizzes.about", quiz.questions().size(),
                    getTranslation("quizzes.kind." + quiz.kind().fileName()), policy(quiz.policy())));
            about.addClassName("ll-muted");
            card.add(about);
            Optional<AttemptSummary> counted = AttemptService.counted(mine, quiz.policy());
            counted.ifPresent(a -> card.add(new Paragraph(getTranslation("quizzes.counted",
                    Math.round(a.percent()), mine.stream().filter(AttemptSummary::submitted).count()))));
            boolean open = mine.stream().anyMatch(a -> !a.submitted());
            Integer max = quiz.policy().maxAttempts();
            boolean left = max == null || mine.size() < max;
            if (open || left) {
                Anchor take = new Anchor(QuizRoutes.quiz(quiz.id()), getTranslation(open ? "quizzes.continue"
                        : mine.isEmpty() ? "quizzes.start" : "quizzes.again"));
                take.addClassName("ll-card-link");
                take.setId("take-" + quiz.id());
                card.add(take);
            }
            mine.stream().filter(AttemptSummary::submitted).reduce((a, b) -> b).ifPresent(last -> {
                Anchor result = new Anchor(QuizRoutes.attempt(last.attemptId()), getTranslation("quizzes.lastResult"));
                result.addClassName("ll-card-link");
                card.add(result);
            });
            cards.add(card);
        }
        add(cards);
    }

    private String policy(QuizPolicy policy) {
        String attempts = policy.maxAttempts() == null ? getTranslation("quizzes.policy.unlimited")
                : getTranslation("quizzes.policy.attempts", policy.maxAttempts());
        String counts = getTranslation("quizzes.policy.counts." + policy.counts().name().toLowerCase());
        String time = policy.timeLimitMinutes() == null ? "" : " " + getTranslation("quizzes.policy.time",
                policy.timeLimitMinutes());
        return attempts + " " + counts + time;
    }
}
