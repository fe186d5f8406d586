package org.latentlab.playground.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ui.DigitChooser;
import org.latentlab.ml.ui.DigitPicture;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.latentlab.playground.ModelChoice;

/**
 * Noise and resolution: a noise slider over a digit with the denoising autoencoder's answer live, and the
 * super-resolution autoencoder on a halved digit, beside plain bicubic enlargement. Each part has its own model
 * picker (shipped, or the student's own runs of that kind).
 */
class NoisePanel extends Div {

    static final double MAX_NOISE = 1.0;

    private final LatentSpaces spaces;

    NoisePanel(LatentSpaces spaces, HeldOutDigits digits, String preferred) {
        this.spaces = spaces;
        addClassName("ll-noise-panel");
        add(new H3(getTranslation("playground.noise.denoiseTitle")),
                new Paragraph(getTranslation("playground.noise.denoiseIntro")),
                denoising(digits, preferred),
                new H3(getTranslation("playground.noise.resolutionTitle")),
                new Paragraph(getTranslation("playground.noise.resolutionIntro")),
                resolution(digits, preferred));
    }

    private Select<ModelChoice> picker(ModelKind kind, String preferred, String id) {
        Select<ModelChoice> picker = new Select<>();
        picker.setId(id);
        picker.setLabel(getTranslation("playground.model"));
        List<ModelChoice> choices = spaces.choices(Set.of(kind));
        picker.setItems(choices);
        picker.setItemLabelGenerator(choice -> ModelLabels.name(this, choice));
        picker.setWidth("min(100%, 30em)");
        choices.stream().filter(c -> c.id().equals(preferred)).findFirst()
                .or(() -> choices.stream().findFirst()).ifPresent(picker::setValue);
        return picker;
    }

    private Div denoising(HeldOutDigits digits, String preferred) {
        Select<ModelChoice> picker = picker(ModelKind.DENOISING_AE, preferred, "noise-model");
        DigitPicture clean = new DigitPicture(getTranslation("lesson.widget.original"), 112);
        DigitPicture noisy = new DigitPicture(getTranslation("lesson.widget.noisy"), 112);
        DigitPicture denoised = new DigitPicture(getTranslation("lesson.widget.denoised"), 112);
        denoised.setId("noise-output");
        Paragraph figures = new Paragraph();
        figures.setId("noise-figures");
        figures.addClassName("ll-field-note");
        DecimalSlider level = new DecimalSlider(0, MAX_NOISE);
        level.setLabel(getTranslation("lesson.widget.noiseLevel"));
        level.setStep(0.05);
        level.setValue(0.4);
        level.setValueAlwaysVisible(true);
        level.setValueChangeMode(ValueChangeMode.LAZY);
        level.setValueChangeTimeout(40);
        level.setId("noise-level");
        level.setWidth("min(100%, 24em)");
        HeldOutDigits.Digit[] digit = new HeldOutDigits.Digit[1];
        Runnable show = () -> {
            if (digit[0] == null || picker.getValue() == null) {
                return;
            }
            double noise = Math.clamp(level.getValue() == null ? 0.4 : level.getValue(), 0, MAX_NOISE);
            // The same digit keeps the same noise pattern, so the slider changes only its strength.
            float[] input = DigitImages.noisy(digit[0].pixels(), noise, digit[0].index());
            try {
                float[] output = spaces.use(picker.getValue().id(), space -> space.reconstruct(input));
                clean.show(digit[0].pixels(), getTranslation("digit.alt", digit[0].label()));
                noisy.show(input, getTranslation("lesson.widget.noisyAlt", digit[0].label()));
                denoised.show(output, getTranslation("lesson.widget.denoisedAlt", digit[0].label()));
                figures.setText(getTranslation("playground.noise.figures",
                        format(DigitImages.meanSquaredError(input, digit[0].pixels())),
                        format(DigitImages.meanSquaredError(output, digit[0].pixels()))));
            } catch (InvalidInputException refused) {
                figures.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        };
        level.addValueChangeListener(e -> show.run());
        picker.addValueChangeListener(e -> show.run());
        DigitChooser chooser = new DigitChooser(digits, picked -> {
            digit[0] = picked;
            show.run();
        });
        Div images = new Div(clean, noisy, denoised);
        images.addClassName("ll-widget-images");
        Div part = new Div(picker, chooser, level, images, figures);
        part.setId("noise-denoise");
        if (picker.getValue() == null) {
            part.removeAll();
            part.add(new Paragraph(getTranslation("playground.model.unavailable")));
            return part;
        }
        chooser.pickFirst();
        return part;
    }

    private Div resolution(HeldOutDigits digits, String preferred) {
        Select<ModelChoice> picker = picker(ModelKind.SUPER_RESOLUTION_AE, preferred, "resolution-model");
        DigitPicture small = new DigitPicture(getTranslation("playground.noise.lowResolution"), 112);
        DigitPicture bicubic = new DigitPicture(getTranslation("playground.noise.bicubic"), 112);
        DigitPicture restored = new DigitPicture(getTranslation("playground.noise.restored"), 112);
        DigitPicture original = new DigitPicture(getTranslation("lesson.widget.original"), 112);
        restored.setId("resolution-output");
        Paragraph figures = new Paragraph();
        figures.setId("resolution-figures");
        figures.addClassName("ll-field-note");
        HeldOutDigits.Digit[] digit = new HeldOutDigits.Digit[1];
        Runnable show = () -> {
            if (digit[0] == null || picker.getValue() == null) {
                return;
            }
            float[] low = DigitImages.downsampled(digit[0].pixels());
            float[] enlarged = DigitImages.upscaledBicubic(low);
            try {
                float[] output = spaces.use(picker.getValue().id(),
                        (LatentSpace space) -> space.reconstruct(digit[0].pixels()));
                small.show(low, getTranslation("playground.noise.lowResolutionAlt", digit[0].label()));
                bicubic.show(enlarged, getTranslation("playground.noise.bicubicAlt", digit[0].label()));
                restored.show(output, getTranslation("playground.noise.restoredAlt", digit[0].label()));
                original.show(digit[0].pixels(), getTranslation("digit.alt", digit[0].label()));
                figures.setText(getTranslation("playground.noise.resolutionFigures",
                        format(DigitImages.meanSquaredError(enlarged, digit[0].pixels())),
                        format(DigitImages.meanSquaredError(output, digit[0].pixels()))));
            } catch (InvalidInputException refused) {
                figures.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        };
        picker.addValueChangeListener(e -> show.run());
        DigitChooser chooser = new DigitChooser(digits, picked -> {
            digit[0] = picked;
            show.run();
        });
        Div images = new Div(small, bicubic, restored, original);
        images.addClassName("ll-widget-images");
        Div part = new Div(picker, chooser, images, figures);
        part.setId("noise-resolution");
        if (picker.getValue() == null) {
            part.removeAll();
            part.add(new Paragraph(getTranslation("playground.model.unavailable")));
            return part;
        }
        chooser.pickFirst();
        return part;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
