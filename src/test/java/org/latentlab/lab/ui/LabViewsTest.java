package org.latentlab.lab.ui;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.QueryParameters;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunState;
import org.latentlab.lab.RunSummary;
import org.latentlab.lab.TrainingQueue;
import org.springframework.beans.factory.annotation.Autowired;

/** The Lab's form and run page without a browser: defaults, inline validation, starting, and others' runs. */
@ApplicationTest
class LabViewsTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    LabRuns runs;
    @Autowired
    TrainingQueue queue;

    AccountSummary amina;
    AccountSummary admin;

    @BeforeEach
    void aStudent() {
        admin = fixture.admin();
        amina = fixture.student("amina");
        signIn.as(amina);
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void stopRuns() {
        // The admin watches over the queue and may cancel anybody's run.
        signIn.as(admin);
        for (java.util.UUID run : queue.activeIds()) {
            runs.cancel(run);
        }
        signIn.out();
    }

    /** As the lesson's links do: {@code lab?experiment=<name>}. */
    private void open(String experiment) {
        UI.getCurrent().navigate("lab", QueryParameters.of("experiment", experiment));
        assertThat(getCurrentView()).isInstanceOf(LabView.class);
    }

    @Test
    void eachExperimentOffersItsOwnSettingsWithItsDefaults() {
        open("denoising-ae");
        assertThat($(H2.class).id("lab-experiment-title").getText()).isEqualTo("Denoising autoencoder");
        assertThat($(IntegerField.class).id("field-epochs").getValue()).isEqualTo(8);
        assertThat($(NumberField.class).id("field-noiseLevel").getValue()).isEqualTo(0.5);
        assertThat($(IntegerField.class).withId("field-latentSize").exists()).isFalse();
        assertThat($(Anchor.class).id("lab-quiz-link").getHref()).isEqualTo("quizzes/lab-denoising-ae");

        open("vae");
        assertThat($(IntegerField.class).id("field-latentSize").getValue()).isEqualTo(16);
        assertThat($(NumberField.class).withId("field-noiseLevel").exists()).isFalse();

        open("no-such-thing");
        assertThat($(H2.class).id("lab-experiment-title").getText()).isEqualTo("Dense autoencoder");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(text -> text.startsWith("There is no experiment of that name"));
    }

    @Test
    void wrongValuesAreExplainedAtTheFieldAndNothingStarts() {
        open("conv-ae");
        IntegerField epochs = $(IntegerField.class).id("field-epochs");
        test(epochs).setValue(0);
        assertThat(epochs.isInvalid()).isTrue();
        assertThat(epochs.getErrorMessage()).isEqualTo("Epochs must be between 1 and 200.");
        NumberField learningRate = $(NumberField.class).id("field-learningRate");
        test(learningRate).setValue(5.0);
        assertThat(learningRate.getErrorMessage())
                .isEqualTo("The learning rate must be a number above 0 and at most 1.");
        IntegerField digits = $(IntegerField.class).id("field-digits");
        test(digits).setValue(10);
        assertThat(digits.isInvalid()).isTrue();

        test($(Button.class).id("lab-start")).click();
        assertThat(getCurrentView()).isInstanceOf(LabView.class);
        assertThat(runs.myRuns()).isEmpty();

        test($(Button.class).id("lab-defaults")).click();
        assertThat(epochs.getValue()).isEqualTo(8);
        assertThat(epochs.isInvalid()).isFalse();
    }

    @Test
    void startingARunOpensItsPageWhereItCanBeCancelled() throws InterruptedException {
        open("dense-ae");
        test($(IntegerField.class).id("field-epochs")).setValue(50);
        test($(IntegerField.class).id("field-digits")).setValue(4000);
        test($(Button.class).id("lab-start")).click();
        assertThat(getCurrentView()).isInstanceOf(RunView.class);
        RunSummary started = runs.myRuns().getFirst();
        assertThat(started.config().epochs()).isEqualTo(50);
        assertThat(started.config().trainLimit()).isEqualTo(4000);
        assertThat($(H1.class).first().getText()).isEqualTo("Dense autoencoder");

        test($(Button.class).id("run-cancel")).click();
        // A waiting run is dropped at once; a training one stops within a batch.
        long patience = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (queue.isActive(started.id()) && System.nanoTime() < patience) {
            Thread.sleep(20);
        }
        assertThat(runs.run(started.id()).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void someoneElsesRunOrANonsenseIdIsNotFound() {
        AccountSummary budi = fixture.student("budi");
        signIn.as(budi);
        RunSummary his = runs.start(Experiment.DENSE_AE, Experiment.DENSE_AE.defaults().withEpochs(20));
        signIn.as(amina);
        navigate("lab/runs/" + his.id(), RunView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("There is no such run, or it is not yours to see.");
        assertThat($(Button.class).withId("run-cancel").exists()).isFalse();
        navigate("lab/runs/not-a-uuid", RunView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("There is no such run, or it is not yours to see.");
        navigate("lab/runs/" + UUID.randomUUID(), RunView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("There is no such run, or it is not yours to see.");
    }
}
