package org.latentlab.ml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one training loop, for every {@link ModelFamily}: the digit models (from a {@link TrainingConfig}) and the
 * melody VAE alike. Every step runs in its own NDManager that is closed right after, so native memory stays flat
 * however long the run, and the cancellation flag is checked before every batch.
 */
public final class ModelTrainer {

    /** How often a batch loss is reported. */
    public static final int REPORT_EVERY_BATCHES = 10;
    /** Examples per batch when a split is measured. */
    static final int EVALUATION_BATCH = 500;
    private static final ReentrantLock INITIALIZING = new ReentrantLock();
    private static final Logger log = LoggerFactory.getLogger(ModelTrainer.class);

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

    /** A digit model, steered by {@code control}: its device, and a hook before every batch (turns between runs). */
    public static TrainedModel train(TrainingConfig config, Consumer<TrainingProgress> listener,
            TrainingControl control, EpochCheckpoints checkpoints) {
        TrainedNetwork trained = train(new DigitFamily(config), listener, control, checkpoints);
        TrainingHistory history = trained.history();
        TrainingResult result = new TrainingResult(config, history.trainLosses().getLast(),
                history.validationLosses().getLast(), history.validation().parts(), history.trainLosses(),
                history.validationLosses(), history.test().loss(), history.test().parts(), history.duration());
        return new TrainedModel(trained.model(), config, result, trained.checkpointFormat());
    }

    /**
     * Trains a network of any family, the same way as a digit model (see
     * {@link #train(TrainingConfig, Consumer, Cancellation, EpochCheckpoints)}), and keeps the best epoch's
     * parameters when the family ranks its epochs.
     */
    public static TrainedNetwork train(ModelFamily family, Consumer<TrainingProgress> listener,
            TrainingControl control, EpochCheckpoints checkpoints) {
        // The engine has one random generator: runs that start at the same moment take turns initialising, so each
        // gets the parameters its seed gives. Every later draw (a VAE's noise, a denoising run's noise) comes from
        // the run's own generator (RunRandom), so no run's draws shift another's.
        RunRandom.begin(family.schedule().seed());
        INITIALIZING.lock();
        try {
            return trainInitializingFirst(family, listener, control, checkpoints);
        } finally {
            if (INITIALIZING.isHeldByCurrentThread()) {
                INITIALIZING.unlock();
            }
            RunRandom.end();
        }
    }

