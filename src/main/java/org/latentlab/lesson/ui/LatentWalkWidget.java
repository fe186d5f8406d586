package org.latentlab.lesson.ui;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomEvent;

import org.latentlab.ml.GaussianQuantiles;
import org.latentlab.ml.LatentCodec;
import org.latentlab.widgets.DigitPicture;

/**
 * A small version of the playground: a square over the 2-D VAE's latent space, with the manifold of decoded digits
 * faintly behind it; pressing or dragging on it decodes that point. Like the manifold, the square is laid on Gaussian
 * quantiles: a point at a fraction f of the width is z = Φ⁻¹(f), so equal distances on the square hold equal shares
 * of the prior N(0, I), and the picture behind lines up with the point decoded (the edges stop at about ±3.1).
 */
class LatentWalkWidget extends LessonWidget {

    /** The square's edges: Φ⁻¹(0.001) ≈ −3.09 and Φ⁻¹(0.999) ≈ 3.09. */
    private static final double EDGE = 0.001;

    private final Div pad = new Div();
    private final Div marker = new Div();
    private final DigitPicture decoded = new DigitPicture("", 112);
    private final Span coordinates = new Span();

    LatentWalkWidget(Optional<? extends LatentCodec> model, Optional<String> manifold, Runnable onFirstUse) {
        super("latent-walk", "lesson.widget.latentWalk.title", onFirstUse);
        if (model.isEmpty()) {
            showModelMissing();
            return;
        }
        pad.addClassName("ll-latent-pad");
        pad.setId("latent-pad");
        manifold.ifPresent(url -> pad.getStyle().set("background-image", "url(\"" + url + "\")"));
        pad.getElement().setAttribute("role", "application");
        pad.getElement().setAttribute("aria-label", getTranslation("lesson.widget.latentWalk.padLabel"));
        marker.addClassName("ll-latent-marker");
        pad.add(marker);
        decoded.setCaption(getTranslation("lesson.widget.decoded"));
        decoded.setId("latent-walk-output");
        coordinates.addClassName("ll-widget-figure");
        coordinates.getElement().setAttribute("dir", "ltr");
        Div right = new Div(decoded, coordinates);
        right.addClassName("ll-latent-side");
        Div row = new Div(pad, right);
        row.addClassName("ll-widget-images");
        add(new Paragraph(getTranslation("lesson.widget.latentWalk.help")), row);

        // Keep receiving moves while dragging outside the square; the server clamps what comes back.
        pad.getElement().executeJs("this.addEventListener('pointerdown', e => this.setPointerCapture(e.pointerId));");
        for (String type : new String[] {"pointerdown", "pointermove"}) {
            var registration = pad.getElement().addEventListener(type, event -> move(event, model.get()))
                    .addEventData("event.offsetX").addEventData("event.offsetY")
                    .addEventData("element.clientWidth").addEventData("element.clientHeight");
            if (type.equals("pointermove")) {
                // Only while a button or finger is down; at most one round trip per 40 ms while dragging.
                registration.setFilter("event.buttons > 0").throttle(40);
            }
        }
        decodeAt(0, 0, model.get());
    }

    private void move(DomEvent event, LatentCodec model) {
        double width = Math.max(1, event.getEventData().get("element.clientWidth").asDouble());
        double height = Math.max(1, event.getEventData().get("element.clientHeight").asDouble());
        double fx = Math.clamp(event.getEventData().get("event.offsetX").asDouble() / width, 0, 1);
        double fy = Math.clamp(event.getEventData().get("event.offsetY").asDouble() / height, 0, 1);
        decodeAt(quantile(fx), quantile(1 - fy), model);
        used();
    }

    private void decodeAt(double x, double y, LatentCodec model) {
        float[] digit = model.decode(new float[] {(float) x, (float) y});
        String point = String.format(Locale.ROOT, "z = (%.2f, %.2f)", x, y);
        decoded.show(digit, getTranslation("lesson.widget.decodedAlt", point));
        coordinates.setText(point);
        marker.getStyle().set("left", (GaussianQuantiles.cdf(x) * 100) + "%")
                .set("top", ((1 - GaussianQuantiles.cdf(y)) * 100) + "%");
    }

    /** The latent coordinate at a fraction of the square, kept off the prior's infinite ends. */
    static double quantile(double fraction) {
        return GaussianQuantiles.inverseCdf(Math.clamp(fraction, EDGE, 1 - EDGE));
    }
}
