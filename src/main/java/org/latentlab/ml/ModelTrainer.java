package org.latentlab.ml;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Trains one model. Batches are cut from the images in memory (no per-image objects), every step runs in its own
 * NDManager that is closed right after, so native memory stays flat however long the run, and the cancellation
 * flag is checked before every batch.
 */
public final class ModelTrainer {

    /** How often a batch loss is reported. */
    public static final int REPORT_EVERY_BATCHES = 10;
    static final int SAMPLES_PER_EPOCH = 8;
    private static final int EVALUATION_BATCH = 500;
    private static final java.util.concurrent.locks.ReentrantLock INITIALIZING =
            new java.util.concurrent.locks.ReentrantLock();

    private ModelTrainer() {
    }

    public static TrainedModel train(TrainingConfig config, Consumer<TrainingProgress> listener,
            Cancellation cancellation) {
        return train(config, listener, cancellation, null);
    }

    /**
     * Trains, saving the parameters after every epoch into {@code checkpoints.folder()} (when given) before the
     * epoch is reported, so whoever records an epoch as done can count on its parameters being on disk. With
     * {@code checkpoints.resumeAfterEpoch() > 0} the run goes on from that epoch's saved parameters instead of from
     * scratch: the data order of the later epochs is the same as in an uninterrupted run, the optimizer's moment
     * estimates start afresh (DJL does not save them), so the losses are close to, not equal to, a run that never
     * stopped.
     */
    public static TrainedModel train(TrainingConfig config, Consumer<TrainingProgress> listener,
            Cancellation cancellation, EpochCheckpoints checkpoints) {
        return train(config, listener, TrainingControl.of(cancellation), checkpoints);
    }

    /** The same, steered by {@code control}: its device, and a hook before every batch (turns between runs). */
    public static TrainedModel train(TrainingConfig config, Consumer<TrainingProgress> listener,
            TrainingControl control, EpochCheckpoints checkpoints) {
        // The engine has one random generator: runs that start at the same moment take turns initialising, so each
        // gets the parameters its seed gives. Every later draw (a VAE's noise, a denoising run's noise) comes from
        // the run's own generator (RunRandom), so no run's draws shift another's.
        RunRandom.begin(config.seed());
        INITIALIZING.lock();
        try {
            return trainInitializingFirst(config, listener, control, checkpoints);
        } finally {
            if (INITIALIZING.isHeldByCurrentThread()) {
                INITIALIZING.unlock();
            }
            RunRandom.end();
        }
    }