    private static TrainedNetwork trainInitializingFirst(ModelFamily family, Consumer<TrainingProgress> listener,
            TrainingControl control, EpochCheckpoints checkpoints) {
        Cancellation cancellation = control.cancellation();
        Device device = control.device();
        TrainingSchedule schedule = family.schedule();
        BatchSource batches = family.batches();
        Optional<Comparator<Evaluation>> ranking = family.bestEpochRanking();
        long started = System.nanoTime();
        int firstEpoch = checkpoints != null && checkpoints.resumeAfterEpoch() > 0
                ? checkpoints.resumeAfterEpoch() + 1 : 1;
        if (firstEpoch > 1 && ranking.isPresent()) {
            throw new IllegalArgumentException("A " + family.name() + " run keeps its best epoch in memory, so it "
                    + "cannot resume from a checkpoint");
        }

        Engine.getEngine(DeepLearningEngine.ENGINE).setRandomSeed((int) schedule.seed());
        Model model = Model.newInstance(family.name(), device, DeepLearningEngine.ENGINE);
        model.setBlock(family.block());
        int checkpointFormat = CheckpointMetadata.FORMAT;
        if (firstEpoch > 1) {
            checkpointFormat = resume(model, family, checkpoints);
        }
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) schedule.learningRate()))
                        .build())
                .optDevices(new Device[] {device});
        Random shuffling = new Random(schedule.seed());
        int[] order = numbers(batches.size(BatchSource.Split.TRAIN));
        List<Double> trainLosses = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        List<Map<String, Double>> validationParts = new ArrayList<>();
        if (firstEpoch > 1) {
            trainLosses.addAll(checkpoints.trainLosses());
            validationLosses.addAll(checkpoints.validationLosses());
        }
        Evaluation kept = null;
        int keptEpoch = 0;
        Map<String, float[]> keptParameters = Map.of();
        boolean done = false;
        try (Trainer trainer = model.newTrainer(djlConfig)) {
            trainer.initialize(new Shape(schedule.batchSize()).addAll(batches.exampleShape()));
            // Initialised: other runs may start now (see train).
            INITIALIZING.unlock();
            int steps = (order.length + schedule.batchSize() - 1) / schedule.batchSize();
            for (int skipped = 1; skipped < firstEpoch; skipped++) {
                shuffle(order, shuffling); // the same data order as a run that never stopped
            }
            for (int epoch = firstEpoch; epoch <= schedule.epochs(); epoch++) {
                shuffle(order, shuffling);
                double lossSum = 0;
                for (int b = 0; b < steps; b++) {
                    if (cancellation.requested()) {
                        throw new Cancellation.CancelledException();
                    }
                    control.beforeEachBatch().run();
                    int from = b * schedule.batchSize();
                    int to = Math.min(order.length, from + schedule.batchSize());
                    float loss = trainStep(trainer, family, Arrays.copyOfRange(order, from, to), epoch);
                    lossSum += loss * (to - from);
                    if ((b + 1) % REPORT_EVERY_BATCHES == 0 || b == steps - 1) {
                        listener.accept(new TrainingProgress.BatchLoss(epoch, b + 1, steps, loss));
                    }
                }
                double trainLoss = lossSum / order.length;
                Evaluation validation = evaluate(trainer, family, BatchSource.Split.VALIDATION);
                trainLosses.add(trainLoss);
                validationLosses.add(validation.loss());
                validationParts.add(validation.parts());
                if (ranking.isEmpty()) {
                    kept = validation;
                    keptEpoch = epoch;
                } else if (kept == null || ranking.get().compare(validation, kept) > 0) {
                    kept = validation;
                    keptEpoch = epoch;
                    keptParameters = snapshot(model);
                }
                if (checkpoints != null) {
                    saveEpoch(model, checkpoints.folder(), epoch);
                }
                listener.accept(new TrainingProgress.EpochFinished(epoch, schedule.epochs(), trainLoss,
                        validation.loss(), validation.parts(), validation.samples(),
                        Duration.ofNanos(System.nanoTime() - started)));
            }
            if (kept == null) {
                // A resumed run whose epochs were all done already: its saved parameters, measured again.
                kept = evaluate(trainer, family, BatchSource.Split.VALIDATION);
                keptEpoch = schedule.epochs();
            }
            Evaluation train = null;
            if (ranking.isPresent()) {
                restore(model, keptParameters);
                train = evaluate(trainer, family, BatchSource.Split.TRAIN);
            }
            Evaluation test = evaluate(trainer, family, BatchSource.Split.TEST);
            done = true;
            return new TrainedNetwork(model, new TrainingHistory(trainLosses, validationLosses, validationParts,
                    keptEpoch, train, kept, test, Duration.ofNanos(System.nanoTime() - started)), checkpointFormat);
        } finally {
            if (!done) {
                model.close();
            }
        }
    }

    /**
     * Loads the resumed epoch's parameters into the model, and returns the checkpoint format of the network that
     * holds them: the family's current network, or, for epochs an older build saved before the network changed,
     * the one of their format (the model's block is replaced), newest first.
     */
    private static int resume(Model model, ModelFamily family, EpochCheckpoints checkpoints) {
        Map<String, String> epoch = Map.of("epoch", Integer.toString(checkpoints.resumeAfterEpoch()));
        Exception refused;
        try {
            model.load(checkpoints.folder(), Checkpoints.NAME, epoch);
            return CheckpointMetadata.FORMAT;
        } catch (java.io.IOException | ai.djl.MalformedModelException | RuntimeException e) {
            refused = e;
        }
        for (Map.Entry<Integer, Supplier<Block>> earlier
                : family.networksOfEarlierFormats().reversed().entrySet()) {
            try {
                model.setBlock(earlier.getValue().get());
                model.load(checkpoints.folder(), Checkpoints.NAME, epoch);
                log.info("Run resumes with the network of checkpoint format {}: its epochs were saved by an older "
                        + "build", earlier.getKey());
                return earlier.getKey();
            } catch (java.io.IOException | ai.djl.MalformedModelException | RuntimeException e) {
                refused.addSuppressed(e);
            }
        }
        model.close();
        throw new IllegalStateException("The checkpoint of epoch " + checkpoints.resumeAfterEpoch() + " in "
                + checkpoints.folder() + " cannot be loaded: " + refused.getMessage(), refused);
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

    private static float trainStep(Trainer trainer, ModelFamily family, int[] examples, int epoch) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            BatchSource.Batch batch = family.batches().batch(step, BatchSource.Split.TRAIN, examples);
            NDArray input = ChannelsLast.of(batch.input());
            try (ThreadGradients gradients = new ThreadGradients()) {
                NDList output = trainer.forward(new NDList(input));
                NDArray loss = family.loss().objective(output, batch, epoch);
                gradients.backward(loss);
                float value = loss.getFloat();
                trainer.step();
                return value;
            }
        }
    }

    /** Measures a split with the network in inference mode, in batches of {@link #EVALUATION_BATCH}. */
    private static Evaluation evaluate(Trainer trainer, ModelFamily family, BatchSource.Split split) {
        TrainingLoss.Measure measure = family.loss().measure(split);
        int size = family.batches().size(split);
        for (int from = 0; from < size; from += EVALUATION_BATCH) {
            int to = Math.min(size, from + EVALUATION_BATCH);
            try (NDManager step = trainer.getManager().newSubManager()) {
                BatchSource.Batch batch = family.batches().batch(step, split, numbers(from, to));
                NDList output = trainer.evaluate(new NDList(ChannelsLast.of(batch.input())));
                measure.add(batch, output);
            }
        }
        return measure.result();
    }

    /** A copy of the network's parameters, by name (early stopping keeps the best epoch's). */
    private static Map<String, float[]> snapshot(Model model) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    /** Writes a {@link #snapshot} back into the network. */
    private static void restore(Model model, Map<String, float[]> values) {
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            parameter.getValue().getArray().set(values.get(parameter.getKey()));
        }
    }

    private static int[] numbers(int size) {
        return numbers(0, size);
    }

    /** from, from + 1, ..., to - 1. */
    private static int[] numbers(int from, int to) {
        int[] numbers = new int[to - from];
        Arrays.setAll(numbers, i -> from + i);
        return numbers;
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
