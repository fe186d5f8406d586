package org.latentlab.lesson.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;

import org.latentlab.ml.DigitImages;

/** A digit image scaled up with sharp pixels, and a caption under it. */
class DigitPicture extends Div {

    private final Image image = new Image();
    private final Span caption = new Span();

    DigitPicture(String captionText, int size) {
        addClassName("ll-digit-picture");
        image.addClassName("ll-digit");
        image.setWidth(size + "px");
        image.setHeight(size + "px");
        caption.setText(captionText);
        caption.addClassName("ll-digit-caption");
        add(image, caption);
    }

    void show(float[] pixels, String alt) {
        image.setSrc(DigitImages.dataUrl(pixels));
        image.setAlt(alt);
    }

    void setCaption(String text) {
        caption.setText(text);
    }

    Image image() {
        return image;
    }
}
