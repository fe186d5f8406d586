package org.latentlab.playground.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import org.latentlab.ml.HeldOutDigits;
import org.latentlab.widgets.DigitPicture;
import org.latentlab.playground.LatentSpace;

/**
 * The map: every held-out digit at its code, decoded live under the pointer (in the browser component, through
 * the decode API); a clicked point shows the original digit beside the model's reconstruction.
 */
class MapPanel extends Div {

    MapPanel(LatentSpace space, HeldOutDigits digits) {
        addClassName("ll-map-panel");
        Paragraph help = new Paragraph(getTranslation("playground.map.intro", space.digitCount()));
        LatentMap map = new LatentMap(space.plane().projected());
        map.setId("playground-map");
        map.setModel(space.modelId());
        Div selected = new Div();
        selected.setId("map-selected");
        selected.addClassName("ll-selected-digit");
        DigitPicture original = new DigitPicture(getTranslation("lesson.widget.original"), 112);
        DigitPicture reconstruction = new DigitPicture(getTranslation("lesson.widget.reconstruction"), 112);
        original.setId("map-original");
        reconstruction.setId("map-reconstruction");
        Paragraph which = new Paragraph(getTranslation("playground.map.clickHint"));
        which.setId("map-selected-text");
        Div pictures = new Div(original, reconstruction);
        pictures.addClassName("ll-widget-images");
        pictures.setVisible(false);
        selected.add(new H3(getTranslation("playground.map.selectedTitle")), which, pictures);
        map.addPointSelectedListener(point -> digits.byIndex(point.digitIndex()).ifPresent(digit -> {
            original.show(digit.pixels(), getTranslation("digit.alt", digit.label()));
            reconstruction.show(space.reconstruct(digit.pixels()),
                    getTranslation("lesson.widget.reconstructionAlt", digit.label()));
            double[] at = space.plane().project(space.code(point.point()));
            which.setText(getTranslation("playground.map.selected", digit.label(), digit.index(),
                    String.format(java.util.Locale.ROOT, "(%.2f, %.2f)", at[0], at[1])));
            pictures.setVisible(true);
        }));
        add(help, map, selected);
    }
}
