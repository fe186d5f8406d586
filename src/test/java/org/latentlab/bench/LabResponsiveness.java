package org.latentlab.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

import org.latentlab.ml.TrainingConfig;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabResponsivenessBenchmark;

/**
 * bench/lab-responsiveness's program: starts the app in this process and runs {@link LabResponsivenessBenchmark}.
 * <p>{@code LabResponsiveness [--users=20] [--epochs=8] [--digits=0] [--seconds=600] [app options]}: the run is
 * the Lab's conv-AE with its defaults; {@code --epochs} and {@code --digits} (training images, 0 for all 8,000) make
 * it shorter, {@code --seconds} is how long one training run may take before the benchmark gives up; every other
 * option goes to the app. Exits 1 with a message on standard error on bad options, when a page view failed or the
 * training did. Nothing of it is in the product.
 */
public final class LabResponsiveness {

    private static final Set<String> OPTIONS = Set.of("users", "epochs", "digits", "seconds");
    static final String USAGE = "use bench/lab-responsiveness/run.sh [users=20] [--epochs=8] [--digits=0] "
            + "[--seconds=600] [app options]";

    private LabResponsiveness() {
    }

    public static void main(String[] args) {
        LabResponsivenessBenchmark.Setup setup = setup(args, System.err);
        if (setup == null) {
            System.exit(1);
        }
        BenchApp.main(args, OPTIONS, false,
                (app, out) -> LabResponsivenessBenchmark.of(app).run(setup, out, System.err));
    }

    /** The benchmark's setup from the options, or null after saying on {@code err} what is wrong with them. */
    static LabResponsivenessBenchmark.Setup setup(String[] args, PrintStream err) {
        try {
            TrainingConfig training = Experiment.CONV_AE.defaults();
            training = training.withEpochs(Integer.parseInt(BenchArguments.option(args, "epochs",
                    "" + training.epochs())))
                    .withTrainLimit(Integer.parseInt(BenchArguments.option(args, "digits", "0"))).validate();
            return new LabResponsivenessBenchmark.Setup(Integer.parseInt(BenchArguments.option(args, "users", "20")),
                    training, Duration.ofSeconds(Integer.parseInt(BenchArguments.option(args, "seconds", "600"))));
        } catch (RuntimeException e) {
            err.println("error: " + USAGE + " (" + e.getMessage() + ")");
            return null;
        }
    }
}
