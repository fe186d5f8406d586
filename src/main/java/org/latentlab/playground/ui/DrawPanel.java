package org.latentlab.playground.ui;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.LoadedModel;
import org.latentlab.widgets.DigitPicture;
import org.latentlab.playground.DrawnDigit;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;

/**
 * Draw a digit: it is prepared like MNIST (centred, scaled to 28x28), encoded, shown on the map where its code
 * lands, rebuilt by the decoder, and read by the classifier.
 */
class DrawPanel extends Div {

    private final LatentSpace space;
    private final Optional<LoadedModel> classifier;
    private final DigitPicture input = new DigitPicture("", 112);
    private final DigitPicture reconstruction = new DigitPicture("", 112);
    private final Paragraph verdict = new Paragraph();
    private final Div bars = new Div();
    private final Div results = new Div();
    private final LatentMap map;

    DrawPanel(LatentSpace space, LatentSpaces spaces) {
        this.space = space;
        this.classifier = spaces.classifier();
        addClassName("ll-draw-panel");
        DrawPad pad = new DrawPad();
        pad.setId("draw-pad");
        input.setCaption(getTranslation("playground.draw.input"));
        input.setId("draw-input");
        reconstruction.setCaption(getTranslation("lesson.widget.reconstruction"));
        reconstruction.setId("draw-reconstruction");
        verdict.setId("draw-verdict");
        verdict.setText(getTranslation("playground.draw.start"));
        bars.setId("draw-probabilities");
        bars.addClassName("ll-probabilities");
        map = new LatentMap(space.plane().projected());
        map.setId("draw-map");
        map.setModel(space.modelId());
        map.setDecoding(false);
        Div pictures = new Div(input, reconstruction);
        pictures.addClassName("ll-widget-images");
        results.add(pictures, new H3(getTranslation("playground.draw.classifierTitle")), verdict, bars);
        results.addClassName("ll-draw-results");
        Div top = new Div(pad, results);
        top.addClassName("ll-draw-layout");
        pad.addDrawingListener(drawing -> show(drawing));
        pad.addClearedListener(() -> {
            verdict.setText(getTranslation("playground.draw.start"));
            bars.removeAll();
            map.clearMarker();
        });
        add(new Paragraph(getTranslation("playground.draw.intro")), top,
                new H3(getTranslation("playground.draw.mapTitle")), map);
    }

    private void show(DrawPad.Drawing drawing) {
        float[] digit;
        try {
            digit = DrawnDigit.toMnist(drawing.pixels(), drawing.side());
        } catch (InvalidInputException refused) {
            verdict.setText(getTranslation(refused.messageKey(), refused.arguments()));
            bars.removeAll();
            return;
        }
        input.show(digit, getTranslation("playground.draw.inputAlt"));
        reconstruction.show(space.reconstruct(digit), getTranslation("playground.draw.reconstructionAlt"));
        double[] at = space.plane().project(space.encode(digit));
        map.setMarker(at[0], at[1], getTranslation("playground.draw.marker"));
        bars.removeAll();
        if (classifier.isEmpty()) {
            verdict.setText(getTranslation("playground.draw.noClassifier"));
            return;
        }
        float[] probabilities = classifier.get().classify(new float[][] {digit})[0];
        int best = LoadedModel.mostLikely(probabilities);
        verdict.setText(getTranslation("playground.draw.verdict", best, percent(probabilities[best])));
        for (int d = 0; d < probabilities.length; d++) {
            Div bar = new Div();
            bar.addClassName("ll-probability-bar");
            bar.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", probabilities[d] * 100));
            Span name = new Span(Integer.toString(d));
            name.addClassName("ll-probability-digit");
            Span value = new Span(percent(probabilities[d]));
            value.addClassName("ll-probability-value");
            Div track = new Div(bar);
            track.addClassName("ll-probability-track");
            Div row = new Div(name, track, value);
            row.addClassName("ll-probability-row");
            if (d == best) {
                row.addClassName("ll-best");
            }
            bars.add(row);
        }
    }

    private String percent(float probability) {
        return String.format(getLocale(), "%.0f %%", probability * 100);
    }
}
