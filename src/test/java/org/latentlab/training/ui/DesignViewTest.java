package org.latentlab.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.QueryParameters;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.ml.NetworkDesign;
import org.latentlab.training.LabRuns;
import org.latentlab.training.RunSummary;
import org.latentlab.training.TrainingQueue;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The network designer without a browser: live shapes and counts, errors at the layer, the listing, Start. */
@ApplicationTest
class DesignViewTest extends SpringBrowserlessTest {

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
        signIn.as(admin);
        for (java.util.UUID run : queue.activeIds()) {
            runs.cancel(run);
        }
        signIn.out();
    }

    private void open(String experiment) {
        UI.getCurrent().navigate("lab/design", QueryParameters.of("experiment", experiment));
        assertThat(getCurrentView()).isInstanceOf(DesignView.class);
    }

    private String layers(String id) {
        return $(Div.class).id(id).getElement().getTextRecursively();
    }

    private String problems(String id) {
        return $(Div.class).id(id).getElement().getTextRecursively();
    }

    @Test
    void theLabLinksTheAssignmentToTheDesignerWhichStartsFromTheShippedNetworkWithItsShapes() {
        UI.getCurrent().navigate("lab", QueryParameters.of("experiment", "conv-vae"));
        assertThat($(Anchor.class).id("lab-design-link").getHref()).isEqualTo("lab/design?experiment=conv-vae");
        open("conv-vae");
        assertThat($(Paragraph.class).id("design-summary").getText()).startsWith("413,573 parameters");
        assertThat(layers("design-encoder-0-layers")).contains("Convolution 3×3, 16 channels")
                .contains("16 × 28 × 28").contains("Max-pooling 2×2").contains("16 × 14 × 14");
        assertThat(layers("design-encoder-1-layers")).contains("32 × 7 × 7");
        assertThat(layers("design-code-layers")).contains("Mean μ").contains("Log-variance");
        assertThat(layers("design-decoder-1-layers")).contains("1 × 28 × 28").contains("Sigmoid: the image");
        assertThat($(Paragraph.class).id("design-mirror-note").getText()).startsWith("The decoder mirrors");
        assertThat($(Pre.class).id("design-pytorch").getText()).contains("class DesignedVAE(nn.Module):")
                .contains("nn.Conv2d(1, 16, kernel_size=3, padding=1),");
        assertThat($(Pre.class).id("design-pytorch").getElement().getAttribute("dir")).isEqualTo("ltr");
        assertThat($(Button.class).id("design-copy").isEnabled()).isTrue();
    }

    @Test
    void editingTheEncoderUpdatesTheMirroredDecoderTheCountAndTheListingAtOnce() {
        open("conv-vae");
        test($(IntegerField.class).id("design-encoder-1-channels")).setValue(8);
        // The decoder follows: its first stage now turns 8 maps into 16.
        assertThat(layers("design-decoder-0-layers")).contains("16 × 14 × 14");
        assertThat(layers("design-encoder-1-layers")).contains("8 × 7 × 7");
        NetworkDesign expected = NetworkDesign.assignment().withEncoder(java.util.List.of(
                new NetworkDesign.Stage(16, 3, true), new NetworkDesign.Stage(8, 3, true))).withMirroredDecoder();
        assertThat($(Paragraph.class).id("design-summary").getText()).startsWith(String.format(Locale.ENGLISH,
                "%,d parameters", expected.analyse().parameters()));
        assertThat($(Pre.class).id("design-pytorch").getText()).contains("nn.Linear(392, 128),");
    }

    @Test
    void anImpossibleShapeIsExplainedAtItsLayerTheListingWaitsAndNothingStarts() {
        open("conv-vae");
        test($(Button.class).id("design-encoder-add")).click();
        // A third pooling stage: 7 -> 3, and the mirrored decoder climbs back only to 24.
        assertThat(layers("design-encoder-2-layers")).contains("16 × 3 × 3");
        assertThat(problems("design-decoder-2-problems"))
                .contains("The decoder ends at 24×24, but the image is 28×28.");
        // Hidden until the design is valid, with a sentence in its place.
        assertThat($(Pre.class).withId("design-pytorch").exists()).isFalse();
        assertThat($(Paragraph.class).id("design-pytorch-note").getText()).startsWith("The PyTorch code appears");
        assertThat($(Button.class).id("design-copy").isEnabled()).isFalse();
        test($(Button.class).id("design-start")).click();
        assertThat(getCurrentView()).isInstanceOf(DesignView.class);
        assertThat(runs.myRuns()).isEmpty();

        // Without pooling in the new stage the shapes work out again.
        test($(Checkbox.class).id("design-encoder-2-resize")).click();
        assertThat(problems("design-decoder-2-problems")).isEmpty();
        assertThat($(Pre.class).id("design-pytorch").isVisible()).isTrue();
    }

    @Test
    void anEditedDecoderStopsFollowingUntilMirroredAndAColouredOutputIsRefusedAtItsStage() {
        open("conv-vae");
        test($(IntegerField.class).id("design-decoder-1-channels")).setValue(3);
        assertThat(problems("design-decoder-1-problems")).contains("must have 1 channel");
        assertThat($(IntegerField.class).id("design-decoder-1-channels").isInvalid()).isTrue();
        assertThat($(Paragraph.class).id("design-mirror-note").getText()).startsWith("You have edited the decoder");
        test($(IntegerField.class).id("design-encoder-0-channels")).setValue(8);
        assertThat($(IntegerField.class).id("design-decoder-1-channels").getValue()).isEqualTo(3);
        test($(Button.class).id("design-mirror")).click();
        assertThat($(IntegerField.class).id("design-decoder-1-channels").getValue()).isEqualTo(1);
        assertThat($(IntegerField.class).id("design-decoder-0-channels").getValue()).isEqualTo(8);
        assertThat(problems("design-decoder-1-problems")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlainCodeHidesBetaAndTooLargeACodeIsRefusedAtTheField() {
        open("conv-vae");
        Select<NetworkDesign.Code> code = $(Select.class).id("design-code");
        test(code).selectItem("Plain: the encoder gives the code (an autoencoder)");
        assertThat($(com.vaadin.flow.component.textfield.NumberField.class).withId("design-beta").exists())
                .isFalse();
        assertThat($(Pre.class).id("design-pytorch").getText()).contains("class DesignedAutoencoder");
        IntegerField latent = $(IntegerField.class).id("design-latentSize");
        test(latent).setValue(99);
        assertThat(latent.isInvalid()).isTrue();
        assertThat(latent.getErrorMessage()).isEqualTo("The code size must be between 1 and 64.");
    }

    @Test
    void startTrainsTheDesignAsALabRunAndOpensItsPage() {
        open("conv-vae");
        test($(IntegerField.class).id("design-latentSize")).setValue(4);
        test($(IntegerField.class).id("design-epochs")).setValue(1);
        test($(IntegerField.class).id("design-digits")).setValue(256);
        test($(Button.class).id("design-start")).click();
        assertThat(getCurrentView()).isInstanceOf(RunView.class);
        RunSummary started = runs.myRuns().getFirst();
        assertThat(started.config().design()).isNotNull();
        assertThat(started.config().design().latentSize()).isEqualTo(4);
        assertThat(started.config().trainLimit()).isEqualTo(256);
        assertThat($(H1.class).first().getText()).isEqualTo("Convolutional VAE (the assignment)");
    }

    @Test
    void inHebrewTheDesignerIsTranslatedAndShapesAndCodeStayLeftToRight() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("he"));
        open("conv-vae");
        assertThat($(H1.class).first().getText()).isEqualTo("מעצב הרשתות");
        assertThat(layers("design-encoder-0-layers")).contains("קונבולוציה 3×3, 16 ערוצים");
        assertThat($(Div.class).id("design-encoder-0-layers").getChildren().findFirst().orElseThrow()
                .getElement().getChild(1).getAttribute("dir")).isEqualTo("ltr");
        assertThat($(Pre.class).id("design-pytorch").getElement().getAttribute("dir")).isEqualTo("ltr");
    }
}
