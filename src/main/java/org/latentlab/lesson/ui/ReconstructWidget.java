package org.latentlab.lesson.ui;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.latentlab.ml.HeldOutDigits;
import org.latentlab.widgets.DigitChooser;
import org.latentlab.widgets.DigitPicture;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.LatentCodec;

/** Pick a test digit; see what the convolutional autoencoder rebuilds from its 128-number code. */
class ReconstructWidget extends LessonWidget {

    private final DigitPicture original = new DigitPicture("", 112);
    private final DigitPicture rebuilt = new DigitPicture("", 112);
    private final Paragraph error = new Paragraph();

    ReconstructWidget(HeldOutDigits digits, Optional<? extends LatentCodec> model, Runnable onFirstUse) {
        super("reconstruct", "lesson.widget.reconstruct.title", onFirstUse);
        if (model.isEmpty()) {
            showModelMissing();
            return;
        }
        original.setCaption(getTranslation("lesson.widget.original"));
        rebuilt.setCaption(getTranslation("lesson.widget.reconstruction"));
        rebuilt.setId("reconstruct-output");
        Span arrow = new Span("→");
        arrow.addClassName("ll-widget-arrow");
        Div pair = new Div(original, arrow, rebuilt);
        pair.addClassName("ll-widget-images");
        error.addClassName("ll-widget-figure");
        boolean[] ready = {false};
        DigitChooser chooser = new DigitChooser(digits, digit -> {
            show(digit, model.get());
            if (ready[0]) {
                used();
            }
        });
        add(new Paragraph(getTranslation("lesson.widget.reconstruct.help")), chooser, pair, error);
        chooser.pickFirst();
        ready[0] = true;
    }

    private void show(HeldOutDigits.Digit digit, LatentCodec model) {
        float[] output = model.reconstruct(digit.pixels());
        original.show(digit.pixels(), getTranslation("digit.alt", digit.label()));
        rebuilt.show(output, getTranslation("lesson.widget.reconstructionAlt", digit.label()));
        error.setText(getTranslation("lesson.widget.reconstruct.error", model.latentSize(),
                String.format(Locale.ROOT, "%.4f", DigitImages.meanSquaredError(digit.pixels(), output))));
    }
}
