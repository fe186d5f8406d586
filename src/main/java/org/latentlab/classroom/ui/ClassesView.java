package org.latentlab.classroom.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.classroom.ClassMember;
import org.latentlab.classroom.ClassPage;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomService;

/** A teacher's classes: create one, hand out its join code, see who joined. */
@Route("classes")
@Menu(order = 60, icon = "vaadin:academy-cap", title = "nav.classes")
@RolesAllowed(Role.Names.TEACHER)
public class ClassesView extends FeaturePage {

    private final ClassroomService classrooms;
    private final Grid<ClassSummary> classGrid = new Grid<>();
    private final Grid<ClassMember> memberGrid = new Grid<>();
    private final H2 membersTitle = new H2();
    private final DateTimeFormatter dates;

    ClassesView(ClassroomService classrooms, List<ClassPage> classPages) {
        super("classes.title", "classes.intro");
        this.classrooms = classrooms;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());

        TextField name = new TextField(getTranslation("classes.name"));
        name.setId("class-name");
        name.setMaxLength(200);
        name.setWidth("24em");
        name.setPlaceholder(getTranslation("classes.name.placeholder"));
        FieldErrors errors = new FieldErrors(this).field("className", name);
        Button create = new Button(getTranslation("classes.create"));
        create.setId("class-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(click -> {
            try {
                ClassSummary created = classrooms.createClass(name.getValue());
                errors.clear();
                name.clear();
                FieldErrors.success(getTranslation("classes.created", created.name(), created.joinCode()));
                refresh();
                classGrid.select(created);
            } catch (InvalidInputException problem) {
                errors.show(problem);
            } finally {
                create.setEnabled(true);
            }
        });
        HorizontalLayout createRow = new HorizontalLayout(name, create);
        createRow.setAlignItems(Alignment.BASELINE);
        add(createRow);

        classGrid.setId("class-grid");
        classGrid.addColumn(ClassSummary::name).setHeader(getTranslation("classes.name")).setAutoWidth(true)
                .setFlexGrow(2);
        classGrid.addComponentColumn(c -> {
            Span code = new Span(c.joiningOpen() ? c.joinCode() : getTranslation("classes.closed"));
            code.addClassName(c.joiningOpen() ? "ll-join-code" : "ll-muted");
            return code;
        }).setHeader(getTranslation("classes.joinCode")).setAutoWidth(true);
        classGrid.addColumn(ClassSummary::studentCount).setHeader(getTranslation("classes.students"));
        classGrid.addColumn(c -> dates.format(c.createdAt())).setHeader(getTranslation("classes.created.at"));
        classGrid.addComponentColumn(c -> {
            Button renew = new Button(getTranslation("classes.newCode"), click -> {
                classrooms.newJoinCode(c.id());
                refresh();
            });
            renew.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            Button joining = new Button(getTranslation(c.joiningOpen() ? "classes.close" : "classes.reopen"),
                    click -> {
                        classrooms.setJoiningOpen(c.id(), !c.joiningOpen());
                        refresh();
                    });
            joining.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            joining.addClassName("ll-class-joining");
            return new HorizontalLayout(renew, joining);
        }).setAutoWidth(true).setFlexGrow(0);
        classGrid.setAllRowsVisible(true);
        classGrid.setEmptyStateText(getTranslation("classes.empty"));
        classGrid.asSingleSelect().addValueChangeListener(event -> showMembers(event.getValue()));
        add(classGrid);

        memberGrid.setId("member-grid");
        memberGrid.addColumn(ClassMember::displayName).setHeader(getTranslation("common.name"));
        memberGrid.addColumn(ClassMember::username).setHeader(getTranslation("account.username"));
        memberGrid.addColumn(m -> dates.format(m.joinedAt())).setHeader(getTranslation("classes.joinedAt"));
        memberGrid.setAllRowsVisible(true);
        memberGrid.setEmptyStateText(getTranslation("classes.noStudents"));
        membersTitle.setVisible(false);
        memberGrid.setVisible(false);
        // Lesson progress and quiz results live with their features; the class page leads there.
        HorizontalLayout follow = new HorizontalLayout();
        classPages.stream().sorted(Comparator.comparingInt(ClassPage::order))
                .forEach(page -> follow.add(new Anchor(page.location(), getTranslation(page.titleKey()))));
        follow.setId("class-follow-links");
        add(membersTitle, memberGrid, follow, new Paragraph(getTranslation("classes.shareHint")));
        refresh();
    }

    private void refresh() {
        classGrid.setItems(classrooms.myClasses());
    }

    private void showMembers(ClassSummary selected) {
        boolean show = selected != null;
        membersTitle.setVisible(show);
        memberGrid.setVisible(show);
        if (show) {
            membersTitle.setText(getTranslation("classes.membersOf", selected.name()));
            memberGrid.setItems(classrooms.members(selected.id()));
        }
    }
}
