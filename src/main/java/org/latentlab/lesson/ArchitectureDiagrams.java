package org.latentlab.lesson;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Our own drawings of the two architectures, as SVG, labelled in the reader's language: an autoencoder (input,
 * encoder, code, decoder, output) and a variational autoencoder (the encoder's mean and log-variance, the sampling
 * step with its noise ε, the decoder and the two loss terms). Labels come from the message bundles
 * ({@code lesson.diagram.*}) through the function the page passes in.
 */
public final class ArchitectureDiagrams {

    public static final List<String> NAMES = List.of("autoencoder-architecture", "vae-architecture");

    private static final String INK = "#263238";
    private static final String ENCODER = "#4E79A7";
    private static final String DECODER = "#F28E2B";
    private static final String CODE = "#59A14F";
    private static final String LOSS = "#C62828";

    private ArchitectureDiagrams() {
    }

    /** The diagram as a data: URL, or null for an unknown name; {@code label} turns a key into the reader's text. */
    public static String dataUrl(String name, UnaryOperator<String> label) {
        String svg = svg(name, label);
        return svg == null ? null
                : "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    static String svg(String name, UnaryOperator<String> label) {
        return switch (name) {
            case "autoencoder-architecture" -> autoencoder(label);
            case "vae-architecture" -> vae(label);
            default -> null;
        };
    }

    private static String autoencoder(UnaryOperator<String> label) {
        StringBuilder s = open(760, 250);
        digit(s, 20, 70, 100, 1.0);
        text(s, 70, 200, label.apply("lesson.diagram.input"), INK, 15, false);
        arrow(s, 126, 120, 156, 120);
        trapezoid(s, 160, 300, 160, 60, 120, ENCODER);
        text(s, 230, 126, label.apply("lesson.diagram.encoder"), "#ffffff", 16, true);
        arrow(s, 304, 120, 334, 120);
        s.append(String.format(Locale.ROOT,
                "<rect x='338' y='88' width='84' height='64' rx='6' fill='%s'/>", CODE));
        text(s, 380, 126, "z", "#ffffff", 20, true);
        text(s, 380, 178, label.apply("lesson.diagram.code"), INK, 14, false);
        text(s, 380, 198, label.apply("lesson.diagram.bottleneck"), "#607D8B", 13, false);
        arrow(s, 426, 120, 456, 120);
        trapezoid(s, 460, 600, 60, 160, 120, DECODER);
        text(s, 530, 126, label.apply("lesson.diagram.decoder"), "#ffffff", 16, true);
        arrow(s, 604, 120, 634, 120);
        digit(s, 640, 70, 100, 0.7);
        text(s, 690, 200, label.apply("lesson.diagram.output"), INK, 15, false);
        lossBrace(s, 70, 690, 228, 380, label.apply("lesson.diagram.reconstructionLoss"));
        return s.append("</svg>").toString();
    }

