package org.latentlab.playground.ui;

import java.util.Base64;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * A canvas to draw a digit on ({@code frontend/playground/draw-pad.ts}), by mouse, pen, touch or keyboard. Each finished
 * stroke sends the whole drawing (112 x 112 grey bytes); the server does the MNIST-style preprocessing.
 */
@Tag("draw-pad")
@JsModule("./playground/draw-pad.ts")
class DrawPad extends Component {

    /** What arrived: side length and pixels, or a problem with the data (null pixels). */
    record Drawing(int side, byte[] pixels) {
    }

    DrawPad() {
        getElement().setProperty("label", getTranslation("playground.draw.padLabel"));
        getElement().setProperty("keyboardHelp", getTranslation("playground.draw.keyboardHelp"));
        getElement().setProperty("clearText", getTranslation("playground.draw.clear"));
    }

    void addDrawingListener(Consumer<Drawing> listener) {
        getElement().addEventListener("digit-drawn", event -> {
            int side = event.getEventData().get("event.detail.side").asInt();
            byte[] pixels;
            try {
                pixels = Base64.getDecoder().decode(event.getEventData().get("event.detail.pixels").asString());
            } catch (IllegalArgumentException | UnsupportedOperationException malformed) {
                pixels = null;
            }
            listener.accept(new Drawing(side, pixels));
        }).addEventData("event.detail.side").addEventData("event.detail.pixels");
    }

    void addClearedListener(Runnable listener) {
        getElement().addEventListener("drawing-cleared", event -> listener.run());
    }

    void clear() {
        getElement().callJsFunction("clear");
    }
}
