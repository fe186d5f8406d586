package org.latentlab.playground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.latentlab.ml.HeldOutDigits;
import org.latentlab.widgets.DigitChooser;
import org.latentlab.widgets.DigitPicture;
import org.latentlab.playground.Decoded;
import org.latentlab.playground.LatentSpace;

/**
 * One slider per latent dimension (up to 16; for a larger code, the 16 that vary most across the held-out digits,
 * the others staying where the last digit's encoding put them). Each move decodes the whole code again.
 */
class SlidersPanel extends Div {

    private final LatentSpace space;
    private final int[] dimensions;
    private final List<DecimalSlider> sliders = new ArrayList<>();
    private final DigitPicture decoded = new DigitPicture("", 168);
    private final Paragraph status = new Paragraph();
    private final Random random = new Random();
    private float[] code;
    private boolean setting;

    SlidersPanel(LatentSpace space, HeldOutDigits digits) {
        this.space = space;
        this.dimensions = space.sliderDimensions();
        this.code = space.meanCode();
        addClassName("ll-sliders-panel");
        String intro = dimensions.length < space.latentSize()
                ? getTranslation("playground.sliders.introSome", space.latentSize(), dimensions.length)
                : getTranslation("playground.sliders.introAll", space.latentSize());
        Div sliderList = new Div();
        sliderList.addClassName("ll-slider-list");
        sliderList.setId("sliders");
        for (int d : dimensions) {
            double[] range = sliderRange(d);
            DecimalSlider slider = new DecimalSlider(range[0], range[1]);
            slider.setLabel(getTranslation("playground.sliders.dimension", d + 1));
            slider.setStep(range[2]);
            slider.setValueAlwaysVisible(true);
            slider.setValueChangeMode(ValueChangeMode.LAZY);
            slider.setValueChangeTimeout(40);
            slider.setId("slider-" + (d + 1));
            slider.setWidthFull();
            slider.addValueChangeListener(e -> {
                if (!setting && e.getValue() != null) {
                    code[d] = e.getValue().floatValue();
                    show();
                }
            });
            sliders.add(slider);
            sliderList.add(slider);
        }
        decoded.setId("sliders-decoded");
        decoded.setCaption(getTranslation("lesson.widget.decoded"));
        status.setId("sliders-status");
        status.addClassName("ll-field-note");
        Button randomSample = new Button(getTranslation("playground.sliders.random"), VaadinIcon.RANDOM.create(),
                e -> setCode(space.randomCode(random), getTranslation("playground.sliders.fromRandom")));
        randomSample.setId("sliders-random");
        randomSample.addThemeVariants(ButtonVariant.PRIMARY);
        Button centre = new Button(getTranslation("playground.sliders.mean"),
                e -> setCode(space.meanCode(), getTranslation("playground.sliders.fromMean")));
        centre.addThemeVariants(ButtonVariant.TERTIARY);
        centre.setId("sliders-mean");
        DigitChooser chooser = new DigitChooser(digits, digit -> setCode(space.encode(digit.pixels()),
                getTranslation("playground.sliders.fromDigit", digit.label())));
        Div output = new Div(decoded, status);
        output.addClassName("ll-sliders-output");
        Div layout = new Div(sliderList, output);
        layout.addClassName("ll-sliders-layout");
        add(new Paragraph(intro), new HorizontalLayout(randomSample, centre),
                new H3(getTranslation("playground.sliders.resetTitle")), chooser, layout);
        setCode(code, getTranslation("playground.sliders.fromMean"));
    }

    private void setCode(float[] next, String origin) {
        code = next.clone();
        setting = true;
        try {
            for (int i = 0; i < dimensions.length; i++) {
                DecimalSlider slider = sliders.get(i);
                double[] range = sliderRange(dimensions[i]);
                double step = range[2];
                slider.setValue(Math.clamp(onStep(Math.round(code[dimensions[i]] / step), step), range[0], range[1]));
            }
        } finally {
            setting = false;
        }
        status.setText(origin);
        show();
    }

    /** The space's range for a dimension widened to whole steps, so that every value shown is short: min, max, step. */
    private double[] sliderRange(int d) {
        double[] range = space.sliderRange(d);
        double step = niceStep((range[1] - range[0]) / 150);
        return new double[] {onStep(Math.floor(range[0] / step + 1e-9), step),
                onStep(Math.ceil(range[1] / step - 1e-9), step), step};
    }

    /** k steps, without the binary-fraction dust (0.05 * -71 = -3.5500000000000003) the slider would refuse. */
    private static double onStep(double k, double step) {
        return java.math.BigDecimal.valueOf(k).multiply(java.math.BigDecimal.valueOf(step)).doubleValue();
    }

    /** 1, 2 or 5 times a power of ten, so that the values shown stay short. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-6))));
        double scaled = raw / power;
        return (scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10) * power;
    }

    private void show() {
        Decoded result = space.decode(code);
        code = result.code();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < Math.min(code.length, 4); i++) {
            values.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", code[i]));
        }
        decoded.show(result.pixels(), getTranslation("lesson.widget.decodedAlt",
                "(" + values + (code.length > 4 ? ", …" : "") + ")"));
        if (result.clamped()) {
            status.setText(getTranslation("playground.clamped"));
        }
    }
}
