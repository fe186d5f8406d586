package org.latentlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.lesson.ui.ClassProgressView;
import org.latentlab.quiz.ui.ResultsView;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The class choice the teacher pages share: her own classes only, the first chosen, a word when she has none. */
@ApplicationTest
class ClassPickerTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    SignIn signIn;

    @BeforeEach
    void twoTeachersWithClassesAndOneWithout() {
        signIn.as(fixture.teacher("sam"));
        classrooms.createClass("Sam's class");
        signIn.as(fixture.teacher("rivka"));
        classrooms.createClass("Year 11");
        classrooms.createClass("Year 12");
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @Test
    void aTeacherChoosesAmongHerOwnClassesOnlyAndTheFirstIsChosen() {
        navigate("quizzes/results", ResultsView.class);
        ClassPicker picker = $(ClassPicker.class).id("results-class");
        List<String> names = picker.getListDataView().getItems().map(ClassSummary::name).toList();
        assertThat(names).containsExactlyInAnyOrder("Year 11", "Year 12");
        assertThat(picker.getValue().name()).isEqualTo(names.getFirst());
        assertThat(picker.getLabel()).isEqualTo("Class");
    }

    @Test
    void aTeacherWithoutClassesIsToldToCreateOne() {
        signIn.as(fixture.teacher("noor"));
        navigate("lessons/progress", ClassProgressView.class);
        ClassPicker picker = $(ClassPicker.class).id("progress-class");
        assertThat(picker.hasNoClasses()).isTrue();
        assertThat(picker.getValue()).isNull();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("You have no classes yet. Create one under Classes.");
    }
}
