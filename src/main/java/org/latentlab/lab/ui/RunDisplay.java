package org.latentlab.lab.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;

import org.latentlab.ml.Corruption;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.TrainingConfig;
import org.latentlab.lab.RunSample;
import org.latentlab.lab.RunState;
import org.latentlab.lab.RunSummary;

/** How the Lab's pages write runs: settings, states, durations, metrics and sample digits. */
final class RunDisplay {

    private final Component owner;
    private final Locale locale;

    RunDisplay(Component owner) {
        this.owner = owner;
        // Views build this in their constructor, before they are attached: the current UI has the user's locale.
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        this.locale = ui != null ? ui.getLocale() : Locale.ENGLISH;
    }

    String title(RunSummary run) {
        return owner.getTranslation(run.experiment().messageKey());
    }

    /** "8 epochs · batch 64 · learning rate 0.001 · …" */
    String settings(TrainingConfig config) {
        List<String> parts = new ArrayList<>();
        parts.add(owner.getTranslation("lab.settings.epochs", config.epochs()));
        parts.add(owner.getTranslation("lab.settings.batch", config.batchSize()));
        parts.add(owner.getTranslation("lab.settings.learningRate", number(config.learningRate())));
        if (config.kind().latentConfigurable() || config.kind().variational()) {
            parts.add(owner.getTranslation("lab.settings.latent", config.effectiveLatentSize()));
        }
        if (config.design() != null) {
            parts.add(owner.getTranslation("lab.settings.design", config.design().analyse().parameters()));
            if (config.design().variational()) {
                parts.add(owner.getTranslation("design.architecture.beta", number(config.design().beta())));
            }
        }
        if (config.kind().corruption() == Corruption.GAUSSIAN_NOISE) {
            parts.add(owner.getTranslation("lab.settings.noise", number(config.noiseLevel())));
        }
        parts.add(owner.getTranslation("lab.settings.seed", Long.toString(config.seed())));
        parts.add(config.trainLimit() > 0 ? owner.getTranslation("lab.settings.digits", config.trainLimit())
                : owner.getTranslation("lab.settings.allDigits"));
        return String.join(" · ", parts);
    }

    Span stateBadge(RunState state) {
        Span badge = new Span(owner.getTranslation("lab.state." + state.name().toLowerCase(Locale.ROOT)));
        badge.addClassNames("ll-badge", "ll-state-" + state.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    String when(java.time.Instant instant) {
        return instant == null ? "–" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.systemDefault()).format(instant);
    }

    /** 0:42, 3:05, 1:02:03 */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double a = Math.abs(value);
        String pattern = a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : a >= 0.001 || a == 0 ? "%.4f" : "%.2e";
        String text = String.format(locale, pattern, value);
        if (a < 1 && a >= 0.001 && text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }

    String number(Double value) {
        return value == null ? "–" : number(value.doubleValue());
    }

    /** The test figure that matters for the run: mse, reconstruction + KL. */
    String testMetric(RunSummary run) {
        Map<String, Double> metrics = run.testMetrics();
        if (metrics.containsKey("kl") && metrics.containsKey("reconstruction") && run.config().klWeight() != 1.0) {
            // A designed beta-VAE: its loss weighs the KL term, so say by how much.
            return owner.getTranslation("lab.metric.betaVae", number(run.testLoss()),
                    number(metrics.get("reconstruction")), number(metrics.get("kl")), number(run.config().klWeight()));
        }
        if (metrics.containsKey("kl") && metrics.containsKey("reconstruction")) {
            return owner.getTranslation("lab.metric.vae", number(run.testLoss()), number(metrics.get("reconstruction")),
                    number(metrics.get("kl")));
        }
        if (metrics.containsKey("mse")) {
            return owner.getTranslation("lab.metric.mse", number(metrics.get("mse")));
        }
        return number(run.testLoss());
    }

    /**
     * Validation digits in columns: the original, what the network saw when that differs (noisy, low-resolution),
     * and the network's output.
     */
    Div samples(List<RunSample> samples, Corruption corruption) {
        Div grid = new Div();
        grid.addClassName("ll-sample-grid");
        boolean showInput = corruption != Corruption.NONE;
        grid.getStyle().set("--ll-sample-count", Integer.toString(Math.max(1, samples.size())));
        grid.add(rowLabel("lab.samples.original"));
        samples.forEach(s -> grid.add(digit(s.original(), s.label())));
        if (showInput) {
            grid.add(rowLabel(corruption == Corruption.GAUSSIAN_NOISE ? "lab.samples.noisy" : "lab.samples.small"));
            samples.forEach(s -> grid.add(digit(s.input(), s.label())));
        }
        grid.add(rowLabel("lab.samples.output"));
        samples.forEach(s -> grid.add(digit(s.output(), s.label())));
        return grid;
    }

    private Span rowLabel(String key) {
        Span label = new Span(owner.getTranslation(key));
        label.addClassName("ll-sample-label");
        return label;
    }

    private Image digit(byte[] grey, int label) {
        Image image = new Image(DigitImages.dataUrl(RunSample.pixels(grey)), owner.getTranslation("lab.samples.alt",
                label));
        image.addClassName("ll-sample-digit");
        return image;
    }
}
