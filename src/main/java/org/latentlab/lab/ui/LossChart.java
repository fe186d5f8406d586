package org.latentlab.lab.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import org.latentlab.lab.CurvePoint;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loss curves, drawn in the browser by uPlot ({@code frontend/lab/loss-chart.ts}): one run's batch and epoch
 * losses while it trains, or several runs' epoch losses to compare them. The data is small (a few hundred points),
 * so every update sends all of it.
 */
@Tag("loss-chart")
@JsModule("./lab/loss-chart.ts")
@NpmPackage(value = "uplot", version = "1.6.32")
@CssImport("uplot/dist/uPlot.min.css")
public class LossChart extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Colour-blind-safe (Okabe–Ito). */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000");

    /** One line of the chart. */
    record Line(String label, String color, boolean dash, boolean points, Map<Double, Double> values) {
    }

    public LossChart() {
        getElement().setAttribute("empty-text", getTranslation("lab.chart.empty"));
        addClassName("ll-loss-chart");
    }

    /** One run: training loss every few batches, and training and validation loss at each epoch's end. */
    public void showRun(List<CurvePoint> curve) {
        Map<Double, Double> batches = new LinkedHashMap<>();
        Map<Double, Double> epochTrain = new LinkedHashMap<>();
        Map<Double, Double> epochValidation = new LinkedHashMap<>();
        for (CurvePoint point : curve) {
            if (point.kind() == CurvePoint.Kind.BATCH) {
                batches.put(point.position(), point.trainLoss());
            } else {
                epochTrain.put(point.position(), point.trainLoss());
                if (point.validationLoss() != null && Double.isFinite(point.validationLoss())) {
                    epochValidation.put(point.position(), point.validationLoss());
                }
            }
        }
        draw(List.of(
                new Line(getTranslation("lab.chart.batchLoss"), "#9aa5b1", false, false, batches),
                new Line(getTranslation("lab.chart.trainLoss"), PALETTE.get(0), false, true, epochTrain),
                new Line(getTranslation("lab.chart.validationLoss"), PALETTE.get(1), false, true, epochValidation)));
    }

    /** Several runs: each run's validation loss (solid) and training loss (dashed) per epoch. */
    public void compare(List<String> labels, List<List<CurvePoint>> curves) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            Map<Double, Double> train = new LinkedHashMap<>();
            Map<Double, Double> validation = new LinkedHashMap<>();
            for (CurvePoint point : curves.get(i)) {
                if (point.kind() == CurvePoint.Kind.EPOCH) {
                    train.put(point.position(), point.trainLoss());
                    if (point.validationLoss() != null && Double.isFinite(point.validationLoss())) {
                        validation.put(point.position(), point.validationLoss());
                    }
                }
            }
            String color = PALETTE.get(i % PALETTE.size());
            lines.add(new Line(getTranslation("lab.chart.validationOf", labels.get(i)), color, false, true,
                    validation));
            lines.add(new Line(getTranslation("lab.chart.trainOf", labels.get(i)), color, true, false, train));
        }
        draw(lines);
    }

    private void draw(List<Line> lines) {
        TreeSet<Double> xs = new TreeSet<>();
        lines.forEach(line -> xs.addAll(line.values().keySet()));
        List<Map<String, Object>> series = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (Line line : lines) {
            series.add(Map.of("label", line.label(), "color", line.color(), "dash", line.dash(), "points",
                    line.points()));
            List<Double> column = new ArrayList<>(xs.size());
            for (Double x : xs) {
                column.add(line.values().get(x));
            }
            values.add(column);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", List.copyOf(xs));
        data.put("series", series);
        data.put("values", values);
        data.put("xLabel", getTranslation("lab.chart.epoch"));
        data.put("yLabel", getTranslation("lab.chart.loss"));
        getElement().callJsFunction("setData", JSON.writeValueAsString(data));
    }
}