    private static String vae(UnaryOperator<String> label) {
        StringBuilder s = open(930, 330);
        digit(s, 16, 110, 90, 1.0);
        text(s, 61, 222, label.apply("lesson.diagram.input"), INK, 14, false);
        arrow(s, 110, 155, 134, 155);
        trapezoid(s, 138, 258, 150, 80, 155, ENCODER);
        text(s, 198, 161, label.apply("lesson.diagram.encoder"), "#ffffff", 15, true);
        // The two heads: mean and log-variance.
        s.append(String.format(Locale.ROOT,
                "<rect x='290' y='92' width='96' height='46' rx='6' fill='%s' fill-opacity='0.85'/>"
                        + "<rect x='290' y='172' width='96' height='46' rx='6' fill='%s' fill-opacity='0.85'/>",
                ENCODER, ENCODER));
        arrow(s, 262, 140, 288, 118);
        arrow(s, 262, 170, 288, 192);
        text(s, 338, 121, "μ", "#ffffff", 18, true);
        text(s, 338, 201, "log σ²", "#ffffff", 16, true);
        text(s, 338, 84, label.apply("lesson.diagram.mean"), INK, 13, false);
        text(s, 338, 238, label.apply("lesson.diagram.logVariance"), INK, 13, false);
        // Sampling: z = μ + σ ⊙ ε with ε from N(0, I).
        s.append("<circle cx='470' cy='155' r='52' fill='#ECEFF1' stroke='").append(INK).append("' stroke-width='1.5'/>");
        text(s, 470, 150, label.apply("lesson.diagram.sampling"), INK, 12, true);
        text(s, 470, 170, "μ + σ ⊙ ε", INK, 14, false);
        arrow(s, 388, 118, 422, 138);
        arrow(s, 388, 192, 422, 172);
        s.append(String.format(Locale.ROOT,
                "<rect x='424' y='18' width='92' height='40' rx='20' fill='#ffffff' stroke='%s' "
                        + "stroke-dasharray='5 4'/>", INK));
        text(s, 470, 43, "ε ~ N(0, I)", INK, 14, false);
        text(s, 600, 30, label.apply("lesson.diagram.noise"), "#607D8B", 12, false);
        arrow(s, 470, 60, 470, 101);
        arrow(s, 523, 155, 546, 155);
        s.append(String.format(Locale.ROOT,
                "<rect x='550' y='125' width='60' height='60' rx='6' fill='%s'/>", CODE));
        text(s, 580, 162, "z", "#ffffff", 20, true);
        text(s, 580, 205, label.apply("lesson.diagram.code"), INK, 13, false);
        arrow(s, 614, 155, 640, 155);
        trapezoid(s, 644, 764, 80, 150, 155, DECODER);
        text(s, 704, 161, label.apply("lesson.diagram.decoder"), "#ffffff", 15, true);
        arrow(s, 768, 155, 792, 155);
        digit(s, 796, 110, 90, 0.7);
        text(s, 841, 222, label.apply("lesson.diagram.output"), INK, 14, false);
        lossBrace(s, 61, 841, 262, 650, label.apply("lesson.diagram.reconstructionLoss"));
        // KL: compares the cloud (μ, σ) with the prior N(0, I).
        s.append(String.format(Locale.ROOT,
                "<path d='M338 244 L338 300' stroke='%s' stroke-width='1.5' stroke-dasharray='4 3' fill='none'/>",
                LOSS));
        text(s, 338, 318, label.apply("lesson.diagram.klTerm"), LOSS, 14, true);
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
                + "viewBox='0 0 %d %d' font-family='Noto Sans, DejaVu Sans, Arial, sans-serif'>", width, height,
                width, height));
        s.append("<defs><marker id='arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' markerHeight='7' "
                + "orient='auto-start-reverse'><path d='M0 0 L10 5 L0 10 z' fill='").append(INK)
                .append("'/></marker></defs>");
        s.append(String.format(Locale.ROOT, "<rect width='%d' height='%d' fill='#ffffff'/>", width, height));
        return s;
    }

    /** A trapezoid from x1 to x2 whose left side is h1 high and right side h2 high, centred on y = cy. */
    private static void trapezoid(StringBuilder s, int x1, int x2, int h1, int h2, int cy, String fill) {
        s.append(String.format(Locale.ROOT, "<path d='M%d %d L%d %d L%d %d L%d %d Z' fill='%s'/>",
                x1, cy - h1 / 2, x2, cy - h2 / 2, x2, cy + h2 / 2, x1, cy + h1 / 2, fill));
    }

    private static void arrow(StringBuilder s, int x1, int y1, int x2, int y2) {
        s.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='2' "
                + "marker-end='url(#arrow)'/>", x1, y1, x2, y2, INK));
    }

    /** A stylised handwritten 7 on black, like an MNIST digit; a lower opacity draws the blurrier rebuilt one. */
    private static void digit(StringBuilder s, int x, int y, int size, double sharpness) {
        s.append(String.format(Locale.ROOT, "<rect x='%d' y='%d' width='%d' height='%d' fill='#000000'/>", x, y, size,
                size));
        double u = size / 28.0;
        s.append(String.format(Locale.ROOT, "<path d='M%.1f %.1f L%.1f %.1f L%.1f %.1f' stroke='#ffffff' "
                + "stroke-width='%.1f' stroke-linecap='round' stroke-linejoin='round' fill='none' "
                + "stroke-opacity='%.2f'/>", x + 7 * u, y + 7 * u, x + 21 * u, y + 7 * u, x + 11 * u, y + 23 * u,
                (sharpness < 1 ? 3.6 : 2.6) * u, sharpness));
    }

    private static void lossBrace(StringBuilder s, int from, int to, int y, int textX, String text) {
        s.append(String.format(Locale.ROOT, "<path d='M%d %d L%d %d L%d %d L%d %d' stroke='%s' stroke-width='1.5' "
                + "fill='none' stroke-dasharray='4 3'/>", from, y - 10, from, y, to, y, to, y - 10, LOSS));
        text(s, textX, y + 18, text, LOSS, 14, true);
    }

    /** A centred label; one in a right-to-left script gets that base direction, so "KL" or "N(0, I)" stay in place. */
    private static void text(StringBuilder s, int x, int y, String text, String colour, int size, boolean bold) {
        s.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle' font-size='%d' fill='%s'%s%s>",
                x, y, size, colour, bold ? " font-weight='bold'" : "", rightToLeft(text) ? " direction='rtl'" : ""))
                .append(escape(text)).append("</text>");
    }

    private static boolean rightToLeft(String text) {
        return text.codePoints().anyMatch(c -> Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
