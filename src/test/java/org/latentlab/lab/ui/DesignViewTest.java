package org.latentlab.lab.ui;

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
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunSummary;
import org.latentlab.lab.TrainingQueue;
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
    void theLabLinksTheAssignmentToTheDesignerWhichStartsFromTheLessonsRecipeWithItsShapes() {
        UI.getCurrent().navigate("lab", QueryParameters.of("experiment", "conv-vae"));
        assertThat($(Anchor.class).id("lab-design-link").getHref()).isEqualTo("lab/design?experiment=conv-vae");
        open("conv-vae");
        assertThat($(Paragraph.class).id("design-summary").getText()).startsWith("5,285 parameters");
        assertThat(layers("design-encoder-0-layers")).contains("Convolution 3×3, 16 channels")
                .contains("16 × 28 × 28").contains("Max-pooling 2×2, odd sizes rounded up").contains("16 × 14 × 14");
        assertThat(layers("design-encoder-2-layers")).contains("8 × 7 × 7").contains("8 × 4 × 4");
        assertThat($(Checkbox.class).id("design-encoder-2-round").getValue()).isTrue();
        assertThat(layers("design-code-layers")).contains("Mean μ").contains("Log-variance");
        assertThat(layers("design-decoder-2-layers")).contains("Convolution 3×3 without padding, 16 channels")
                .contains("8 × 16 × 16").contains("16 × 14 × 14");
        assertThat($(Checkbox.class).id("design-decoder-2-valid").getValue()).isTrue();
        assertThat($(Checkbox.class).id("design-decoder-1-valid").getValue()).isFalse();
        assertThat(layers("design-decoder-3-layers")).contains("1 × 28 × 28").contains("Sigmoid: the image");
        // The recipe's decoder is not the encoder's mirror, and says so.
        assertThat($(Paragraph.class).id("design-mirror-note").getText())
                .startsWith("This decoder is the one the lesson describes");
        assertThat($(Pre.class).id("design-pytorch").getText()).contains("class DesignedVAE(nn.Module):")
                .contains("nn.Conv2d(1, 16, kernel_size=3, padding=1),")
                .contains("nn.MaxPool2d(2, ceil_mode=True),")
                .contains("nn.Conv2d(8, 16, kernel_size=3, padding=0),");
        assertThat($(Pre.class).id("design-pytorch").getElement().getAttribute("dir")).isEqualTo("ltr");
        assertThat($(Button.class).id("design-copy").isEnabled()).isTrue();
    }

    @Test
    void eachStageSaysHowItsPoolingRoundsOrWhetherItsConvolutionIsValidInItsOwnWords() {
        open("conv-vae");
        Checkbox round = $(Checkbox.class).id("design-encoder-1-round");
        assertThat(round.getLabel()).isEqualTo("Round odd sizes up (padded: 7 → 4)");
        assertThat($(Checkbox.class).id("design-decoder-1-valid").getLabel())
                .isEqualTo("No padding (\"valid\"): the map loses kernel − 1 (16 → 14)");
        // The encoder's stages have no padding choice, the decoder's no rounding.
        assertThat($(Checkbox.class).withId("design-encoder-1-valid").exists()).isFalse();
        assertThat($(Checkbox.class).withId("design-decoder-1-round").exists()).isFalse();
        // Without pooling there is nothing to round.
        test($(Checkbox.class).id("design-encoder-1-resize")).click();
        assertThat(round.isEnabled()).isFalse();
        test($(Checkbox.class).id("design-encoder-1-resize")).click();
        assertThat(round.isEnabled()).isTrue();
    }

    @Test
    void mirroringTheRecipesEncoderTrimsWithAValidConvolutionAndFollowsItsEdits() {
        open("conv-vae");
        test($(Button.class).id("design-mirror")).click();
        assertThat($(Paragraph.class).id("design-mirror-note").getText()).startsWith("The decoder mirrors");
        // 4 -> 8 -> 16, trimmed to 14 by a valid convolution, -> 28.
        assertThat($(Checkbox.class).id("design-decoder-1-valid").getValue()).isTrue();
        assertThat(layers("design-decoder-1-layers")).contains("16 × 14 × 14");
        assertThat(layers("design-decoder-2-layers")).contains("1 × 28 × 28");
        assertThat($(Div.class).withId("design-decoder-3").exists()).isFalse();
        test($(IntegerField.class).id("design-encoder-1-channels")).setValue(12);
        // The decoder follows: its first stage now turns the 8 maps into the 12 the encoder had.
        assertThat(layers("design-decoder-0-layers")).contains("12 × 8 × 8");
        assertThat(layers("design-encoder-1-layers")).contains("12 × 7 × 7");
        NetworkDesign recipe = NetworkDesign.assignment();
        NetworkDesign expected = recipe.withEncoder(java.util.List.of(recipe.encoder().get(0),
                new NetworkDesign.Stage(12, 3, true, NetworkDesign.Padding.SAME, NetworkDesign.Rounding.UP),
                recipe.encoder().get(2))).withMirroredDecoder();
        assertThat($(Paragraph.class).id("design-summary").getText()).startsWith(String.format(Locale.ENGLISH,
                "%,d parameters", expected.analyse().parameters()));
        assertThat($(Pre.class).id("design-pytorch").getText()).contains("nn.Conv2d(8, 12, kernel_size=3, padding=1),");
    }

    @Test
    void anImpossibleShapeIsExplainedAtItsLayerTheListingWaitsAndNothingStarts() {
        open("conv-vae");
        test($(Button.class).id("design-mirror")).click();
        // The third pooling rounding down: 7 -> 3, and the mirrored decoder climbs back only to 24.
        test($(Checkbox.class).id("design-encoder-2-round")).click();
        assertThat(layers("design-encoder-2-layers")).contains("Max-pooling 2×2").contains("8 × 3 × 3");
        assertThat(problems("design-decoder-2-problems"))
                .contains("The decoder ends at 24×24, but the image is 28×28.");
        // Hidden until the design is valid, with a sentence in its place.
        assertThat($(Pre.class).withId("design-pytorch").exists()).isFalse();
        assertThat($(Paragraph.class).id("design-pytorch-note").getText()).startsWith("The PyTorch code appears");
        assertThat($(Button.class).id("design-copy").isEnabled()).isFalse();
        test($(Button.class).id("design-start")).click();
        assertThat(getCurrentView()).isInstanceOf(DesignView.class);
        assertThat(runs.myRuns()).isEmpty();

        // Rounding up again, the shapes work out again.
        test($(Checkbox.class).id("design-encoder-2-round")).click();
        assertThat(problems("design-decoder-2-problems")).isEmpty();
        assertThat($(Pre.class).id("design-pytorch").isVisible()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValidConvolutionIsRefusedAtItsStageWhereTheMapIsSmallerThanItsKernel() {
        open("conv-vae");
        // Without the recipe's valid convolution the decoder ends two rows too large.
        test($(Checkbox.class).id("design-decoder-2-valid")).click();
        assertThat(layers("design-decoder-2-layers")).contains("16 × 16 × 16");
        assertThat(problems("design-decoder-3-problems")).contains("The decoder ends at 32×32");
        test($(Checkbox.class).id("design-decoder-2-valid")).click();
        assertThat(problems("design-decoder-3-problems")).isEmpty();
        // The first stage works on the 4 x 4 feature maps: a valid 5 x 5 convolution does not fit.
        test($(Select.class).id("design-decoder-0-kernel")).selectItem("5×5");
        test($(Checkbox.class).id("design-decoder-0-valid")).click();
        assertThat(problems("design-decoder-0-problems")).contains(
                "Without padding this convolution needs a map at least as large as its kernel, 5×5, but its map is "
                        + "only 4×4.");
        assertThat($(Paragraph.class).id("design-mirror-note").getText()).startsWith("You have edited the decoder");
        test($(Button.class).id("design-start")).click();
        assertThat(runs.myRuns()).isEmpty();
    }

    @Test
    void anEditedDecoderStopsFollowingUntilMirroredAndAColouredOutputIsRefusedAtItsStage() {
        open("conv-vae");
        test($(IntegerField.class).id("design-decoder-3-channels")).setValue(3);
        assertThat(problems("design-decoder-3-problems")).contains("must have 1 channel");
        assertThat($(IntegerField.class).id("design-decoder-3-channels").isInvalid()).isTrue();
        assertThat($(Paragraph.class).id("design-mirror-note").getText()).startsWith("You have edited the decoder");
        test($(IntegerField.class).id("design-encoder-1-channels")).setValue(12);
        assertThat($(IntegerField.class).id("design-decoder-3-channels").getValue()).isEqualTo(3);
        test($(Button.class).id("design-mirror")).click();
        assertThat($(IntegerField.class).id("design-decoder-2-channels").getValue()).isEqualTo(1);
        assertThat($(IntegerField.class).id("design-decoder-0-channels").getValue()).isEqualTo(12);
        assertThat($(IntegerField.class).withId("design-decoder-3-channels").exists()).isFalse();
        assertThat(problems("design-decoder-2-problems")).isEmpty();
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
        // The recipe's stages, with their rounding and padding.
        assertThat(started.config().design().encoder()).isEqualTo(NetworkDesign.assignment().encoder());
        assertThat(started.config().design().decoder()).isEqualTo(NetworkDesign.assignment().decoder());
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
