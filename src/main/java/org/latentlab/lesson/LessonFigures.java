package org.latentlab.lesson;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.GaussianQuantiles;
import org.latentlab.ml.LatentCodec;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ShippedModels;
import org.springframework.stereotype.Service;

/**
 * The lesson's figures, drawn by our own code from our shipped models (never copied images): test digits above
 * their reconstructions, the 2-D VAE's latent map of held-out digits, a manifold of decoded digits on Gaussian
 * quantiles, and digits beside letters with their reconstruction errors (anomaly detection). Each is drawn once and
 * kept as a PNG data URL.
 */
@Service
public class LessonFigures {

    public static final List<String> NAMES = List.of("reconstructions", "latent-map", "manifold", "anomalies");

    /**
     * The model that judges anomalies: the VAE with an 8-number code. The convolutional autoencoder's 128 numbers are
     * roomy enough to rebuild most letters fairly well (only 5 of 26 capitals go over its threshold); the tighter
     * code turns letters into digit-like shapes, so their errors stand out (10 of 26 over, most of the rest close).
     */
    public static final ModelKind ANOMALY_MODEL = ModelKind.VAE;

    /** The share of held-out digits whose reconstruction error stays below the anomaly threshold. */
    public static final double ANOMALY_QUANTILE = 0.99;

