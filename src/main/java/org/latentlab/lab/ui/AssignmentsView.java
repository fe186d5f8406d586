package org.latentlab.lab.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.classroom.ClassMember;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.ui.ClassPicker;
import org.latentlab.lab.AssignmentService;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunSummary;

/**
 * For teachers: the assignment answers of one of their classes. Pick a student to see the submitted run's curve,
 * reconstructions and test figures beside the student's text, and give a grade with a comment. The grade is for the
 * version shown: if the student hands in again or another teacher grades it meanwhile, saving says so, shows the
 * latest version and keeps what the teacher typed, so nothing is overwritten unseen.
 */
@Route("lab/assignments")
@Menu(order = 34, icon = "vaadin:academy-cap", title = "nav.assignments")
@RolesAllowed(Role.Names.TEACHER)
public class AssignmentsView extends FeaturePage {

    /** A row of the class list: a student and their submission, if any. */
    record Row(ClassMember student, Optional<AssignmentService.Submission> submission) {
    }

    /** What the teacher typed when their grade was refused because the hand-in had changed. */
    private record Typed(Integer grade, String comment) {
    }

    private final AssignmentService assignments;
    private final LabRuns runs;
    private final RunDisplay display;
    private final ClassPicker classes;
    private final Grid<Row> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Div detail = new Div();

    AssignmentsView(AssignmentService assignments, LabRuns runs, ClassroomService classrooms) {
        super("lab.assignments.title", "lab.assignments.intro");
        this.assignments = assignments;
        this.runs = runs;
        this.display = new RunDisplay(this);
        setId("assignments-view");
        this.classes = new ClassPicker(classrooms, "assignments-class");
        classes.setWidth("24em");
        classes.addValueChangeListener(e -> refresh());

        grid.addColumn(row -> row.student().displayName()).setHeader(getTranslation("progress.student"))
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(row -> row.submission().map(s -> display.when(s.submittedAt()))
                .orElse(getTranslation("lab.assignments.notYet")))
                .setHeader(getTranslation("lab.assignments.submitted")).setAutoWidth(true);
        grid.addColumn(row -> row.submission().map(s -> s.grade() == null ? getTranslation("lab.assignments.toGrade")
                : Integer.toString(s.grade())).orElse("–"))
                .setHeader(getTranslation("lab.assignments.grade")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("assignments-grid");
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
        detail.setId("assignment-detail");
        detail.setWidthFull();
        add(classes, summary, grid, detail);
        if (classes.hasNoClasses()) {
            summary.setText(getTranslation("lab.assignments.noClass"));
            grid.setVisible(false);
        } else {
            classes.chooseFirst();
        }
    }

    private void refresh() {
        ClassSummary chosen = classes.getValue();
        if (chosen == null) {
            return;
        }
        AssignmentService.ClassSubmissions answers = assignments.forClass(chosen.id());
        List<Row> rows = answers.students().stream()
                .map(student -> new Row(student, answers.of(student.studentId()))).toList();
        grid.setItems(rows);
        summary.setText(getTranslation("lab.assignments.count", answers.submissions().size(),
                answers.students().size()));
        detail.removeAll();
    }

    private void showDetail(Row row) {
        showDetail(row, null);
    }

    private void showDetail(Row row, Typed refused) {
        detail.removeAll();
        if (row == null) {
            return;
        }
        detail.add(new H2(row.student().displayName()));
        if (row.submission().isEmpty()) {
            detail.add(new Paragraph(getTranslation("lab.assignments.notYet")));
            return;
        }
        AssignmentService.Submission submission = row.submission().get();
        RunSummary run;
        try {
            run = runs.run(submission.runId());
        } catch (InvalidInputException gone) {
            detail.add(new Paragraph(getTranslation("training.run.notFound")));
            return;
        }
        Paragraph text = new Paragraph(submission.text());
        text.addClassName("ll-answer-text");
        text.setId("assignment-answer");
        detail.add(new H3(getTranslation("lab.assignments.answer")), text);
        detail.add(new H3(getTranslation("lab.assignments.run")),
                new Paragraph(display.settings(run.config())),
                new Paragraph(getTranslation("lab.run.test", display.testMetric(run))),
                new RouterLink(getTranslation("lab.openRun"), RunView.class, RunView.parameters(run.id())));
        LossChart chart = new LossChart();
        chart.setWidthFull();
        chart.showRun(runs.curve(run.id()));
        // The architecture the student handed in, beside the curve it gave (below it on a narrow screen).
        Div curve = new Div(chart);
        curve.getStyle().set("flex", "2 1 24em").set("min-width", "0");
        Div architecture = new Div(new H3(getTranslation("design.architecture")),
                Architecture.of(this, run.config()));
        architecture.getStyle().set("flex", "1 1 20em").set("min-width", "0");
        Div beside = new Div(curve, architecture);
        beside.setId("assignment-run-beside");
        beside.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1.5em")
                .set("width", "100%");
        detail.add(beside, display.samples(runs.samples(run.id()), run.config().kind().corruption()));

        IntegerField grade = new IntegerField(getTranslation("lab.assignments.grade"));
        grade.setHelperText(getTranslation("lab.field.range", 0, 100));
        grade.setMin(0);
        grade.setMax(100);
        grade.setId("assignment-grade-field");
        TextArea comment = new TextArea(getTranslation("lab.assignments.comment"));
        comment.setWidthFull();
        comment.setMaxLength(AssignmentService.MAX_TEXT);
        comment.setId("assignment-comment");
        if (refused != null) {
            grade.setValue(refused.grade());
            comment.setValue(refused.comment() == null ? "" : refused.comment());
        } else if (submission.graded()) {
            grade.setValue(submission.grade());
            comment.setValue(submission.comment() == null ? "" : submission.comment());
        }
        ClassMember student = row.student();
        Button save = new Button(getTranslation("lab.assignments.save"), e -> {
            try {
                assignments.grade(submission.id(), submission.version(), grade.getValue(), comment.getValue());
                FieldErrors.success(getTranslation("lab.assignments.saved", student.displayName()));
                refresh();
                select(student, null);
            } catch (InvalidInputException problem) {
                if ("assignment.changed".equals(problem.messageKey())) {
                    // Someone else was quicker: show what is stored now, with the teacher's grade still typed in.
                    Typed typed = new Typed(grade.getValue(), comment.getValue());
                    refresh();
                    select(student, typed);
                } else {
                    new FieldErrors(this).field("grade", grade).field("comment", comment).show(problem);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("assignment-save");
        detail.add(new H3(getTranslation("lab.assignments.grading")));
        if (refused != null) {
            Paragraph changed = new Paragraph(getTranslation("assignment.changed"));
            changed.addClassName("ll-notice");
            changed.setId("assignment-changed");
            detail.add(changed);
        }
        detail.add(grade, comment, save);
    }

    /** Selects the student's row again after a refresh, showing the detail (with what was typed, if refused). */
    private void select(ClassMember student, Typed refused) {
        Optional<Row> again = grid.getListDataView().getItems()
                .filter(r -> r.student().studentId() == student.studentId()).findFirst();
        if (again.isEmpty()) {
            return;
        }
        grid.select(again.get());
        if (refused != null) {
            showDetail(again.get(), refused);
        }
    }
}
