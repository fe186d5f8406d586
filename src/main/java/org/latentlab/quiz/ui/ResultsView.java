package org.latentlab.quiz.ui;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.Language;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.ui.ClassPicker;
import org.latentlab.quiz.AttemptSummary;
import org.latentlab.quiz.ClassResults;
import org.latentlab.quiz.QuizResultsService;
import org.latentlab.quiz.QuizRoutes;
import org.latentlab.quiz.QuizSubmissions;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For teachers: the quiz results of one of their classes, students by quizzes, updated live (server push) when a
 * student submits. Each cell opens the attempt that counts; the whole grid downloads as CSV.
 */
@Route("quizzes/results")
// The old address, kept so that bookmarks and printed links still open.
@RouteAlias("results")
@Menu(order = 57, icon = "vaadin:table", title = "nav.results")
@RolesAllowed(Role.Names.TEACHER)
public class ResultsView extends FeaturePage {

    private final QuizResultsService results;
    private final QuizSubmissions submissions;
    private final ClassPicker classes;
    private final Grid<ClassResults.Row> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final Anchor csv = new Anchor();
    private final Anchor printable = new Anchor();
    private final Language language;
    private AutoCloseable subscription;

    ResultsView(QuizResultsService results, ClassroomService classrooms, QuizSubmissions submissions) {
        super("results.title", "results.intro");
        this.results = results;
        this.submissions = submissions;
        this.language = Language.fromLocale(getLocale());
        this.classes = new ClassPicker(classrooms, "results-class");
        csv.setText(getTranslation("results.csv"));
        csv.setId("results-csv");
        printable.setText(getTranslation("results.printable"));
        printable.setId("results-printable");
        HorizontalLayout bar = new HorizontalLayout(classes, csv, printable);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(bar);
        grid.setId("results-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        empty.addClassName("ll-muted");
        add(grid, empty);
        classes.addValueChangeListener(e -> refresh());
        if (classes.hasNoClasses()) {
            empty.setText(classes.noClassesText());
            grid.setVisible(false);
            csv.setVisible(false);
            printable.setVisible(false);
        } else {
            classes.chooseFirst();
        }
    }

    private void refresh() {
        ClassSummary chosen = classes.getValue();
        if (chosen == null) {
            return;
        }
        ClassResults data = results.classResults(chosen.id(), language);
        grid.removeAllColumns();
        grid.addColumn(ClassResults.Row::displayName).setHeader(getTranslation("progress.student"))
                .setAutoWidth(true).setFrozen(true).setSortable(true);
        for (ClassResults.Column column : data.quizzes()) {
            grid.addComponentColumn(row -> cell(row.cell(column.quizId()))).setHeader(column.title())
                    .setAutoWidth(true);
        }
        grid.setItems(data.students());
        empty.setText(data.students().isEmpty() ? getTranslation("progress.noStudents") : "");
        String name = "results-" + chosen.name().replaceAll("[^A-Za-z0-9]+", "-") + ".csv";
        long classId = chosen.id();
        csv.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = results.csv(classId, language).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new java.io.ByteArrayInputStream(bytes), name, "text/csv;charset=utf-8",
                    bytes.length);
        }));
        csv.getElement().setAttribute("download", true);
        printable.setHref(QuizRoutes.printableResults(chosen.id()));
    }

    private com.vaadin.flow.component.Component cell(Optional<ClassResults.Cell> cell) {
        if (cell.isEmpty()) {
            return new Span("–");
        }
        Optional<AttemptSummary> counted = cell.get().counted();
        if (counted.isEmpty()) {
            Span working = new Span(getTranslation("results.inProgress"));
            working.addClassName("ll-muted");
            return working;
        }
        String text = Math.round(counted.get().percent()) + "% (" + cell.get().attempts() + ")";
        Anchor open = new Anchor(QuizRoutes.attempt(counted.get().attemptId()), text);
        open.getElement().setAttribute("title", getTranslation("results.cellHelp", cell.get().attempts(),
                cell.get().time().map(t -> Math.max(1, Math.round(t.toSeconds() / 60.0))).orElse(0L)));
        return open;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        // The refresh runs on the submitting student's thread: it must run as this teacher, whose classes it reads.
        SecurityContext teacher = SecurityContextHolder.getContext();
        subscription = submissions.subscribe(submitted -> ui.access(() ->
                new DelegatingSecurityContextRunnable(this::refresh, teacher).run()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // Removing a listener cannot fail.
            }
        }
    }
}