    private static TrainedModel trainInitializingFirst(TrainingConfig config, Consumer<TrainingProgress> listener,
            TrainingControl control, EpochCheckpoints checkpoints) {
        Cancellation cancellation = control.cancellation();
        Device device = control.device();
        config.validate();
        long started = System.nanoTime();
        ImageSet images = ImageSet.load(config.dataset());
        DataSplit split = DataSplit.of(images);
        int[] train = config.trainLimit() > 0 && config.trainLimit() < split.train().length
                ? Arrays.copyOf(split.train(), config.trainLimit()) : split.train().clone();
        int[] validation = config.trainLimit() > 0
                ? Arrays.copyOf(split.validation(), Math.min(split.validation().length, Math.max(64, config.trainLimit() / 4)))
                : split.validation();

        ModelKind kind = config.kind();
        Engine.getEngine(DeepLearningEngine.ENGINE).setRandomSeed((int) config.seed());
        Block block = Networks.build(config);
        Model model = Model.newInstance(kind.name().toLowerCase(java.util.Locale.ROOT), device,
                DeepLearningEngine.ENGINE);
        model.setBlock(block);
        int firstEpoch = 1;
        if (checkpoints != null && checkpoints.resumeAfterEpoch() > 0) {
            firstEpoch = checkpoints.resumeAfterEpoch() + 1;
            try {
                model.load(checkpoints.folder(), Checkpoints.NAME,
                        Map.of("epoch", Integer.toString(checkpoints.resumeAfterEpoch())));
            } catch (java.io.IOException | ai.djl.MalformedModelException | RuntimeException e) {
                model.close();
                throw new IllegalStateException("The checkpoint of epoch " + checkpoints.resumeAfterEpoch() + " in "
                        + checkpoints.folder() + " cannot be loaded: " + e.getMessage(), e);
            }
        }
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .build())
                .optDevices(new Device[] {device});
        Random shuffling = new Random(config.seed());
        List<Double> trainLosses = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        if (firstEpoch > 1) {
            trainLosses.addAll(checkpoints.trainLosses());
            validationLosses.addAll(checkpoints.validationLosses());
        }
        Map<String, Double> lastParts = Map.of();
        Evaluation test = null;
        boolean done = false;
        BatchBuffer buffer = new BatchBuffer(Math.max(config.batchSize(), EVALUATION_BATCH));
        try (Trainer trainer = model.newTrainer(djlConfig)) {
            trainer.initialize(new Shape(config.batchSize()).addAll(kind.corruption().inputShape()));
            // Initialised: other runs may start now (see train).
            INITIALIZING.unlock();
            int batches = (train.length + config.batchSize() - 1) / config.batchSize();
            for (int skipped = 1; skipped < firstEpoch; skipped++) {
                shuffle(train, shuffling); // the same data order as a run that never stopped
            }
            for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                shuffle(train, shuffling);
                double lossSum = 0;
                for (int b = 0; b < batches; b++) {
                    if (cancellation.requested()) {
                        throw new Cancellation.CancelledException();
                    }
                    control.beforeEachBatch().run();
                    int from = b * config.batchSize();
                    int to = Math.min(train.length, from + config.batchSize());
                    float loss = trainStep(trainer, config, images, train, from, to, buffer);
                    lossSum += loss * (to - from);
                    if ((b + 1) % REPORT_EVERY_BATCHES == 0 || b == batches - 1) {
                        listener.accept(new TrainingProgress.BatchLoss(epoch, b + 1, batches, loss));
                    }
                }
                double trainLoss = lossSum / train.length;
                Evaluation evaluation = evaluate(trainer, config, images, validation, true, buffer);
                trainLosses.add(trainLoss);
                validationLosses.add(evaluation.loss());
                lastParts = evaluation.parts();
                if (checkpoints != null) {
                    saveEpoch(model, checkpoints.folder(), epoch);
                }
                listener.accept(new TrainingProgress.EpochFinished(epoch, config.epochs(), trainLoss,
                        evaluation.loss(), evaluation.parts(), evaluation.samples(),
                        Duration.ofNanos(System.nanoTime() - started)));
            }
            test = evaluate(trainer, config, images, split.test(), false, buffer);
            done = true;
        } finally {
            if (!done) {
                model.close();
            }
        }
        TrainingResult result = new TrainingResult(config, trainLosses.getLast(), validationLosses.getLast(),
                lastParts, List.copyOf(trainLosses), List.copyOf(validationLosses), test.loss(), test.parts(),
                Duration.ofNanos(System.nanoTime() - started));
        return new TrainedModel(model, config, result);
    }

    private static void saveEpoch(Model model, java.nio.file.Path folder, int epoch) {
        try {
            // Older epochs stay until the caller has recorded this one: a crash in between must leave a resumable
            // checkpoint whichever record survives, and no file is ever half written (DurableFiles).
            DurableFiles.saveParameters(model, folder, Checkpoints.NAME, epoch);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot save the checkpoint of epoch " + epoch + " in " + folder, e);
        }
    }

    private static float trainStep(Trainer trainer, TrainingConfig config, ImageSet images, int[] order, int from,
            int to, BatchBuffer buffer) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray clean = buffer.batch(step, images, order, from, to);
            NDArray input = ChannelsLast.of(config.kind().corruption().apply(clean, config.noiseLevel()));
            try (ThreadGradients gradients = new ThreadGradients()) {
                NDList output = trainer.forward(new NDList(input));
                NDArray loss = loss(config, output, clean, labels(step, images, order, from, to, config));
                gradients.backward(loss);
                float value = loss.getFloat();
                trainer.step();
                return value;
            }
        }
    }

    /** Loss on the given images, with the network in inference mode; optionally a few samples to show. */
    static Evaluation evaluate(Trainer trainer, TrainingConfig config, ImageSet images, int[] indices,
            boolean withSamples, BatchBuffer buffer) {
        ModelKind kind = config.kind();
        double lossSum = 0;
        Map<String, Double> partSums = new LinkedHashMap<>();
        List<TrainingProgress.Sample> samples = new ArrayList<>();
        for (int from = 0; from < indices.length; from += EVALUATION_BATCH) {
            int to = Math.min(indices.length, from + EVALUATION_BATCH);
            int n = to - from;
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDArray clean = buffer.batch(step, images, indices, from, to);
                NDArray input = ChannelsLast.of(kind.corruption().apply(clean, config.noiseLevel()));
                NDList output = trainer.evaluate(new NDList(input));
                NDArray labels = labels(step, images, indices, from, to, config);
                lossSum += loss(config, output, clean, labels).getFloat() * n;
                for (Map.Entry<String, Double> part : parts(config, output, clean, labels).entrySet()) {
                    partSums.merge(part.getKey(), part.getValue() * n, Double::sum);
                }
                if (withSamples && samples.isEmpty() && kind.isAutoencoder()) {
                    samples.addAll(samples(images, indices, from, input, clean, output.head(), kind));
                }
            }
        }
        Map<String, Double> parts = new LinkedHashMap<>();
        partSums.forEach((name, sum) -> parts.put(name, sum / indices.length));
        return new Evaluation(lossSum / indices.length, parts, samples);
    }

    record Evaluation(double loss, Map<String, Double> parts, List<TrainingProgress.Sample> samples) {
    }

    static NDArray loss(TrainingConfig config, NDList output, NDArray clean, NDArray labels) {
        if (config.kind() == ModelKind.CLASSIFIER) {
            return Losses.softmaxCrossEntropy(output.singletonOrThrow(), labels);
        }
        if (config.variational()) {
            return Losses.vae(output.get(0), clean, output.get(1), output.get(2), config.klWeight()).total();
        }
        return Losses.meanSquaredError(output.singletonOrThrow(), clean);
    }

    private static Map<String, Double> parts(TrainingConfig config, NDList output, NDArray clean, NDArray labels) {
        if (config.kind() == ModelKind.CLASSIFIER) {
            NDArray predicted = output.singletonOrThrow().argMax(1);
            double accuracy = predicted.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                    .eq(labels).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).mean().getFloat();
            return Map.of("accuracy", accuracy);
        }
        if (config.variational()) {
            Losses.VaeLoss loss = Losses.vae(output.get(0), clean, output.get(1), output.get(2), config.klWeight());
            return Map.of("reconstruction", (double) loss.reconstruction().getFloat(), "kl",
                    (double) loss.kl().getFloat());
        }
        return Map.of("mse", (double) Losses.meanSquaredError(output.singletonOrThrow(), clean).getFloat());
    }

    private static List<TrainingProgress.Sample> samples(ImageSet images, int[] indices, int from, NDArray input,
            NDArray clean, NDArray reconstruction, ModelKind kind) {
        int count = (int) Math.min(SAMPLES_PER_EPOCH, input.getShape().get(0));
        float[] inputs = input.get("0:" + count).toFloatArray();
        float[] originals = clean.get("0:" + count).toFloatArray();
        float[] outputs = reconstruction.get("0:" + count).toFloatArray();
        int inputPixels = inputs.length / count;
        int inputSide = (int) Math.round(Math.sqrt(inputPixels));
        List<TrainingProgress.Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new TrainingProgress.Sample(images.label(indices[from + i]),
                    Arrays.copyOfRange(originals, i * ImageSet.PIXELS, (i + 1) * ImageSet.PIXELS),
                    Arrays.copyOfRange(inputs, i * inputPixels, (i + 1) * inputPixels), inputSide,
                    Arrays.copyOfRange(outputs, i * ImageSet.PIXELS, (i + 1) * ImageSet.PIXELS)));
        }
        return samples;
    }

    /**
     * One native buffer per run that every batch is written into: the batch array is created over it and closed
     * with its step before the next batch overwrites it, so training allocates no native memory per batch (direct
     * buffers made per batch are freed only when the garbage collector gets round to them). Native byte order,
     * which the engine requires.
     */
    static final class BatchBuffer {
        private final ByteBuffer bytes;
        private final float[] image = new float[ImageSet.PIXELS];

        BatchBuffer(int maxImages) {
            this.bytes = ByteBuffer.allocateDirect(maxImages * ImageSet.PIXELS * Float.BYTES)
                    .order(ByteOrder.nativeOrder());
        }

        /** The images order[from..to) as one (n, 1, 28, 28) array. */
        NDArray batch(NDManager manager, ImageSet images, int[] order, int from, int to) {
            int n = to - from;
            FloatBuffer floats = bytes.asFloatBuffer();
            for (int i = 0; i < n; i++) {
                images.copyImage(order[from + i], image, 0);
                floats.put(image);
            }
            ByteBuffer filled = bytes.slice(0, n * ImageSet.PIXELS * Float.BYTES).order(ByteOrder.nativeOrder());
            return manager.create(filled, new Shape(n, 1, ImageSet.SIDE, ImageSet.SIDE), DataType.FLOAT32);
        }
    }

    private static NDArray labels(NDManager manager, ImageSet images, int[] order, int from, int to,
            TrainingConfig config) {
        if (config.kind() != ModelKind.CLASSIFIER) {
            return null;
        }
        float[] labels = new float[to - from];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(order[from + i]);
        }
        return manager.create(labels);
    }

    private static void shuffle(int[] indices, Random random) {
        for (int i = indices.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
    }
}
