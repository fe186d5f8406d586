package org.latentlab.e2e;

import java.util.List;

import com.microsoft.playwright.Page;

/**
 * What a journey reads of a latent map on a page (by the element's id): its decode record and where its dots are,
 * through the page's {@code inspectLatentMap(element)} ({@code frontend/playground/latent-map/inspection.ts}), not
 * through properties of the element.
 */
public final class LatentMapInspection {

    /** The map's inspection as {@code m}, or {@code m} undefined while the page or the map is not there yet. */
    private static final String INSPECT =
            "const m = window.inspectLatentMap && inspectLatentMap(document.getElementById(id));";

    private LatentMapInspection() {
    }

    /** Waits until the map shows a decoded digit (its first comes by itself once its points have loaded). */
    public static void waitForDecoded(Page page, String id) {
        waitForMoreDecoded(page, id, 0);
    }

    /** How many decoded digits the map has shown. */
    public static int decodedCount(Page page, String id) {
        return ((Number) page.evaluate("id => { " + INSPECT + " return m.decodedCount; }", id)).intValue();
    }

    /** Waits until the map has shown more decoded digits than {@code count}. */
    public static void waitForMoreDecoded(Page page, String id, int count) {
        page.waitForFunction("([id, count]) => { " + INSPECT + " return m && m.decodedCount > count; }",
                List.of(id, count));
    }

    /** Waits until the map has measured a pointer or key move's latency. */
    public static void waitForLatency(Page page, String id) {
        page.waitForFunction("id => { " + INSPECT + " return m && m.latencies.length > 0; }", id);
    }

    /** Where on the page (CSS pixels, x then y) the dot of the map's test digit at this index is drawn. */
    public static List<Double> dotOnPage(Page page, String id, int index) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate("([id, index]) => { " + INSPECT
                + " const p = m.toScreen(m.points.x[index], m.points.y[index]); const r = document.getElementById(id)"
                + ".shadowRoot.querySelector('canvas.map').getBoundingClientRect(); return [r.left + p.sx, r.top"
                + " + p.sy]; }", List.of(id, index));
        return at.stream().map(Number::doubleValue).toList();
    }

    /**
     * How many arrow-key steps of {@code stepPixels} (right, down; negative: left, up) take the crosshair to the
     * nearest test digit's dot.
     */
    public static List<Integer> keyStepsToNearestDot(Page page, String id, int stepPixels) {
        @SuppressWarnings("unchecked")
        List<Number> steps = (List<Number>) page.evaluate("([id, step]) => { " + INSPECT
                + " const p = m.toScreen(m.probe.x, m.probe.y); let best = 0, bd = 1e18;"
                + " for (let i = 0; i < m.points.x.length; i++) { const q = m.toScreen(m.points.x[i], m.points.y[i]);"
                + " const d = (q.sx - p.sx) ** 2 + (q.sy - p.sy) ** 2; if (d < bd) { bd = d; best = i; } }"
                + " const q = m.toScreen(m.points.x[best], m.points.y[best]);"
                + " return [Math.round((q.sx - p.sx) / step), Math.round((q.sy - p.sy) / step)]; }",
                List.of(id, stepPixels));
        return steps.stream().map(Number::intValue).toList();
    }
}
