package org.latentlab.classroom.ui;

import java.util.List;

import com.vaadin.flow.component.select.Select;

import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomService;
import org.springframework.modulith.NamedInterface;

/**
 * The teacher's choice of one of her own classes, as the teacher pages (progress, results, item analysis,
 * assignments, challenges) put it above their content: the classes {@link ClassroomService#myClasses()} gives, by
 * name. Nothing is chosen until the page asks for {@link #chooseFirst()}, so a page can add its value listener first
 * and show the first class through it. The only type of this package other modules may use.
 */
@NamedInterface("ui")
public final class ClassPicker extends Select<ClassSummary> {

    private final List<ClassSummary> classes;

    /** A picker labelled "Class" with the element id {@code id}. */
    public ClassPicker(ClassroomService classrooms, String id) {
        this.classes = classrooms.myClasses();
        setLabel(getTranslation("progress.class"));
        setItems(classes);
        setItemLabelGenerator(ClassSummary::name);
        setId(id);
        // Wide enough for a class's name ("Demo class: autoencoders" was cut short), never wider than a phone.
        setMinWidth("18em");
        setMaxWidth("100%");
    }

    /** Whether the teacher has no class to choose from (the page then says so instead of showing its content). */
    public boolean hasNoClasses() {
        return classes.isEmpty();
    }

    /** Chooses the teacher's first class, if she has one. */
    public void chooseFirst() {
        classes.stream().findFirst().ifPresent(this::setValue);
    }

    /** What a page without any class to show says: the teacher should create one first. */
    public String noClassesText() {
        return getTranslation("progress.noClasses");
    }
}
