package org.latentlab.classroom.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.JoinResult;
import org.latentlab.classroom.JoinedClass;

/** A student's classes, and joining one with the code the teacher handed out. */
@Route("my-classes")
@Menu(order = 55, icon = "vaadin:group", title = "nav.myClasses")
@RolesAllowed(Role.Names.STUDENT)
public class MyClassesView extends FeaturePage {

    private final ClassroomService classrooms;
    private final Grid<JoinedClass> grid = new Grid<>();

    MyClassesView(ClassroomService classrooms) {
        super("myClasses.title", "myClasses.intro");
        this.classrooms = classrooms;
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());

        TextField code = new TextField(getTranslation("register.joinCode"));
        code.setId("join-code");
        code.setMaxLength(64);
        code.setPlaceholder("ABCD-EFGH");
        FieldErrors errors = new FieldErrors(this).field("joinCode", code);
        Button join = new Button(getTranslation("myClasses.join"));
        join.setId("join-submit");
        join.addThemeVariants(ButtonVariant.PRIMARY);
        join.setDisableOnClick(true);
        join.addClickListener(click -> {
            try {
                JoinResult result = classrooms.join(code.getValue());
                errors.clear();
                code.clear();
                FieldErrors.success(getTranslation(result.alreadyMember() ? "myClasses.alreadyMember"
                        : "myClasses.joined", result.joinedClass().name()));
                refresh();
            } catch (InvalidInputException problem) {
                errors.show(problem);
            } finally {
                join.setEnabled(true);
            }
        });
        HorizontalLayout joinRow = new HorizontalLayout(code, join);
        joinRow.setAlignItems(Alignment.BASELINE);
        add(joinRow);

        grid.setId("my-class-grid");
        grid.addColumn(JoinedClass::name).setHeader(getTranslation("classes.name")).setFlexGrow(2);
        grid.addColumn(JoinedClass::teacherName).setHeader(getTranslation("myClasses.teacher"));
        grid.addColumn(c -> dates.format(c.joinedAt())).setHeader(getTranslation("classes.joinedAt"));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("myClasses.empty"));
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(classrooms.myEnrollments());
    }
}