    /** Colours of the ten digits on the latent map (Tableau 10, readable on white and for most colour vision). */
    public static final List<Color> DIGIT_COLOURS = List.of(new Color(0x4E79A7), new Color(0xF28E2B),
            new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948),
            new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0x525252));

    /** The part of the 2-D latent space the latent map shows (the manifold and the latent walk use Gaussian quantiles). */
    public static final double LATENT_RANGE = 3.0;

    /** Digits per side of the manifold grid. */
    public static final int MANIFOLD_SIZE = 15;

    private static final int CELL = 28;

    private final ShippedModels models;
    private final HeldOutDigits digits;
    private final Map<String, String> drawn = new ConcurrentHashMap<>();
    private volatile Double anomalyThreshold;

    LessonFigures(ShippedModels models, HeldOutDigits digits) {
        this.models = models;
        this.digits = digits;
    }

    /** The figure as a PNG data URL; empty for an unknown name or when its model is not available. */
    public Optional<String> figure(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        String cached = drawn.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<BufferedImage> image = switch (name) {
            case "reconstructions" -> models.get(ModelKind.CONV_AE).map(this::reconstructions);
            case "latent-map" -> models.get(ModelKind.VAE_2D).map(this::latentMap);
            case "anomalies" -> models.get(ANOMALY_MODEL).map(this::anomalies);
            default -> models.get(ModelKind.VAE_2D).map(this::manifold);
        };
        return image.map(DigitImages::dataUrl).map(url -> {
            drawn.put(name, url);
            return url;
        });
    }

    private BufferedImage reconstructions(LatentCodec model) {
        List<HeldOutDigits.Digit> shown = digits.oneOfEach(7);
        float[][] inputs = shown.stream().map(HeldOutDigits.Digit::pixels).toArray(float[][]::new);
        float[][] outputs = model.reconstruct(inputs);
        int scale = 3;
        int gap = 6;
        int size = CELL * scale;
        BufferedImage image = new BufferedImage(10 * size + 11 * gap, 2 * size + 3 * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        for (int i = 0; i < 10; i++) {
            int x = gap + i * (size + gap);
            g.drawImage(DigitImages.toImage(inputs[i]), x, gap, size, size, null);
            g.drawImage(DigitImages.toImage(outputs[i]), x, 2 * gap + size, size, size, null);
        }
        g.dispose();
        return image;
    }

    private BufferedImage latentMap(LatentCodec model) {
        List<HeldOutDigits.Digit> all = digits.heldOut();
        float[][] codes = model.encode(all.stream().map(HeldOutDigits.Digit::pixels).toArray(float[][]::new));
        int size = 520;
        int margin = 48;
        BufferedImage image = new BufferedImage(size + 120, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int plot = size - 2 * margin;
        g.setColor(new Color(0xDDDDDD));
        for (int t = -3; t <= 3; t++) {
            int p = margin + (int) Math.round((t + LATENT_RANGE) / (2 * LATENT_RANGE) * plot);
            g.drawLine(p, margin, p, margin + plot);
            g.drawLine(margin, p, margin + plot, p);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int t = -3; t <= 3; t++) {
            int p = margin + (int) Math.round((t + LATENT_RANGE) / (2 * LATENT_RANGE) * plot);
            g.drawString(Integer.toString(t), p - 4, margin + plot + 16);
            g.drawString(Integer.toString(-t), margin - 20, p + 4);
        }
        g.drawString("z\u2081", margin + plot / 2, size - 4);
        g.drawString("z\u2082", 6, margin + plot / 2 + 4);
        for (int i = 0; i < codes.length; i++) {
            double x = (codes[i][0] + LATENT_RANGE) / (2 * LATENT_RANGE);
            double y = 1 - (codes[i][1] + LATENT_RANGE) / (2 * LATENT_RANGE);
            if (x < 0 || x > 1 || y < 0 || y > 1) {
                continue;
            }
            Color colour = DIGIT_COLOURS.get(all.get(i).label());
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 190));
            g.fillOval(margin + (int) (x * plot) - 3, margin + (int) (y * plot) - 3, 6, 6);
        }
        g.setStroke(new BasicStroke(1));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        for (int d = 0; d < 10; d++) {
            int y = margin + 10 + d * 24;
            g.setColor(DIGIT_COLOURS.get(d));
            g.fillOval(size + 20, y - 10, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(d), size + 40, y);
        }
        g.dispose();
        return image;
    }

    /**
     * The decoded digits on a grid laid on Gaussian quantiles, as Kingma and Welling draw it: column i sits at
     * Φ⁻¹((i + 0.5) / n), so every cell holds the same share of the prior N(0, I), and the grid reaches about ±1.83
     * rather than into the prior's thin tails.
     */
    private BufferedImage manifold(LatentCodec model) {
        int n = MANIFOLD_SIZE;
        double[] quantiles = GaussianQuantiles.grid(n);
        float[][] codes = new float[n * n][];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                codes[row * n + col] = new float[] {(float) quantiles[col], (float) quantiles[n - 1 - row]};
            }
        }
        float[][] decoded = model.decode(codes);
        int scale = 1;
        BufferedImage image = new BufferedImage(n * CELL * scale, n * CELL * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < decoded.length; i++) {
            g.drawImage(DigitImages.toImage(decoded[i]), (i % n) * CELL * scale, (i / n) * CELL * scale,
                    CELL * scale, CELL * scale, null);
        }
        g.dispose();
        return image;
    }

    /**
     * The anomaly model's reconstruction error (mean squared error per pixel) that 99% of the held-out digits stay
     * below: an input above it is unlike the digits the model learned from. Empty without the model.
     */
    public Optional<Double> anomalyThreshold() {
        Double known = anomalyThreshold;
        if (known != null) {
            return Optional.of(known);
        }
        return models.get(ANOMALY_MODEL).map(model -> {
            List<HeldOutDigits.Digit> all = digits.heldOut();
            float[][] inputs = all.stream().map(HeldOutDigits.Digit::pixels).toArray(float[][]::new);
            float[][] outputs = model.reconstruct(inputs);
            double[] errors = new double[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                errors[i] = DigitImages.meanSquaredError(inputs[i], outputs[i]);
            }
            java.util.Arrays.sort(errors);
            double threshold = errors[Math.min(errors.length - 1, (int) Math.ceil(ANOMALY_QUANTILE * errors.length))];
            anomalyThreshold = threshold;
            return threshold;
        });
    }

    /** Six test digits and six letters, each above its reconstruction and its error; errors over the threshold in red. */
    private BufferedImage anomalies(LatentCodec model) {
        List<HeldOutDigits.Digit> oneOfEach = digits.oneOfEach(11);
        List<Integer> shownDigits = List.of(0, 2, 3, 5, 7, 8);
        int columns = 12;
        float[][] inputs = new float[columns][];
        for (int i = 0; i < 6; i++) {
            inputs[i] = oneOfEach.get(shownDigits.get(i)).pixels();
            inputs[6 + i] = LetterImages.letter(LetterImages.LETTERS.get(i));
        }
        float[][] outputs = model.reconstruct(inputs);
        double threshold = anomalyThreshold().orElse(Double.MAX_VALUE);
        int scale = 3;
        int gap = 8;
        int size = CELL * scale;
        int split = 24;
        int width = columns * size + (columns + 1) * gap + split;
        BufferedImage image = new BufferedImage(width, 2 * size + 4 * gap + 22, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        for (int i = 0; i < columns; i++) {
            int x = gap + i * (size + gap) + (i >= 6 ? split : 0);
            g.drawImage(DigitImages.toImage(inputs[i]), x, gap, size, size, null);
            g.drawImage(DigitImages.toImage(outputs[i]), x, 2 * gap + size, size, size, null);
            double error = DigitImages.meanSquaredError(inputs[i], outputs[i]);
            g.setColor(error > threshold ? new Color(0xC62828) : new Color(0x2E7D32));
            String text = String.format(java.util.Locale.ROOT, "%.3f", error);
            int textWidth = g.getFontMetrics().stringWidth(text);
            g.drawString(text, x + (size - textWidth) / 2, 3 * gap + 2 * size + 16);
        }
        int line = gap + 6 * (size + gap) + split / 2;
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 6}, 0));
        g.drawLine(line, gap, line, image.getHeight() - gap);
        g.dispose();
        return image;
    }
}
