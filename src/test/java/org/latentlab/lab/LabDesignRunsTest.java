package org.latentlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.ml.Checkpoints;
import org.latentlab.ml.InferenceLimits;
import org.latentlab.ml.LoadedModel;
import org.latentlab.ml.NetworkDesign;
import org.latentlab.ml.NetworkDesign.Code;
import org.latentlab.ml.NetworkDesign.Stage;
import org.latentlab.ml.TrainingConfig;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run of a designed network: admitted within the Lab's limits, trained by the queue, stored with its design. */
@ApplicationTest
class LabDesignRunsTest {

    @Autowired
    LabRuns runs;
    @Autowired
    TrainingQueue queue;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;
    @Autowired
    JdbcClient jdbc;

    AccountSummary amina;

    @BeforeEach
    void aStudent() {
        amina = fixture.student("amina");
        signIn.as(amina);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        LabRunsTest.stopAll(queue);
    }

    private static NetworkDesign small() {
        return NetworkDesign.assignment().withEncoder(List.of(new Stage(8, 3, true), new Stage(8, 3, true)))
                .withMirroredDecoder().withCode(Code.VARIATIONAL, 4, 32, 0.5);
    }

    @Test
    void aDesignedConvolutionalVaeTrainsOnATinySliceAndIsStoredWithItsDesign() throws Exception {
        TrainingConfig config = LabRunsTest.quick(Experiment.CONV_VAE, 256, 2).withDesign(small());
        RunSummary started = runs.start(Experiment.CONV_VAE, config);
        assertThat(started.config().design()).isEqualTo(small());
        LabRunsTest.await(() -> queue.position(started.id()) == 0 && !queue.isActive(started.id()));
        RunSummary done = runs.run(started.id());
        assertThat(done.state()).isEqualTo(RunState.FINISHED);
        assertThat(done.testMetrics()).containsKeys("reconstruction", "kl");
        // The design has its own column; the settings column holds the rest.
        String design = jdbc.sql("select design from training_run where id = ?").param(started.id().toString())
                .query(String.class).single();
        assertThat(design).contains("\"latentSize\":4").contains("\"beta\":0.5");
        assertThat(jdbc.sql("select config from training_run where id = ?").param(started.id().toString())
                .query(String.class).single()).doesNotContain("encoder");
        // The Playground rebuilds the designed network from the checkpoint.
        try (LoadedModel model = Checkpoints.load(runs.model(started.id()), InferenceLimits.forOneCaller())) {
            assertThat(model.latentSize()).isEqualTo(4);
            assertThat(model.decode(new float[4])).hasSize(784);
        }
    }

    @Test
    void anImpossibleDesignIsRefusedAtItsLayerAndNeverReachesTheDatabase() {
        NetworkDesign impossible = small().withEncoder(List.of(new Stage(8, 3, true), new Stage(8, 3, true),
                new Stage(8, 3, true))).withMirroredDecoder();
        assertThatThrownBy(() -> runs.start(Experiment.CONV_VAE,
                LabRunsTest.quick(Experiment.CONV_VAE, 256, 2).withDesign(impossible)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("decoder.2");
                    assertThat(e.messageKey()).isEqualTo("design.error.outputSize");
                });
        assertThatThrownBy(() -> runs.start(Experiment.DENSE_AE,
                LabRunsTest.quick(Experiment.DENSE_AE, 256, 2).withDesign(small())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(runs.myRuns()).isEmpty();
    }

    @Test
    void aDesignStoredBeforePaddingAndRoundingExistedIsReadFromTheDatabaseAsItWasBuilt() {
        RunSummary started = runs.start(Experiment.CONV_VAE, LabRunsTest.quick(Experiment.CONV_VAE, 256, 1)
                .withDesign(small()));
        // small() as the designer stored it before its stages had a padding and a rounding.
        String stored = """
                {"encoder":[{"channels":8,"kernel":3,"resize":true},{"channels":8,"kernel":3,"resize":true}],\
                "code":"VARIATIONAL","latentSize":4,"denseUnits":32,\
                "decoder":[{"channels":8,"kernel":3,"resize":true},{"channels":1,"kernel":3,"resize":true}],\
                "beta":0.5}""";
        jdbc.sql("update training_run set design = ? where id = ?").param(stored).param(started.id().toString())
                .update();
        assertThat(runs.run(started.id()).config().design()).isEqualTo(small());
    }

    @Test
    void theAssignmentsDefaultRunIsAcceptedAndCountsEachDigitOnce() {
        TrainingConfig defaults = Experiment.CONV_VAE.defaults().withDesign(Experiment.CONV_VAE.defaultDesign());
        assertThat(TrainingQueue.workPerDigit(defaults)).isEqualTo(1.0);
        // As the shipped network without a design: 8 epochs of the 8,000 digits.
        RunSummary started = runs.start(Experiment.CONV_VAE, defaults);
        assertThat(started.config().epochs()).isEqualTo(8);
        assertThat(started.config().design()).isEqualTo(NetworkDesign.assignment());
    }

    @Test
    void aBiggerDesignMayTrainFewerEpochsWithinTheSameWorkLimit() {
        // About three times the work per digit of the Lab's largest own network (7.7 million multiply-adds).
        NetworkDesign big = NetworkDesign.assignment().withEncoder(List.of(new Stage(32, 3, true),
                new Stage(64, 3, true))).withMirroredDecoder();
        double weight = TrainingQueue.workPerDigit(TrainingConfig.defaults(Experiment.CONV_VAE.kind())
                .withDesign(big));
        assertThat(weight).isGreaterThan(2);
        TrainingConfig allowedForShipped = Experiment.CONV_VAE.defaults().withEpochs(25);
        assertThatThrownBy(() -> runs.start(Experiment.CONV_VAE, allowedForShipped.withDesign(big)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("epochs");
                    assertThat(e.messageKey()).isEqualTo("training.config.tooMuchWorkForDesign");
                    // 200,000 digits at most; each of these counts 3 times: 8 epochs of 8,000.
                    assertThat(e.arguments()).containsExactly(200_000L, 8L, 3.0);
                });
        assertThat(runs.myRuns()).isEmpty();
    }
}
