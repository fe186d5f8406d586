package org.latentlab.lab.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.latentlab.ml.DesignAnalysis;
import org.latentlab.ml.NetworkDesign;
import org.latentlab.ml.TrainingConfig;

/**
 * A network's layers as the designer shows them: each layer's name, output shape and parameters, and the totals.
 * Shapes and counts are technical notation read left to right, so they keep that direction on a right-to-left page
 * ({@code dir="ltr"}), as the PyTorch listing does; the names around them follow the page.
 */
final class Architecture {

    private Architecture() {
    }

    /** The architecture of a run: its design, or a sentence saying it is the experiment's own network. */
    static Component of(Component owner, TrainingConfig config) {
        Div box = new Div();
        box.setId("run-architecture");
        box.addClassName("ll-architecture");
        NetworkDesign design = config.design();
        if (design == null) {
            Paragraph shipped = new Paragraph(owner.getTranslation("design.architecture.shipped"));
            shipped.addClassName("ll-muted");
            box.add(shipped);
            return box;
        }
        DesignAnalysis analysis = design.analyse();
        box.add(new Paragraph(totals(owner, design, analysis)));
        Div layers = new Div();
        layers.getElement().setAttribute("role", "list");
        for (DesignAnalysis.Layer layer : analysis.layers()) {
            Div line = line(owner, layer);
            line.getElement().setAttribute("role", "listitem");
            layers.add(line);
        }
        box.add(layers);
        return box;
    }

    /** "Variational code of 2 · β 1 · 5,285 parameters". */
    static String totals(Component owner, NetworkDesign design, DesignAnalysis analysis) {
        String code = owner.getTranslation(design.variational() ? "design.architecture.variational"
                : "design.architecture.plain", design.latentSize());
        String parameters = owner.getTranslation("design.parameters", analysis.parameters());
        return design.variational()
                ? String.join(" · ", code, owner.getTranslation("design.architecture.beta", number(design.beta())),
                        parameters)
                : String.join(" · ", code, parameters);
    }

    /** One layer: its name, its output shape (left to right) and, when it has any, its parameters. */
    static Div line(Component owner, DesignAnalysis.Layer layer) {
        // No list role here: the designer mixes these lines with the stage's error messages.
        Div line = new Div();
        line.addClassName("ll-design-layer");
        // Three columns that line up from layer to layer, and stay on one line in a narrow column.
        line.getStyle().set("display", "grid").set("grid-template-columns", "minmax(8em, 15em) 8.5em auto")
                .set("column-gap", "0.75em").set("padding-inline-start", "0.5em")
                .set("font-size", "var(--lumo-font-size-s)");
        Span name = new Span(owner.getTranslation(layer.kind().messageKey(), layer.arguments().toArray()));
        Span shape = new Span(layer.shapeText());
        shape.getElement().setAttribute("dir", "ltr");
        shape.addClassName("ll-design-shape");
        shape.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        line.add(name, shape);
        if (layer.parameters() > 0) {
            Span parameters = new Span(owner.getTranslation("design.parameters", layer.parameters()));
            parameters.getStyle().set("color", "var(--lumo-secondary-text-color)");
            line.add(parameters);
        }
        return line;
    }

    static List<Component> lines(Component owner, List<DesignAnalysis.Layer> layers) {
        return layers.stream().<Component>map(layer -> line(owner, layer)).toList();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
