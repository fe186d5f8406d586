package org.latentlab.training;

import static org.latentlab.base.CommandLineModes.value;

import java.io.PrintStream;
import java.time.Duration;

import org.latentlab.base.CommandLineModes;
import org.latentlab.ml.TrainingConfig;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --lab-responsiveness-benchmark [--users=20] [--epochs=8] [--digits=0] [--seconds=600]}: see
 * {@link LabResponsivenessBenchmark} (bench/lab-responsiveness). The run is the Lab's conv-AE with its defaults;
 * {@code --epochs} and {@code --digits} (training images, 0 for all 8,000) make it shorter, {@code --seconds} is how
 * long one training run may take before the benchmark gives up. Exits 1 with a message on standard error when a
 * page view failed or the training did.
 */
@Component
class TrainingCommands implements ApplicationRunner {

    private final ApplicationContext context;
    private final LabResponsivenessBenchmark responsiveness;

    TrainingCommands(ApplicationContext context, LabResponsivenessBenchmark responsiveness) {
        this.context = context;
        this.responsiveness = responsiveness;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("lab-responsiveness-benchmark")) {
            return;
        }
        int code = labResponsiveness(args, CommandLineModes.out(), System.err);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int labResponsiveness(ApplicationArguments args, PrintStream out, PrintStream err) {
        LabResponsivenessBenchmark.Setup setup;
        try {
            TrainingConfig training = Experiment.CONV_AE.defaults();
            training = training.withEpochs(Integer.parseInt(value(args, "epochs", "" + training.epochs())))
                    .withTrainLimit(Integer.parseInt(value(args, "digits", "0"))).validate();
            setup = new LabResponsivenessBenchmark.Setup(Integer.parseInt(value(args, "users", "20")), training,
                    Duration.ofSeconds(Integer.parseInt(value(args, "seconds", "600"))));
        } catch (RuntimeException e) {
            err.println("error: use --lab-responsiveness-benchmark [--users=20] [--epochs=8] [--digits=0] "
                    + "[--seconds=600] (" + e.getMessage() + ")");
            return 1;
        }
        try {
            return responsiveness.run(setup, out, err);
        } catch (Exception e) {
            err.println("error: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }
}
