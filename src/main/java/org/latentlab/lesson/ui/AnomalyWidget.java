package org.latentlab.lesson.ui;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.latentlab.lesson.LessonFigures;
import org.latentlab.lesson.LetterImages;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.LatentCodec;
import org.latentlab.widgets.DigitChooser;
import org.latentlab.widgets.DigitPicture;

/**
 * Anomaly detection by reconstruction error: feed the digit VAE with an 8-number code a test digit or a letter, see
 * what it rebuilds, its error, and whether that error is above what 99% of test digits get.
 */
class AnomalyWidget extends LessonWidget {

    private final DigitPicture original = new DigitPicture("", 112);
    private final DigitPicture rebuilt = new DigitPicture("", 112);
    private final Paragraph error = new Paragraph();
    private final Paragraph verdict = new Paragraph();
    private final Div letters = new Div();

    AnomalyWidget(HeldOutDigits digits, Optional<? extends LatentCodec> model, LessonFigures figures,
            Runnable onFirstUse) {
        super("anomaly", "lesson.widget.anomaly.title", onFirstUse);
        Optional<Double> threshold = figures.anomalyThreshold();
        if (model.isEmpty() || threshold.isEmpty()) {
            showModelMissing();
            return;
        }
        original.setCaption(getTranslation("lesson.widget.anomaly.input"));
        rebuilt.setCaption(getTranslation("lesson.widget.reconstruction"));
        rebuilt.setId("anomaly-output");
        Span arrow = new Span("→");
        arrow.addClassName("ll-widget-arrow");
        Div pair = new Div(original, arrow, rebuilt);
        pair.addClassName("ll-widget-images");
        error.addClassName("ll-widget-figure");
        error.setId("anomaly-error");
        verdict.setId("anomaly-verdict");
        letters.addClassName("ll-letter-row");
        letters.add(new Span(getTranslation("lesson.widget.anomaly.letters")));
        boolean[] ready = {false};
        for (char letter : LetterImages.LETTERS) {
            Button button = new Button(String.valueOf(letter), click -> {
                show(LetterImages.letter(letter), getTranslation("lesson.widget.anomaly.letterAlt", letter),
                        model.get(), threshold.get());
                used();
            });
            button.setId("anomaly-letter-" + Character.toLowerCase(letter));
            button.getElement().setAttribute("aria-label", getTranslation("lesson.widget.anomaly.letterAlt", letter));
            letters.add(button);
        }
        DigitChooser chooser = new DigitChooser(digits, digit -> {
            show(digit.pixels(), getTranslation("digit.alt", digit.label()), model.get(), threshold.get());
            if (ready[0]) {
                used();
            }
        });
        add(new Paragraph(getTranslation("lesson.widget.anomaly.help")), chooser, letters, pair, error, verdict);
        chooser.pickFirst();
        ready[0] = true;
    }

    private void show(float[] input, String alt, LatentCodec model, double threshold) {
        float[] output = model.reconstruct(input);
        double mse = DigitImages.meanSquaredError(input, output);
        original.show(input, alt);
        rebuilt.show(output, getTranslation("lesson.widget.anomaly.reconstructionAlt"));
        error.setText(getTranslation("lesson.widget.anomaly.error", String.format(Locale.ROOT, "%.4f", mse),
                String.format(Locale.ROOT, "%.4f", threshold)));
        boolean unusual = mse > threshold;
        verdict.setText(getTranslation(unusual ? "lesson.widget.anomaly.unusual" : "lesson.widget.anomaly.usual"));
        verdict.getElement().setAttribute("data-unusual", Boolean.toString(unusual));
        verdict.setClassName("ll-anomaly-verdict");
        verdict.addClassName(unusual ? "ll-anomaly-unusual" : "ll-anomaly-usual");
    }
}
