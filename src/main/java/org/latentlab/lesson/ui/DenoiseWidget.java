package org.latentlab.lesson.ui;

import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.latentlab.ml.HeldOutDigits;
import org.latentlab.widgets.DigitChooser;
import org.latentlab.widgets.DigitPicture;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.LatentCodec;

/** Add Gaussian noise to a test digit with a slider and see the denoising autoencoder clean it up. */
class DenoiseWidget extends LessonWidget {

    static final double MAX_NOISE = 0.8;

    private final DigitPicture clean = new DigitPicture("", 96);
    private final DigitPicture noisy = new DigitPicture("", 96);
    private final DigitPicture denoised = new DigitPicture("", 96);
    private final DecimalSlider level = new DecimalSlider(0, MAX_NOISE);
    private HeldOutDigits.Digit digit;

    DenoiseWidget(HeldOutDigits digits, Optional<? extends LatentCodec> model, Runnable onFirstUse) {
        super("denoise", "lesson.widget.denoise.title", onFirstUse);
        if (model.isEmpty()) {
            showModelMissing();
            return;
        }
        clean.setCaption(getTranslation("lesson.widget.original"));
        noisy.setCaption(getTranslation("lesson.widget.noisy"));
        denoised.setCaption(getTranslation("lesson.widget.denoised"));
        denoised.setId("denoise-output");
        level.setLabel(getTranslation("lesson.widget.noiseLevel"));
        level.setStep(0.05);
        level.setValue(0.3);
        level.setValueAlwaysVisible(true);
        level.setValueChangeMode(ValueChangeMode.LAZY);
        level.setValueChangeTimeout(60);
        level.setId("denoise-level");
        level.setWidth("20em");
        level.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                level.setValue(0.3);
                return;
            }
            show(model.get());
            if (e.isFromClient()) {
                used();
            }
        });
        Div images = new Div(clean, noisy, denoised);
        images.addClassName("ll-widget-images");
        boolean[] ready = {false};
        DigitChooser chooser = new DigitChooser(digits, picked -> {
            digit = picked;
            show(model.get());
            if (ready[0]) {
                used();
            }
        });
        add(new Paragraph(getTranslation("lesson.widget.denoise.help")), chooser, level, images);
        chooser.pickFirst();
        ready[0] = true;
    }

    private void show(LatentCodec model) {
        if (digit == null) {
            return;
        }
        double noise = Math.clamp(level.getValue() == null ? 0.3 : level.getValue(), 0, MAX_NOISE);
        // The same digit always gets the same noise pattern, so moving the slider changes only its strength.
        float[] input = DigitImages.noisy(digit.pixels(), noise, digit.index());
        clean.show(digit.pixels(), getTranslation("digit.alt", digit.label()));
        noisy.show(input, getTranslation("lesson.widget.noisyAlt", digit.label()));
        denoised.show(model.reconstruct(input), getTranslation("lesson.widget.denoisedAlt", digit.label()));
    }
}
