package org.latentlab.quiz.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Language;
import org.latentlab.quiz.AttemptOutcome;
import org.latentlab.quiz.AttemptService;
import org.latentlab.quiz.LessonSections;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.QuizRoutes;
import org.springframework.security.access.AccessDeniedException;

/** A submitted attempt: the score, and per question the right answer, the explanation and where to read again. */
@Route("quizzes/attempts/:attemptId")
@PermitAll
public class AttemptResultView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AttemptService attempts;
    private final LessonSections lessonSections;
    private String title = "";

    AttemptResultView(AttemptService attempts, LessonSections lessonSections) {
        this.attempts = attempts;
        this.lessonSections = lessonSections;
        addClassNames("ll-page", "ll-quiz-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long attemptId;
        try {
            attemptId = Long.parseLong(event.getRouteParameters().get("attemptId").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        AttemptOutcome outcome;
        try {
            outcome = attempts.outcome(attemptId, Language.fromLocale(getLocale()));
        } catch (AccessDeniedException notYours) {
            // Someone else's attempt, or a made-up id: the same answer for both.
            event.rerouteToError(NotFoundException.class);
            return;
        } catch (InvalidInputException notSubmitted) {
            event.forwardTo(attempts.quizOfMyAttempt(attemptId).map(QuizRoutes::quiz).orElse(QuizRoutes.quizzes()));
            return;
        }
        show(outcome);
    }

    private void show(AttemptOutcome outcome) {
        title = outcome.title();
        H1 heading = new H1(title);
        heading.addClassName("ll-page-title");
        Paragraph score = new Paragraph(getTranslation("result.score", format(outcome.attempt().score()),
                format(outcome.attempt().maxScore()), Math.round(outcome.attempt().percent())));
        score.addClassName("ll-score");
        score.setId("result-score");
        add(heading, score);
        // The page may open scrolled down (from the quiz's submit button): start at the score.
        heading.getElement().executeJs("this.scrollIntoView({block: 'start'})");
        int number = 1;
        for (AttemptOutcome.QuestionOutcome question : outcome.questions()) {
            Div card = new Div();
            card.addClassNames("ll-card", "ll-question", question.fullyRight() ? "ll-right" : "ll-wrong");
            card.getElement().setAttribute("data-question", question.questionId());
            Span mark = new Span(question.fullyRight() ? "✓" : question.points() > 0 ? "◐" : "✗");
            mark.addClassName("ll-mark");
            card.add(new H3(number++ + ". " + question.text()), mark,
                    new Paragraph(getTranslation("result.points", format(question.points()),
                            format(question.maxPoints()))),
                    line("result.yourAnswer", question.given().isEmpty() ? getTranslation("result.noAnswer")
                            : shown(question, question.given())));
            if (!question.fullyRight()) {
                card.add(line("result.rightAnswer", shown(question, question.right())));
            }
            if (!question.feedback().isEmpty()) {
                card.add(line("result.feedback", question.feedback()));
            }
            if (!question.explanation().isEmpty()) {
                Paragraph explanation = new Paragraph(question.explanation());
                explanation.addClassName("ll-explanation");
                card.add(explanation);
            }
            if (!question.fullyRight() && outcome.lesson() != null && question.section() != null) {
                Anchor reread = new Anchor(lessonSections.location(outcome.lesson(), question.section()),
                        getTranslation("result.reread"));
                reread.addClassName("ll-reread");
                card.add(reread);
            }
            add(card);
        }
        add(new Anchor(QuizRoutes.quizzes(), getTranslation("quiz.back")));
    }

    private String shown(AttemptOutcome.QuestionOutcome question, String answer) {
        if (question.type() == QuestionType.TRUE_FALSE) {
            return getTranslation(Boolean.parseBoolean(answer) ? "quiz.true" : "quiz.false");
        }
        return answer;
    }

    private Paragraph line(String key, String value) {
        Paragraph line = new Paragraph();
        Span label = new Span(getTranslation(key) + " ");
        label.addClassName("ll-label");
        line.add(label, new Span(value));
        return line;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
