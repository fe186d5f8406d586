package org.latentlab.playground.ui;

import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.router.QueryParameters;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunState;
import org.latentlab.lab.RunSummary;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Playground's views without a browser: model choice from the address, the grid's limits, sliders, drawing. */
@ApplicationTest
class PlaygroundViewsTest extends SpringBrowserlessTest {

    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    LabRuns runs;

    AccountSummary amina;

    @BeforeEach
    void aStudent() {
        fixture.admin();
        amina = fixture.student("amina");
        signIn.as(amina);
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    private void open(String... parameters) {
        QueryParameters query = QueryParameters.empty();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            query = query.merging(parameters[i], parameters[i + 1]);
        }
        UI.getCurrent().navigate("playground", query);
        assertThat(getCurrentView()).isInstanceOf(PlaygroundView.class);
    }

    private String notice() {
        return $(Div.class).id("playground-notice").getElement().getTextRecursively();
    }

    @Test
    void thePlaygroundOpensOnTheMapOfTheTwoDimensionalVae() {
        open();
        LatentMap map = $(LatentMap.class).id("playground-map");
        assertThat(map.getElement().getProperty("model")).isEqualTo("shipped:vae-2d");
        assertThat($(Paragraph.class).id("playground-model-info").getText()).contains("two-number code");
    }

    @Test
    void anUnknownModelOrSomeoneElsesRunGivesAMessageAndTheShippedModel() {
        open("model", "shipped:nothing");
        assertThat(notice()).contains("There is no model with that name");
        assertThat($(LatentMap.class).id("playground-map").getElement().getProperty("model"))
                .isEqualTo("shipped:vae-2d");

        open("run", UUID.randomUUID().toString());
        assertThat(notice()).contains("That training run does not exist.");
        open("run", "../../etc/passwd");
        assertThat(notice()).contains("There is no model with that name");
    }

    @Test
    void aThousandByThousandGridIsClampedToTwentyWithAMessage() {
        open("view", "grid");
        Image picture = $(Image.class).id("grid-image");
        assertThat(picture.getSrc()).startsWith("data:image/png;base64,");
        test($(IntegerField.class).id("grid-size")).setValue(1000);
        test($(NumberField.class).id("grid-x-from")).setValue(-1e9);
        test($(Button.class).id("grid-draw")).click();
        assertThat($(IntegerField.class).id("grid-size").getValue()).isEqualTo(20);
        assertThat($(NumberField.class).id("grid-x-from").getValue()).isGreaterThan(-100.0);
        assertThat($(Paragraph.class).id("grid-message").getText()).contains("were adjusted");

        test($(NumberField.class).id("grid-x-to")).setValue($(NumberField.class).id("grid-x-from").getValue());
        test($(Button.class).id("grid-draw")).click();
        assertThat($(Paragraph.class).id("grid-message").getText()).isEqualTo("Each range needs two different numbers.");
    }

    @Test
    void eachSliderMoveDecodesAndRandomSampleMovesTheSliders() {
        open("model", "shipped:vae", "view", "sliders");
        assertThat($(DecimalSlider.class).all()).hasSize(8);
        Image decoded = $(Div.class).id("sliders-decoded").getChildren().filter(Image.class::isInstance)
                .map(Image.class::cast).findFirst().orElseThrow();
        String before = decoded.getSrc();
        DecimalSlider first = $(DecimalSlider.class).id("slider-1");
        test(first).setValue(first.getMax());
        assertThat(decoded.getSrc()).isNotEqualTo(before);
        test($(Button.class).id("sliders-random")).click();
        assertThat($(Paragraph.class).id("sliders-status").getText()).isEqualTo("Sliders set to a random code.");
    }

    @Test
    void aDrawnDigitIsReconstructedAndReadAndAnEmptyOneGetsAMessage() {
        open("view", "draw");
        DrawPad pad = $(DrawPad.class).id("draw-pad");
        draw(pad, new byte[112 * 112]);
        assertThat($(Paragraph.class).id("draw-verdict").getText())
                .isEqualTo("The drawing is empty: draw a digit first.");

        byte[] bar = new byte[112 * 112];
        for (int y = 20; y < 90; y++) {
            for (int x = 50; x < 60; x++) {
                bar[y * 112 + x] = (byte) 255;
            }
        }
        draw(pad, bar);
        assertThat($(Paragraph.class).id("draw-verdict").getText()).startsWith("The classifier reads a");
        assertThat($(Div.class).id("draw-probabilities").getChildren().count()).isEqualTo(10);
        assertThat($(LatentMap.class).id("draw-map").getElement().getPropertyRaw("marker")).isNotNull();
    }

    /** What the browser component sends when a stroke ends. */
    private static void draw(DrawPad pad, byte[] pixels) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("event.detail.side", 112);
        data.put("event.detail.pixels", Base64.getEncoder().encodeToString(pixels));
        pad.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(pad.getElement(), "digit-drawn", data));
    }

    @Test
    void theLabsLinkOpensTheStudentsFinishedRunAndADenoisingRunOpensOnNoise() throws Exception {
        RunSummary vae = finished(Experiment.VAE);
        open("run", vae.id().toString());
        assertThat(notice()).isEmpty();
        assertThat($(LatentMap.class).id("playground-map").getElement().getProperty("model"))
                .isEqualTo("run:" + vae.id());
        assertThat($(Paragraph.class).id("playground-model-info").getText()).contains("16 numbers");

        RunSummary denoising = finished(Experiment.DENOISING_AE);
        open("run", denoising.id().toString());
        assertThat($(Div.class).id("panel-noise").isVisible()).isTrue();
        assertThat($(Paragraph.class).id("noise-figures").getText()).startsWith("Mean squared error");
    }

    private RunSummary finished(Experiment experiment) throws InterruptedException {
        RunSummary run = runs.start(experiment, experiment.defaults().withEpochs(1).withTrainLimit(256)
                .withBatchSize(32));
        for (int i = 0; i < 1200 && !runs.run(run.id()).state().ended(); i++) {
            Thread.sleep(100);
        }
        assertThat(runs.run(run.id()).state()).isEqualTo(RunState.FINISHED);
        return run;
    }

    @Test
    void noiseAndResolutionShowTheShippedModelsAtWork() {
        open("view", "noise");
        assertThat($(Paragraph.class).id("noise-figures").getText()).startsWith("Mean squared error");
        assertThat($(Paragraph.class).id("resolution-figures").getText()).contains("super-resolution");
    }
}
