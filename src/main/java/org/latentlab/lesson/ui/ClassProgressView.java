package org.latentlab.lesson.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
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
import org.latentlab.lesson.LessonCatalog;
import org.latentlab.lesson.LessonProgress;
import org.latentlab.lesson.LessonProgressService;
import org.latentlab.lesson.StudentProgress;

/** For teachers: how far each student of one of their classes has got in a lesson. */
@Route("lessons/progress")
// The old address, kept so that bookmarks still open.
@RouteAlias("progress")
@Menu(order = 55, icon = "vaadin:chart-timeline", title = "nav.progress")
@RolesAllowed(Role.Names.TEACHER)
public class ClassProgressView extends FeaturePage {

    private final LessonProgressService progress;
    private final ClassPicker classes;
    private final Select<LessonCatalog.LessonSummary> lessons = new Select<>();
    private final Grid<StudentProgress> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    ClassProgressView(LessonProgressService progress, ClassroomService classrooms, LessonCatalog catalog) {
        super("progress.title", "progress.intro");
        this.progress = progress;
        this.classes = new ClassPicker(classrooms, "progress-class");
        lessons.setLabel(getTranslation("progress.lesson"));
        lessons.setItems(catalog.lessons(Language.fromLocale(getLocale())));
        lessons.setItemLabelGenerator(LessonCatalog.LessonSummary::title);
        lessons.setId("progress-lesson");
        lessons.setWidth("24em");
        add(new HorizontalLayout(classes, lessons));

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.addColumn(StudentProgress::displayName).setHeader(getTranslation("progress.student"))
                .setAutoWidth(true).setSortable(true);
        grid.addComponentColumn(s -> sections(s.progress())).setHeader(getTranslation("progress.sections"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.progress().widgetsUsed().size() + " / " + LessonProgress.WIDGET_COUNT)
                .setHeader(getTranslation("progress.widgets")).setAutoWidth(true);
        grid.addColumn(s -> yesNo(s.progress().preQuizDone())).setHeader(getTranslation("progress.preQuiz"));
        grid.addColumn(s -> yesNo(s.progress().postQuizDone())).setHeader(getTranslation("progress.postQuiz"));
        grid.addColumn(s -> s.progress().labsDone().isEmpty() ? "–"
                : String.join(", ", s.progress().labsDone().stream().sorted()
                        .map(e -> getTranslation("experiment." + e)).toList()))
                .setHeader(getTranslation("progress.labs")).setAutoWidth(true);
        grid.addColumn(s -> yesNo(s.progress().assignmentDone())).setHeader(getTranslation("progress.assignment"));
        grid.addColumn(s -> s.progress().lastActivity().map(when::format).orElse("–"))
                .setHeader(getTranslation("progress.lastActivity")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("progress-grid");
        empty.addClassName("ll-muted");
        add(grid, empty);

        classes.addValueChangeListener(e -> refresh());
        lessons.addValueChangeListener(e -> refresh());
        if (classes.hasNoClasses()) {
            empty.setText(classes.noClassesText());
            grid.setVisible(false);
        } else {
            classes.chooseFirst();
            lessons.getListDataView().getItems().findFirst().ifPresent(lessons::setValue);
        }
    }

    private void refresh() {
        if (classes.getValue() == null || lessons.getValue() == null) {
            return;
        }
        List<StudentProgress> rows = progress.classProgress(classes.getValue().id(), lessons.getValue().id());
        grid.setItems(rows);
        empty.setText(rows.isEmpty() ? getTranslation("progress.noStudents") : "");
    }

    private HorizontalLayout sections(LessonProgress p) {
        ProgressBar bar = new ProgressBar(0, 1, p.sectionShare());
        bar.setWidth("6em");
        String reached = p.sectionsReached().size() + " / " + p.sectionCount();
        // A progress bar needs a name of its own: the column header is not read with it.
        bar.getElement().setAttribute("aria-label", getTranslation("progress.sections") + ": " + reached);
        Span count = new Span(reached);
        HorizontalLayout cell = new HorizontalLayout(bar, count);
        cell.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        return cell;
    }

    private String yesNo(boolean done) {
        return done ? "✓" : "–";
    }
}
