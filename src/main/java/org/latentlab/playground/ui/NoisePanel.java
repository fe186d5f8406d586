package org.latentlab.playground.ui;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.vaadin.flow.component.Component;
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
import org.latentlab.widgets.DigitChooser;
import org.latentlab.widgets.DigitPicture;
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
        DigitPicture clean = new DigitPicture(getTranslation("lesson.widget.original"), 112);
        DigitPicture noisy = new DigitPicture(getTranslation("lesson.widget.noisy"), 112);
        DigitPicture denoised = new DigitPicture(getTranslation("lesson.widget.denoised"), 112);
        denoised.setId("noise-output");
        DecimalSlider level = new DecimalSlider(0, MAX_NOISE);
        level.setLabel(getTranslation("lesson.widget.noiseLevel"));
        level.setStep(0.05);
        level.setValue(0.4);
        level.setValueAlwaysVisible(true);
        level.setValueChangeMode(ValueChangeMode.LAZY);
        level.setValueChangeTimeout(40);
        level.setId("noise-level");
        level.setWidth("min(100%, 24em)");
        Part part = new Part("noise", ModelKind.DENOISING_AE, preferred, digits, (model, digit, figures) -> {
            double noise = Math.clamp(level.getValue() == null ? 0.4 : level.getValue(), 0, MAX_NOISE);
            // The same digit keeps the same noise pattern, so the slider changes only its strength.
            float[] input = DigitImages.noisy(digit.pixels(), noise, digit.index());
            float[] output = spaces.use(model, space -> space.reconstruct(input));
            clean.show(digit.pixels(), getTranslation("digit.alt", digit.label()));
            noisy.show(input, getTranslation("lesson.widget.noisyAlt", digit.label()));
            denoised.show(output, getTranslation("lesson.widget.denoisedAlt", digit.label()));
            figures.setText(getTranslation("playground.noise.figures",
                    format(DigitImages.meanSquaredError(input, digit.pixels())),
                    format(DigitImages.meanSquaredError(output, digit.pixels()))));
        });
        level.addValueChangeListener(e -> part.redraw());
        return part.build(level, images(clean, noisy, denoised));
    }

    private Div resolution(HeldOutDigits digits, String preferred) {
        DigitPicture small = new DigitPicture(getTranslation("playground.noise.lowResolution"), 112);
        DigitPicture bicubic = new DigitPicture(getTranslation("playground.noise.bicubic"), 112);
        DigitPicture restored = new DigitPicture(getTranslation("playground.noise.restored"), 112);
        DigitPicture original = new DigitPicture(getTranslation("lesson.widget.original"), 112);
        restored.setId("resolution-output");
        Part part = new Part("resolution", ModelKind.SUPER_RESOLUTION_AE, preferred, digits,
                (model, digit, figures) -> {
                    float[] low = DigitImages.downsampled(digit.pixels());
                    float[] enlarged = DigitImages.upscaledBicubic(low);
                    float[] output = spaces.use(model, space -> space.reconstruct(digit.pixels()));
                    small.show(low, getTranslation("playground.noise.lowResolutionAlt", digit.label()));
                    bicubic.show(enlarged, getTranslation("playground.noise.bicubicAlt", digit.label()));
                    restored.show(output, getTranslation("playground.noise.restoredAlt", digit.label()));
                    original.show(digit.pixels(), getTranslation("digit.alt", digit.label()));
                    figures.setText(getTranslation("playground.noise.resolutionFigures",
                            format(DigitImages.meanSquaredError(enlarged, digit.pixels())),
                            format(DigitImages.meanSquaredError(output, digit.pixels()))));
                });
        return part.build(images(small, bicubic, restored, original));
    }

    private static Div images(Component... pictures) {
        Div images = new Div(pictures);
        images.addClassName("ll-widget-images");
        return images;
    }

    /** What a part shows for a model and a digit, with a line of figures under the pictures. */
    private interface Showing {
        void show(String modelId, HeldOutDigits.Digit digit, Paragraph figures);
    }

    /** One half of the view: its model picker, the ten digits, its own controls and pictures, and the figures. */
    private final class Part {

        private final String name;
        private final Select<ModelChoice> picker;
        private final DigitChooser chooser;
        private final Paragraph figures = new Paragraph();
        private final Showing showing;
        private HeldOutDigits.Digit digit;

        Part(String name, ModelKind kind, String preferred, HeldOutDigits digits, Showing showing) {
            this.name = name;
            this.showing = showing;
            this.picker = picker(kind, preferred, name + "-model");
            figures.setId(name + "-figures");
            figures.addClassName("ll-field-note");
            picker.addValueChangeListener(e -> redraw());
            chooser = new DigitChooser(digits, picked -> {
                digit = picked;
                redraw();
            });
        }

        void redraw() {
            if (digit == null || picker.getValue() == null) {
                return;
            }
            try {
                showing.show(picker.getValue().id(), digit, figures);
            } catch (InvalidInputException refused) {
                figures.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        }

        Div build(Component... body) {
            Div part = new Div();
            part.setId("noise-part-" + name);
            if (picker.getValue() == null) {
                part.add(new Paragraph(getTranslation("playground.model.unavailable")));
                return part;
            }
            part.add(picker, chooser);
            part.add(body);
            part.add(figures);
            chooser.pickFirst();
            return part;
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
