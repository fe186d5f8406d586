package org.latentlab.quiz.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.Language;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.ui.ClassPicker;
import org.latentlab.quiz.Quiz;
import org.latentlab.quiz.QuizCatalog;
import org.latentlab.quiz.QuizResultsService;
import org.latentlab.quiz.QuizResultsService.RegradeChange;
import org.latentlab.quiz.stats.ItemStatistics;
import org.latentlab.quiz.stats.QuizStatistics;

/**
 * For teachers: how each question of a quiz worked in their class, as Moodle's statistics report shows it (facility,
 * discrimination, the share of each option), with questions that look broken flagged; and a regrade against the
 * quiz's current version, previewed before it is applied.
 */
@Route("quizzes/results/analysis")
// The old address, kept so that bookmarks still open.
@RouteAlias("results/analysis")
@Menu(order = 58, icon = "vaadin:chart", title = "nav.analysis")
@RolesAllowed(Role.Names.TEACHER)
public class ItemAnalysisView extends FeaturePage {

    private final QuizResultsService results;
    private final Language language;
    private final ClassPicker classes;
    private final Select<QuizCatalog.QuizVersion> quizzes = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final Grid<ItemStatistics> grid = new Grid<>();

    ItemAnalysisView(QuizResultsService results, QuizCatalog catalog, ClassroomService classrooms) {
        super("analysis.title", "analysis.intro");
        this.results = results;
        this.language = Language.fromLocale(getLocale());
        this.classes = new ClassPicker(classrooms, "analysis-class");
        quizzes.setLabel(getTranslation("analysis.quiz"));
        quizzes.setItems(catalog.active());
        quizzes.setItemLabelGenerator(v -> v.quiz().title().in(language));
        quizzes.setId("analysis-quiz");
        quizzes.setWidth("24em");
        Button regrade = new Button(getTranslation("analysis.regrade"), e -> previewRegrade());
        regrade.setId("analysis-regrade");
        HorizontalLayout bar = new HorizontalLayout(classes, quizzes, regrade);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setId("analysis-summary");
        add(bar, summary);

        grid.addColumn(s -> position(s.questionId())).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> questionText(s.questionId())).setHeader(getTranslation("analysis.question"))
                .setFlexGrow(1);
        grid.addColumn(s -> percent(s.facilityIndex())).setHeader(getTranslation("analysis.facility"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.discriminationIndex() == null ? "–" : percent(s.discriminationIndex()))
                .setHeader(getTranslation("analysis.discrimination")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.discriminativeEfficiency() == null ? "–" : percent(s.discriminativeEfficiency()))
                .setHeader(getTranslation("analysis.efficiency")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::shares).setHeader(getTranslation("analysis.options")).setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Span flags = new Span(s.flags().stream().map(f -> getTranslation("analysis.flag." + f.name()))
                    .collect(Collectors.joining(" ")));
            if (!s.flags().isEmpty()) {
                flags.addClassName("ll-problem");
            }
            return flags;
        }).setHeader(getTranslation("analysis.flags")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("analysis-grid");
        grid.setEmptyStateText(getTranslation("analysis.noAttempts"));
        add(grid);

        classes.addValueChangeListener(e -> refresh());
        quizzes.addValueChangeListener(e -> refresh());
        if (classes.hasNoClasses()) {
            summary.setText(classes.noClassesText());
            grid.setVisible(false);
            regrade.setEnabled(false);
        } else {
            classes.chooseFirst();
        }
        catalog.active().stream().findFirst().ifPresent(quizzes::setValue);
    }

    private Quiz quiz() {
        return quizzes.getValue().quiz();
    }

    private void refresh() {
        if (classes.getValue() == null || quizzes.getValue() == null) {
            return;
        }
        QuizStatistics stats = results.itemAnalysis(classes.getValue().id(), quiz().id());
        summary.setText(getTranslation("analysis.summary", stats.attempts(), percent(stats.meanScorePercent()),
                percent(stats.medianScorePercent()), percent(stats.standardDeviationPercent()),
                stats.cronbachAlpha() == null ? "–" : percent(100 * stats.cronbachAlpha())));
        grid.setItems(stats.attempts() == 0 ? List.of() : stats.items());
    }

    private String position(String questionId) {
        return Integer.toString(quiz().questions().stream().map(q -> q.id()).toList().indexOf(questionId) + 1);
    }

    private String questionText(String questionId) {
        return quiz().question(questionId).map(q -> q.text().in(language)).orElse(questionId);
    }

    private String shares(ItemStatistics s) {
        Map<String, Double> shares = s.optionShares();
        if (shares.isEmpty()) {
            return "";
        }
        var question = quiz().question(s.questionId()).orElseThrow();
        StringBuilder text = new StringBuilder();
        char letter = 'A';
        for (var option : question.options()) {
            text.append(letter++).append(option.correct() ? "✓" : "").append(' ')
                    .append(Math.round(100 * shares.getOrDefault(option.id(), 0.0))).append("%  ");
        }
        return text.toString().strip();
    }

    private void previewRegrade() {
        if (classes.getValue() == null || quizzes.getValue() == null) {
            return;
        }
        long classId = classes.getValue().id();
        String quizId = quiz().id();
        List<RegradeChange> changes = results.regrade(classId, quizId, true);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("analysis.regrade"));
        dialog.setId("regrade-dialog");
        if (changes.isEmpty()) {
            dialog.add(new Paragraph(getTranslation("analysis.regrade.none")));
            dialog.getFooter().add(new Button(getTranslation("analysis.regrade.close"), e -> dialog.close()));
        } else {
            Grid<RegradeChange> preview = new Grid<>();
            preview.addColumn(RegradeChange::student).setHeader(getTranslation("progress.student"));
            preview.addColumn(c -> format(c.oldScore()) + " → " + format(c.newScore()) + " / " + format(c.maxScore()))
                    .setHeader(getTranslation("analysis.regrade.score"));
            preview.setItems(changes);
            preview.setAllRowsVisible(true);
            dialog.add(new H2(getTranslation("analysis.regrade.preview", changes.size())), preview);
            Button apply = new Button(getTranslation("analysis.regrade.apply"), e -> {
                int changed = results.regrade(classId, quizId, false).size();
                dialog.close();
                Notification.show(getTranslation("analysis.regrade.done", changed))
                        .addThemeVariants(NotificationVariant.SUCCESS);
                refresh();
            });
            apply.addThemeVariants(ButtonVariant.PRIMARY);
            apply.setId("regrade-apply");
            dialog.getFooter().add(new Button(getTranslation("analysis.regrade.close"), e -> dialog.close()), apply);
        }
        dialog.open();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
