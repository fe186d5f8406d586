package org.latentlab.playground;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.Corruption;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.Interpolation;
import org.latentlab.ml.LoadedModel;
import org.latentlab.ml.ModelKind;

/**
 * One model's latent space as the Playground explores it: the codes of the 2,000 held-out digits (which no model
 * trained on), the plane the map shows, the bounds that keep requests sensible, and the operations of the views
 * (decode, grid, path, encode, random sample). Built once per model and cached; thread-safe, because the codes are
 * never changed after construction and the model limits its own concurrency.
 * <p>
 * Out-of-range requests are clamped, not refused: the answer says so, and the page shows where the value went.
 */
public final class LatentSpace {

    public static final int MAX_GRID = 20;
    public static final int MIN_GRID = 2;
    public static final int MAX_SLIDERS = 16;
    public static final int MIN_STEPS = 2;
    public static final int MAX_STEPS = 24;
    private static final int ENCODE_BATCH = 250;

    private final ModelChoice choice;
    private final LoadedModel model;
    private final float[][] codes;
    private final int[] labels;
    private final int[] digitIndices;
    private final LatentPlane plane;
    private final float[] mean;
    private final float[] spread;
    private final float[] lowest;
    private final float[] highest;
    private final double[] mapBounds;
    private final double[] planeLimits;
    private final int[] sliderDimensions;
    private final float[][] points;
    /** Whether the codes have a prior N(0, I) to sample from (a VAE) or only the held-out codes' own spread. */
    private final boolean variational;

