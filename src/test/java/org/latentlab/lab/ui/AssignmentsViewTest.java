package org.latentlab.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.SignIn;
import org.latentlab.ml.NetworkDesign;
import org.latentlab.test.ApplicationTest;
import org.latentlab.lab.AssignmentService;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunState;
import org.latentlab.lab.TrainingQueue;
import org.springframework.beans.factory.annotation.Autowired;

/** The teacher's grading page without a browser: a grade for a hand-in that changed meanwhile is not saved unseen. */
@ApplicationTest
class AssignmentsViewTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    SignIn signIn;
    @Autowired
    LabRuns runs;
    @Autowired
    TrainingQueue queue;
    @Autowired
    AssignmentService assignments;

    AccountSummary rivka;
    AccountSummary amina;
    ClassSummary year11;
    UUID first;
    UUID second;

    @BeforeEach
    void aStudentHandedInHerFirstTry() throws InterruptedException {
        rivka = fixture.teacher("rivka");
        signIn.as(rivka);
        year11 = classrooms.createClass("Year 11");
        amina = fixture.student("amina");
        signIn.as(amina);
        classrooms.join(year11.joinCode());
        first = finishedConvVae(null);
        // The second try is a network of her own design.
        second = finishedConvVae(NetworkDesign.assignment().withEncoder(List.of(new NetworkDesign.Stage(8, 3, true),
                new NetworkDesign.Stage(8, 3, true))).withMirroredDecoder()
                .withCode(NetworkDesign.Code.VARIATIONAL, 4, 32, 2));
        assignments.submit(first, "first try");
        signIn.as(rivka);
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    private UUID finishedConvVae(NetworkDesign design) throws InterruptedException {
        UUID id = runs.start(Experiment.CONV_VAE, Experiment.CONV_VAE.defaults().withEpochs(1).withTrainLimit(128)
                .withBatchSize(32).withDesign(design)).id();
        long patience = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (queue.isActive(id) && System.nanoTime() < patience) {
            Thread.sleep(20);
        }
        assertThat(runs.run(id).state()).isEqualTo(RunState.FINISHED);
        return id;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGradeForAHandInThatChangedMeanwhileIsRefusedAndTheLatestVersionIsShownWithWhatTheTeacherTyped() {
        navigate("lab/assignments", AssignmentsView.class);
        test($(Grid.class).id("assignments-grid")).select(0);
        assertThat($(Paragraph.class).id("assignment-answer").getText()).isEqualTo("first try");
        test($(IntegerField.class).id("assignment-grade-field")).setValue(65);
        test($(TextArea.class).id("assignment-comment")).setValue("A clear curve.");

        // While Rivka writes her comment, Amina hands in a better run.
        signIn.as(amina);
        assignments.submit(second, "second try");
        signIn.as(rivka);
        test($(Button.class).id("assignment-save")).click();

        assertThat($(Paragraph.class).id("assignment-changed").getText())
                .startsWith("This hand-in changed while you were looking at it");
        assertThat($(Paragraph.class).id("assignment-answer").getText()).isEqualTo("second try");
        assertThat($(IntegerField.class).id("assignment-grade-field").getValue()).isEqualTo(65);
        assertThat($(TextArea.class).id("assignment-comment").getValue()).isEqualTo("A clear curve.");
        AssignmentService.Submission stored = assignments.forClass(year11.id()).of(amina.id()).orElseThrow();
        assertThat(stored.graded()).isFalse();

        // Having seen the second try, she saves again: now the grade is for the version on the page.
        test($(Button.class).id("assignment-save")).click();
        stored = assignments.forClass(year11.id()).of(amina.id()).orElseThrow();
        assertThat(stored.grade()).isEqualTo(65);
        assertThat(stored.runId()).isEqualTo(second);
        assertThat($(Paragraph.class).withId("assignment-changed").exists()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTeacherSeesTheHandedInArchitectureBesideItsCurve() {
        navigate("lab/assignments", AssignmentsView.class);
        test($(Grid.class).id("assignments-grid")).select(0);
        // The first try trained the Lab's own network.
        assertThat($(Div.class).id("run-architecture").getElement().getTextRecursively())
                .contains("The Lab's own network for this experiment");

        signIn.as(amina);
        assignments.submit(second, "my own network");
        signIn.as(rivka);
        navigate("lab/assignments", AssignmentsView.class);
        test($(Grid.class).id("assignments-grid")).select(0);
        Div beside = $(Div.class).id("assignment-run-beside");
        assertThat(beside.getChildren().toList()).hasSize(2);
        assertThat(beside.getChildren().findFirst().orElseThrow().getChildren().findFirst().orElseThrow())
                .isInstanceOf(LossChart.class);
        String architecture = $(Div.class).id("run-architecture").getElement().getTextRecursively();
        assertThat(architecture).contains("Variational code of 4").contains("β 2")
                .contains("Convolution 3×3, 8 channels").contains("8 × 7 × 7").contains("Sigmoid: the image")
                .contains(String.format(Locale.ENGLISH, "%,d parameters", runs.run(second).config().design()
                        .analyse().parameters()));
    }
}
