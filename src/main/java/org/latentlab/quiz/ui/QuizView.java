package org.latentlab.quiz.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.InvalidInputException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.latentlab.base.Language;
import org.latentlab.quiz.AttemptService;
import org.latentlab.quiz.AttemptSheet;
import org.latentlab.quiz.AttemptSheet.Item;
import org.latentlab.quiz.AttemptSheet.SheetQuestion;
import org.latentlab.quiz.GivenAnswer;
import org.latentlab.quiz.QuestionType;
import org.latentlab.quiz.QuizRoutes;

/**
 * Taking a quiz. Each answer is sent to the server the moment it is given and the page says when it was saved; if
 * the tab is closed or the server restarts, opening the quiz again shows every saved answer. The page never holds
 * the right answers: it only gets them, with the explanations, after submission.
 */
@Route("quizzes/:quizId")
@PermitAll
public class QuizView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AttemptService attempts;
    private AttemptSheet sheet;
    private Language language;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QuizView.class);
    /** How long the page waits before it tries an answer that could not be saved again. */
    static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(3);

    private final Map<String, Span> savedMarks = new java.util.HashMap<>();
    /** Answers given but not stored yet (a save failed): tried again, and never shown as saved until they are. */
    private final Map<String, GivenAnswer> unsaved = new java.util.LinkedHashMap<>();
    private boolean retryScheduled;
    private final Map<String, List<String>> orderAnswers = new java.util.HashMap<>();
    private final Set<String> answered = new HashSet<>();
    private String title = "";

    QuizView(AttemptService attempts) {
        this.attempts = attempts;
        addClassNames("ll-page", "ll-quiz-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        language = Language.fromLocale(getLocale());
        String quizId = event.getRouteParameters().get("quizId").orElse("");
        try {
            sheet = attempts.startOrResume(quizId, language);
        } catch (InvalidInputException refused) {
            H1 heading = new H1(getTranslation("quiz.title"));
            Paragraph problem = new Paragraph(getTranslation(refused.messageKey(), refused.arguments()));
            problem.addClassName("ll-notice");
            problem.setId("quiz-problem");
            add(heading, problem, new com.vaadin.flow.component.html.Anchor("quizzes", getTranslation("quiz.back")));
            return;
        }
        build();
    }

    private void build() {
        title = sheet.title();
        H1 heading = new H1(title);
        heading.addClassName("ll-page-title");
        heading.setId("quiz-title");
        inContentLanguage(heading);
        add(heading);
        Paragraph about = new Paragraph(getTranslation("quiz.autosave", sheet.attempt().number()));
        about.addClassName("ll-muted");
        add(about);
        if (sheet.deadline() != null) {
            add(deadline(sheet.deadline()));
        }
        int number = 1;
        for (SheetQuestion question : sheet.questions()) {
            add(question(number++, question));
        }
        Button submit = new Button(getTranslation("quiz.submit"), e -> confirmSubmit(e.getSource()));
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setId("quiz-submit");
        add(submit);
    }

    private Component deadline(Instant deadline) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        Paragraph notice = new Paragraph(getTranslation("quiz.deadline", time.format(deadline)));
        notice.addClassName("ll-notice");
        Span left = new Span();
        left.setId("quiz-time-left");
        left.getElement().setAttribute("dir", "ltr");
        notice.add(new Span(" "), left);
        // A countdown for the student's eye only: the server enforces the deadline itself.
        left.getElement().executeJs("const end = $0; const el = this; const tick = () => { const s = Math.max(0, "
                + "Math.round((end - Date.now()) / 1000)); el.textContent = '(' + Math.floor(s / 60) + ':' + "
                + "String(s % 60).padStart(2, '0') + ')'; if (s > 0) setTimeout(tick, 1000); }; tick();",
                deadline.toEpochMilli());
        return notice;
    }

    private Div question(int number, SheetQuestion question) {
        Div card = new Div();
        card.addClassNames("ll-card", "ll-question");
        card.getElement().setAttribute("data-question", question.id());
        H3 text = new H3(number + ". " + question.text());
        Span points = new Span(getTranslation("quiz.points", question.points()));
        points.addClassName("ll-muted");
        Span saved = new Span();
        saved.addClassName("ll-saved");
        // Read out when an answer has been saved (or could not be), without moving the focus.
        saved.getElement().setAttribute("role", "status");
        savedMarks.put(question.id(), saved);
        GivenAnswer previous = sheet.saved().get(question.id());
        if (previous != null) {
            answered.add(question.id());
            saved.setText(getTranslation("quiz.savedBefore"));
        }
        Component answer = input(question, previous);
        inContentLanguage(text);
        inContentLanguage(answer);
        card.add(text, points, answer, saved);
        return card;
    }

    /**
     * A quiz in a language the interface does not speak is shown in its own language and direction (the lang
     * attribute for fonts and screen readers); the page's own words around it stay in the student's.
     */
    private void inContentLanguage(Component content) {
        if (sheet.content() != null) {
            content.getElement().setAttribute("lang", sheet.content().tag());
            content.getElement().setAttribute("dir", sheet.content().direction());
        }
    }

    private Component input(SheetQuestion question, GivenAnswer previous) {
        return switch (question.type()) {
            case SINGLE -> {
                RadioButtonGroup<Item> group = new RadioButtonGroup<>();
                group.setItems(question.items());
                group.setItemLabelGenerator(Item::text);
                if (previous instanceof GivenAnswer.Choices(Set<String> ids)) {
                    question.items().stream().filter(i -> ids.contains(i.id())).findFirst().ifPresent(group::setValue);
                }
                group.addValueChangeListener(e -> {
                    if (e.isFromClient() && e.getValue() != null) {
                        save(question.id(), new GivenAnswer.Choices(Set.of(e.getValue().id())));
                    }
                });
                group.addClassName("ll-answer");
                yield group;
            }
            case MULTIPLE -> {
                CheckboxGroup<Item> group = new CheckboxGroup<>();
                group.setItems(question.items());
                group.setItemLabelGenerator(Item::text);
                group.setHelperText(getTranslation("quiz.multipleHelp"));
                if (previous instanceof GivenAnswer.Choices(Set<String> ids)) {
                    group.setValue(question.items().stream().filter(i -> ids.contains(i.id()))
                            .collect(Collectors.toCollection(LinkedHashSet::new)));
                }
                group.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        save(question.id(), new GivenAnswer.Choices(e.getValue().stream().map(Item::id)
                                .collect(Collectors.toSet())));
                    }
                });
                group.addClassName("ll-answer");
                yield group;
            }
            case TRUE_FALSE -> {
                RadioButtonGroup<Boolean> group = new RadioButtonGroup<>();
                group.setItems(Boolean.TRUE, Boolean.FALSE);
                group.setItemLabelGenerator(b -> getTranslation(b ? "quiz.true" : "quiz.false"));
                if (previous instanceof GivenAnswer.TrueFalse(boolean value)) {
                    group.setValue(value);
                }
                group.addValueChangeListener(e -> {
                    if (e.isFromClient() && e.getValue() != null) {
                        save(question.id(), new GivenAnswer.TrueFalse(e.getValue()));
                    }
                });
                group.addClassName("ll-answer");
                yield group;
            }
            case NUMERIC -> {
                NumberField field = new NumberField();
                field.setSuffixComponent(question.unit() == null ? null : new Span(question.unit()));
                field.setValueChangeMode(ValueChangeMode.LAZY);
                field.setValueChangeTimeout(500);
                field.setAriaLabel(getTranslation("quiz.numberLabel"));
                if (previous instanceof GivenAnswer.Number(double value)) {
                    field.setValue(value);
                }
                field.addValueChangeListener(e -> {
                    if (e.isFromClient() && e.getValue() != null) {
                        save(question.id(), new GivenAnswer.Number(e.getValue()));
                    }
                });
                field.addClassName("ll-answer");
                yield field;
            }
            case ORDER -> orderList(question, previous);
        };
    }

    /**
     * Steps with buttons to move them up and down; every move is saved. The list is drawn again after a move, and the
     * keyboard focus follows the step that moved (to the same button while it can still go that way), so a step can
     * be carried several places with repeated Enter or Space. Each button's name says which step it moves.
     */
    private Component orderList(SheetQuestion question, GivenAnswer previous) {
        List<String> order = new ArrayList<>(previous instanceof GivenAnswer.Order(List<String> ids) ? ids
                : question.items().stream().map(Item::id).toList());
        orderAnswers.put(question.id(), order);
        Map<String, String> texts = question.items().stream().collect(Collectors.toMap(Item::id, Item::text));
        Div list = new Div();
        list.addClassNames("ll-order", "ll-answer");
        list.getElement().setAttribute("role", "list");
        // [0]: draws the list; the step that just moved and the way it went, to put the focus back on it.
        Runnable[] render = new Runnable[1];
        String[] moved = new String[1];
        boolean[] movedUp = new boolean[1];
        render[0] = () -> {
            list.removeAll();
            for (int i = 0; i < order.size(); i++) {
                int at = i;
                String step = order.get(i);
                String shown = (i + 1) + ". " + texts.get(step);
                Div row = new Div(new Span(shown));
                row.addClassName("ll-order-step");
                row.getElement().setAttribute("role", "listitem");
                Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> {
                    java.util.Collections.swap(order, at, at - 1);
                    moved[0] = step;
                    movedUp[0] = true;
                    render[0].run();
                    save(question.id(), new GivenAnswer.Order(order));
                });
                up.setEnabled(i > 0);
                up.setAriaLabel(getTranslation("quiz.moveUp") + ": " + shown);
                Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> {
                    java.util.Collections.swap(order, at, at + 1);
                    moved[0] = step;
                    movedUp[0] = false;
                    render[0].run();
                    save(question.id(), new GivenAnswer.Order(order));
                });
                down.setEnabled(i < order.size() - 1);
                down.setAriaLabel(getTranslation("quiz.moveDown") + ": " + shown);
                up.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                down.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                row.add(up, down);
                list.add(row);
                if (step.equals(moved[0])) {
                    Button same = movedUp[0] ? up : down;
                    (same.isEnabled() ? same : movedUp[0] ? down : up).focus();
                }
            }
            moved[0] = null;
        };
        render[0].run();
        Paragraph help = new Paragraph(getTranslation("quiz.orderHelp"));
        help.addClassName("ll-muted");
        return new Div(help, list);
    }

    private void save(String questionId, GivenAnswer answer) {
        Span mark = savedMarks.get(questionId);
        // A newer answer replaces one still waiting for its retry.
        unsaved.remove(questionId);
        try {
            Instant at = attempts.save(sheet.attempt().attemptId(), questionId, answer);
            answered.add(questionId);
            mark.setText(getTranslation("quiz.saved", DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM)
                    .withLocale(getLocale()).withZone(ZoneId.systemDefault()).format(at)));
            mark.removeClassName("ll-problem");
        } catch (InvalidInputException refused) {
            String message = getTranslation(refused.messageKey(), refused.arguments());
            mark.setText(message);
            mark.addClassName("ll-problem");
            Notification.show(message, 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.ERROR);
            if ("quiz.timeUp".equals(refused.messageKey()) || "quiz.alreadySubmitted".equals(refused.messageKey())) {
                getUI().ifPresent(ui -> ui.navigate(QuizRoutes.attempt(sheet.attempt().attemptId())));
            }
        } catch (RuntimeException failed) {
            // Anything else (the database busy or away, a node restarting): the answer is not stored, so the page
            // must not say "Saved". It says so, keeps the answer and tries again by itself.
            log.warn("Saving an answer of attempt {} failed; the page retries: {}", sheet.attempt().attemptId(),
                    failed.toString());
            answered.remove(questionId);
            unsaved.put(questionId, answer);
            mark.setText(getTranslation("quiz.notSaved"));
            mark.addClassName("ll-problem");
            retryLater();
        }
    }

    /** Tries the answers that could not be saved again after a pause, on the page's UI, as its viewer. */
    private void retryLater() {
        UI ui = UI.getCurrent();
        if (ui == null || retryScheduled) {
            return;
        }
        retryScheduled = true;
        SecurityContext viewer = SecurityContextHolder.getContext();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(RETRY_AFTER.toMillis());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return;
            }
            ui.access(() -> new DelegatingSecurityContextRunnable(() -> {
                retryScheduled = false;
                new java.util.ArrayList<>(unsaved.entrySet()).forEach(entry -> save(entry.getKey(), entry.getValue()));
            }, viewer).run());
        });
    }

    private void confirmSubmit(Button button) {
        long missing = sheet.questions().stream().filter(q -> q.type() != QuestionType.ORDER)
                .filter(q -> !answered.contains(q.id())).count();
        if (missing == 0) {
            submit();
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("quiz.confirm.title"),
                getTranslation("quiz.confirm.text", missing), getTranslation("quiz.submit"), e -> submit());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("quiz.confirm.cancel"));
        confirm.setId("quiz-confirm");
        confirm.open();
    }

    private void submit() {
        // Order questions left as shown are answered as shown: that is what the student saw and accepted.
        for (Map.Entry<String, List<String>> order : orderAnswers.entrySet()) {
            if (!answered.contains(order.getKey())) {
                try {
                    attempts.save(sheet.attempt().attemptId(), order.getKey(), new GivenAnswer.Order(order.getValue()));
                } catch (InvalidInputException tooLate) {
                    break;
                }
            }
        }
        attempts.submit(sheet.attempt().attemptId(), language);
        getUI().ifPresent(ui -> ui.navigate(QuizRoutes.attempt(sheet.attempt().attemptId())));
    }

    @Override
    public String getPageTitle() {
        return (title.isEmpty() ? getTranslation("quiz.title") : title) + " · " + getTranslation("app.name");
    }
}