    LatentSpace(ModelChoice choice, LoadedModel model, List<HeldOutDigits.Digit> heldOut) {
        this.choice = choice;
        this.model = model;
        // A run's own network decides, not its experiment: a designed network under the VAE assignment may be plain.
        this.variational = model.metadata().config().variational();
        int size = model.latentSize();
        float[][] inputs = new float[heldOut.size()][];
        labels = new int[heldOut.size()];
        digitIndices = new int[heldOut.size()];
        for (int i = 0; i < inputs.length; i++) {
            HeldOutDigits.Digit digit = heldOut.get(i);
            inputs[i] = modelInput(digit.pixels());
            labels[i] = digit.label();
            digitIndices[i] = digit.index();
        }
        codes = new float[inputs.length][];
        for (int start = 0; start < inputs.length; start += ENCODE_BATCH) {
            float[][] batch = Arrays.copyOfRange(inputs, start, Math.min(inputs.length, start + ENCODE_BATCH));
            float[][] encoded = model.encode(batch);
            System.arraycopy(encoded, 0, codes, start, encoded.length);
        }
        mean = new float[size];
        spread = new float[size];
        lowest = new float[size];
        highest = new float[size];
        Arrays.fill(lowest, Float.MAX_VALUE);
        Arrays.fill(highest, -Float.MAX_VALUE);
        for (float[] code : codes) {
            for (int d = 0; d < size; d++) {
                mean[d] += code[d] / codes.length;
                lowest[d] = Math.min(lowest[d], code[d]);
                highest[d] = Math.max(highest[d], code[d]);
            }
        }
        for (float[] code : codes) {
            for (int d = 0; d < size; d++) {
                float centred = code[d] - mean[d];
                spread[d] += centred * centred / codes.length;
            }
        }
        for (int d = 0; d < size; d++) {
            spread[d] = (float) Math.sqrt(spread[d]);
        }
        plane = LatentPlane.of(codes);
        points = new float[codes.length][];
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < codes.length; i++) {
            double[] xy = plane.project(codes[i]);
            points[i] = new float[] {(float) xy[0], (float) xy[1]};
            minX = Math.min(minX, xy[0]);
            maxX = Math.max(maxX, xy[0]);
            minY = Math.min(minY, xy[1]);
            maxY = Math.max(maxY, xy[1]);
        }
        mapBounds = new double[] {minX, maxX, minY, maxY};
        // Requests may go well beyond the digits (that is where a latent space gets interesting), but not to
        // values so far out that the decoder only saturates.
        double spanX = Math.max(maxX - minX, 1e-3);
        double spanY = Math.max(maxY - minY, 1e-3);
        planeLimits = new double[] {minX - spanX, maxX + spanX, minY - spanY, maxY + spanY};
        sliderDimensions = mostVaried(spread, Math.min(MAX_SLIDERS, size));
    }

    private static int[] mostVaried(float[] spread, int count) {
        Integer[] order = new Integer[spread.length];
        for (int d = 0; d < order.length; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (a, b) -> Float.compare(spread[b], spread[a]));
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) {
            chosen[i] = order[i];
        }
        Arrays.sort(chosen);
        return chosen;
    }

    public ModelChoice choice() {
        return choice;
    }

    public String modelId() {
        return choice.id();
    }

    public ModelKind kind() {
        return choice.kind();
    }

    public int latentSize() {
        return mean.length;
    }

    public LatentPlane plane() {
        return plane;
    }

    /** The map's points, one per held-out digit. */
    public MapData map() {
        float[] xs = new float[points.length];
        float[] ys = new float[points.length];
        for (int i = 0; i < points.length; i++) {
            xs[i] = points[i][0];
            ys[i] = points[i][1];
        }
        return new MapData(choice.id(), latentSize(), plane.projected(), plane.explained(), xs, ys, labels.clone(),
                digitIndices.clone(), mapBounds.clone(), planeLimits.clone());
    }

    public int digitCount() {
        return codes.length;
    }

    /** The i-th held-out digit of the map: its data-set index, label and code. */
    public int digitIndex(int point) {
        return digitIndices[checkPoint(point)];
    }

    public int label(int point) {
        return labels[checkPoint(point)];
    }

    public float[] code(int point) {
        return codes[checkPoint(point)].clone();
    }

    private int checkPoint(int point) {
        if (point < 0 || point >= codes.length) {
            throw new InvalidInputException("point", "playground.pointUnknown", codes.length);
        }
        return point;
    }

    /** The dimensions the sliders show: all of them up to 16, else the 16 that vary most over the held-out digits. */
    public int[] sliderDimensions() {
        return sliderDimensions.clone();
    }

    /** The range a slider for dimension {@code d} offers: the prior's ±3.5 for a VAE, the codes' range plus a quarter. */
    public double[] sliderRange(int d) {
        if (variational) {
            return new double[] {Math.min(-3.5, lowest[d]), Math.max(3.5, highest[d])};
        }
        double span = Math.max(highest[d] - lowest[d], 1e-3);
        return new double[] {lowest[d] - span / 4, highest[d] + span / 4};
    }

    /** The mean of the held-out codes: where the sliders start. */
    public float[] meanCode() {
        return mean.clone();
    }

    /** The model's input for a clean 28x28 digit: the digit itself, or its 14x14 version for super-resolution. */
    public float[] modelInput(float[] digit) {
        return choice.kind().corruption() == Corruption.DOWNSAMPLE_2X ? DigitImages.downsampled(digit) : digit;
    }

    public float[] encode(float[] digit) {
        return model.encode(modelInput(digit));
    }

    public float[] reconstruct(float[] digit) {
        return model.reconstruct(modelInput(digit));
    }

    /** Which parameters decode this space's codes: a submission stores it so that its score can be recomputed. */
    public String modelVersion() {
        return model.metadata().createdAt() + "/" + model.metadata().parametersFile();
    }

    /** Whether a code has the right length and only ordinary numbers inside the limits that decoding clamps to. */
    public boolean withinLimits(float[] code) {
        if (code == null || code.length != latentSize()) {
            return false;
        }
        for (int d = 0; d < code.length; d++) {
            float[] limits = limits(d);
            if (!Float.isFinite(code[d]) || code[d] < limits[0] || code[d] > limits[1]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes a full code; values outside the allowed range are clamped and the answer says so. */
    public Decoded decode(float[] code) {
        if (code == null || code.length != latentSize()) {
            throw new InvalidInputException("z", "playground.codeLength", latentSize(),
                    code == null ? 0 : code.length);
        }
        float[] safe = new float[code.length];
        boolean clamped = false;
        for (int d = 0; d < code.length; d++) {
            float value = code[d];
            if (!Float.isFinite(value)) {
                throw new InvalidInputException("z", "playground.codeNotNumber");
            }
            float[] limits = limits(d);
            safe[d] = Math.clamp(value, limits[0], limits[1]);
            clamped |= safe[d] != value;
        }
        return new Decoded(model.decode(safe), safe, clamped);
    }

    /** Decodes the map point (x, y), clamped to the plane's limits. */
    public Decoded decodeAt(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new InvalidInputException("xy", "playground.codeNotNumber");
        }
        double cx = Math.clamp(x, planeLimits[0], planeLimits[1]);
        double cy = Math.clamp(y, planeLimits[2], planeLimits[3]);
        float[] code = plane.code(cx, cy);
        return new Decoded(model.decode(code), code, cx != x || cy != y);
    }

    private float[] limits(int d) {
        double span = Math.max(highest[d] - lowest[d], 1e-3);
        double low = lowest[d] - span;
        double high = highest[d] + span;
        if (variational) {
            low = Math.min(low, -6);
            high = Math.max(high, 6);
        }
        return new float[] {(float) low, (float) high};
    }

    /**
     * An n x n grid of digits decoded over a rectangle of the map. Sizes outside 2..20 and ranges beyond the plane's
     * limits are clamped; a reversed range is put the right way round; an empty or non-numeric range is refused.
     */
    public ManifoldGrid grid(int size, double xFrom, double xTo, double yFrom, double yTo) {
        for (double value : new double[] {xFrom, xTo, yFrom, yTo}) {
            if (!Double.isFinite(value)) {
                throw new InvalidInputException("range", "playground.grid.rangeNotNumber");
            }
        }
        int n = Math.clamp(size, MIN_GRID, MAX_GRID);
        double x0 = Math.clamp(Math.min(xFrom, xTo), planeLimits[0], planeLimits[1]);
        double x1 = Math.clamp(Math.max(xFrom, xTo), planeLimits[0], planeLimits[1]);
        double y0 = Math.clamp(Math.min(yFrom, yTo), planeLimits[2], planeLimits[3]);
        double y1 = Math.clamp(Math.max(yFrom, yTo), planeLimits[2], planeLimits[3]);
        if (x1 - x0 < 1e-6 || y1 - y0 < 1e-6) {
            throw new InvalidInputException("range", "playground.grid.rangeEmpty");
        }
        boolean adjusted = n != size || x0 != Math.min(xFrom, xTo) || x1 != Math.max(xFrom, xTo)
                || y0 != Math.min(yFrom, yTo) || y1 != Math.max(yFrom, yTo);
        float[][] gridCodes = new float[n * n][];
        for (int row = 0; row < n; row++) {
            // The top row has the largest y, as on the map.
            double y = y1 - (y1 - y0) * row / (n - 1);
            for (int column = 0; column < n; column++) {
                double x = x0 + (x1 - x0) * column / (n - 1);
                gridCodes[row * n + column] = plane.code(x, y);
            }
        }
        return new ManifoldGrid(n, x0, x1, y0, y1, model.decode(gridCodes), adjusted);
    }

    /** The default grid range: the digits' extent on the map (for a 2-D VAE about ±3, where the prior lives). */
    public double[] defaultGridRange() {
        return mapBounds.clone();
    }

    /**
     * The path from code a to code b in {@code steps} images (both ends included). Spherical interpolation turns
     * around the centre of the space (the prior's mean 0 for a VAE, the codes' mean otherwise), keeping the distance
     * from it, where a straight line would cut through the thinly populated middle.
     */
    public LatentPath path(float[] a, float[] b, int steps, Interpolation interpolation) {
        decode(a);
        decode(b);
        int n = Math.clamp(steps, MIN_STEPS, MAX_STEPS);
        float[] centre = variational ? new float[latentSize()] : mean;
        List<float[]> pathCodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double t = (double) i / (n - 1);
            pathCodes.add(interpolation.between(a, b, centre, t));
        }
        float[][] images = model.decode(pathCodes.toArray(float[][]::new));
        double[][] mapPoints = pathCodes.stream().map(plane::project).toArray(double[][]::new);
        return new LatentPath(interpolation, pathCodes, images, mapPoints, n != steps);
    }

    /** A random code: from the prior N(0, 1) for a VAE, from a Gaussian fitted to the held-out codes otherwise. */
    public float[] randomCode(Random random) {
        float[] code = new float[latentSize()];
        boolean prior = variational;
        for (int d = 0; d < code.length; d++) {
            double normal = random.nextGaussian();
            code[d] = (float) (prior ? normal : mean[d] + spread[d] * normal);
        }
        return code;
    }

    /** Whether calls may still reach the model (a cache may unload a student's model it has not used lately). */
    LoadedModel model() {
        return model;
    }
}
