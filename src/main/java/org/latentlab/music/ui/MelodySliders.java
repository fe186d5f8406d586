package org.latentlab.music.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.slider.DecimalSlider;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.springframework.modulith.NamedInterface;

/**
 * One slider per latent dimension of the melody VAE (its prior lives within ±3), holding a code; a move by the user
 * reports the whole new code. The melody challenges compose with it too.
 */
@NamedInterface("ui")
public class MelodySliders extends Div {

    private final List<DecimalSlider> sliders = new ArrayList<>();
    private float[] code;

    public MelodySliders(int latentSize, String idPrefix, Consumer<float[]> onMove) {
        addClassName("ll-slider-list");
        code = new float[latentSize];
        for (int d = 0; d < latentSize; d++) {
            int dimension = d;
            DecimalSlider slider = new DecimalSlider(-3, 3);
            slider.setStep(0.05);
            slider.setValue(0.0);
            slider.setLabel(getTranslation("playground.sliders.dimension", d + 1));
            slider.setValueChangeMode(ValueChangeMode.LAZY);
            slider.setValueChangeTimeout(60);
            slider.setId(idPrefix + (d + 1));
            slider.setWidthFull();
            slider.addValueChangeListener(e -> {
                if (e.getValue() != null && e.isFromClient()) {
                    code[dimension] = e.getValue().floatValue();
                    onMove.accept(code.clone());
                }
            });
            sliders.add(slider);
            add(slider);
        }
    }

    public float[] code() {
        return code.clone();
    }

    /** Moves the sliders to a code (values beyond ±3 stay in the code; the slider shows its end). */
    public void setCode(float[] next) {
        code = next.clone();
        for (int d = 0; d < sliders.size(); d++) {
            sliders.get(d).setValue(Math.clamp(Math.round(code[d] * 20) / 20.0, -3, 3));
        }
    }
}
