package org.latentlab.widgets;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;

import org.latentlab.ml.DigitImages;

/** A digit image scaled up with sharp pixels, and a caption under it. */
public class DigitPicture extends Div {

    private final Image image = new Image();
    private final Span caption = new Span();

    public DigitPicture(String captionText, int size) {
        addClassName("ll-digit-picture");
        image.addClassName("ll-digit");
        image.setWidth(size + "px");
        image.setHeight(size + "px");
        caption.setText(captionText);
        caption.addClassName("ll-digit-caption");
        add(image, caption);
    }

    public void show(float[] pixels, String alt) {
        image.setSrc(DigitImages.dataUrl(pixels));
        image.setAlt(alt);
    }

    public void setCaption(String text) {
        caption.setText(text);
    }

    public Image image() {
        return image;
    }
}
