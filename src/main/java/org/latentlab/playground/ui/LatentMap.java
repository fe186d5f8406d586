package org.latentlab.playground.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

import org.latentlab.playground.LatentPath;

/**
 * The latent map drawn in the browser ({@code frontend/playground/latent-map.ts}). It fetches the model's points and
 * decodes under the pointer by itself, through {@code /api/playground}; the server side only says which model,
 * which lines and marker to draw, and hears about clicked points.
 */
@Tag("latent-map")
@JsModule("./playground/latent-map.ts")
public class LatentMap extends Component implements HasSize {

    /** A clicked point of the scatter: its position in the map's list, its data-set index and its digit. */
    public record SelectedPoint(int point, int digitIndex, int label) {
    }

    /** Colour-blind-safe colours for lines, distinct from the digits' colours in strength. */
    static final List<String> PATH_COLOURS = List.of("#000000", "#d55e00");

    public LatentMap(boolean projected) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("legend", "all", "decoded", "zoomIn", "zoomOut", "resetView", "pan", "loading",
                "failed", "clamped", "help", "mapName")) {
            labels.put(key, getTranslation("playground.map." + key));
        }
        labels.put("axisX", getTranslation(projected ? "playground.map.direction1" : "playground.map.z1"));
        labels.put("axisY", getTranslation(projected ? "playground.map.direction2" : "playground.map.z2"));
        getElement().setPropertyMap("labels", labels);
        setWidthFull();
    }

    public void setModel(String modelId) {
        getElement().setProperty("model", modelId);
    }

    /** Whether moving the pointer decodes (the drawing and path views only show where things land). */
    public void setDecoding(boolean decoding) {
        getElement().setProperty("decoding", decoding);
    }

    /** Lines (or single points) to draw over the map, each a list of (x, y) in map coordinates. */
    public record Line(List<double[]> points, String color, String label) {
    }

    public void setLines(List<Line> lines) {
        List<Map<String, Object>> json = new java.util.ArrayList<>();
        for (Line line : lines) {
            json.add(Map.of("points", line.points(), "color", line.color(), "label", line.label()));
        }
        getElement().setPropertyList("paths", json);
    }

    void setPaths(List<LatentPath> paths, List<String> names) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            lines.add(Map.of("points", paths.get(i).mapPoints(), "color", PATH_COLOURS.get(i % PATH_COLOURS.size()),
                    "label", names.get(i)));
        }
        getElement().setPropertyList("paths", lines);
    }

    public void setMarker(double x, double y, String label) {
        getElement().setPropertyMap("marker", Map.of("x", x, "y", y, "label", label));
    }

    public void clearMarker() {
        getElement().setPropertyJson("marker", tools.jackson.databind.node.NullNode.getInstance());
    }

    /** A click on the map (not a drag): where, in map coordinates. */
    public void addPickListener(java.util.function.BiConsumer<Double, Double> listener) {
        getElement().addEventListener("latent-picked", event -> listener.accept(
                event.getEventData().get("event.detail.x").asDouble(),
                event.getEventData().get("event.detail.y").asDouble()))
                .addEventData("event.detail.x").addEventData("event.detail.y");
    }

    public void addPointSelectedListener(Consumer<SelectedPoint> listener) {
        getElement().addEventListener("point-selected", event -> listener.accept(new SelectedPoint(
                event.getEventData().get("event.detail.point").asInt(),
                event.getEventData().get("event.detail.index").asInt(),
                event.getEventData().get("event.detail.label").asInt())))
                .addEventData("event.detail.point").addEventData("event.detail.index")
                .addEventData("event.detail.label");
    }
}
