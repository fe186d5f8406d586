package org.latentlab.playground;

import org.latentlab.ml.Interpolation;
import org.latentlab.test.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.latentlab.base.InvalidInputException;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.classroom.SignIn;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.ModelKind;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunState;
import org.latentlab.lab.RunSummary;
import org.springframework.beans.factory.annotation.Autowired;

/** Encode, decode, grid, paths and who may open which model, on the shipped models and a real Lab run. */
@ApplicationTest
class LatentSpacesTest {

    @Autowired
    LatentSpaces spaces;
    @Autowired
    LabRuns runs;
    @Autowired
    HeldOutDigits digits;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    SignIn signIn;

    AccountSummary amina;
    AccountSummary budi;

    @BeforeEach
    void twoStudents() {
        amina = fixture.student("amina");
        budi = fixture.student("budi");
    }

    private static InvalidInputException refusal(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void theMapHoldsTheTwoThousandHeldOutDigitsAtTheirCodes() {
        LatentSpace space = spaces.open("shipped:vae-2d");
        MapData map = space.map();
        assertThat(map.x()).hasSize(2000);
        assertThat(map.labels()).hasSize(2000).containsAnyOf(0, 9);
        assertThat(map.projected()).isFalse();
        HeldOutDigits.Digit first = digits.heldOut().getFirst();
        float[] code = space.encode(first.pixels());
        assertThat(map.x()[0]).isCloseTo(code[0], within(1e-4f));
        assertThat(map.y()[0]).isCloseTo(code[1], within(1e-4f));
        assertThat(map.digitIndices()[0]).isEqualTo(first.index());
        assertThat(map.bounds()[0]).isLessThan(map.bounds()[1]);
    }

    @Test
    void decodingAPointGivesADigitAndAFarPointIsClampedNotRefused() {
        LatentSpace space = spaces.open("shipped:vae-2d");
        Decoded near = space.decodeAt(0.5, -0.5);
        assertThat(near.pixels()).hasSize(784);
        assertThat(near.clamped()).isFalse();
        assertThat(near.greyBytes()).hasSize(784);
        Decoded far = space.decodeAt(1e9, -1e9);
        assertThat(far.clamped()).isTrue();
        assertThat(far.code()[0]).isLessThan(100f);
        assertThat(space.decode(new float[] {1e6f, 0}).clamped()).isTrue();
        assertThat(refusal(() -> space.decodeAt(Double.NaN, 0)).messageKey()).isEqualTo("playground.codeNotNumber");
        assertThat(refusal(() -> space.decode(new float[] {1, 2, 3})).messageKey())
                .isEqualTo("playground.codeLength");
        assertThat(refusal(() -> space.decode(new float[] {Float.POSITIVE_INFINITY, 0})).messageKey())
                .isEqualTo("playground.codeNotNumber");
    }

    @Test
    void aDecodedMeanCodeLooksLikeTheReconstructionOfTheDigitItCameFrom() {
        LatentSpace space = spaces.open("shipped:conv-vae");
        HeldOutDigits.Digit digit = digits.heldOut().get(7);
        float[] viaCode = space.decode(space.encode(digit.pixels())).pixels();
        assertThat(DigitImages.meanSquaredError(viaCode, space.reconstruct(digit.pixels()))).isLessThan(1e-8);
        assertThat(DigitImages.meanSquaredError(viaCode, digit.pixels())).isLessThan(0.08);
    }

    @Test
    void aThousandByThousandGridIsClampedToTwentyAndAnEmptyOrNonNumericRangeRefused() {
        LatentSpace space = spaces.open("shipped:vae-2d");
        ManifoldGrid grid = space.grid(1000, -3, 3, -3, 3);
        assertThat(grid.size()).isEqualTo(20);
        assertThat(grid.adjusted()).isTrue();
        assertThat(grid.images()).hasNumberOfRows(400);
        assertThat(grid.toImage().getWidth()).isEqualTo(560);
        assertThat(grid.png()).isNotEmpty();
        // The top-left cell is the top-left corner of the range: smallest x, largest y.
        assertThat(grid.images()[0]).usingComparatorWithPrecision(1e-4f)
                .containsExactly(space.decodeAt(-3, 3).pixels());
        ManifoldGrid reversed = space.grid(5, 2, -2, 1, -1);
        assertThat(reversed.xFrom()).isEqualTo(-2);
        assertThat(reversed.yTo()).isEqualTo(1);
        ManifoldGrid farOut = space.grid(4, -1e6, 1e6, 0, 1);
        assertThat(farOut.adjusted()).isTrue();
        assertThat(farOut.xFrom()).isGreaterThan(-1e3);
        assertThat(refusal(() -> space.grid(5, 1, 1, 0, 1)).messageKey()).isEqualTo("playground.grid.rangeEmpty");
        assertThat(refusal(() -> space.grid(5, Double.NaN, 1, 0, 1)).messageKey())
                .isEqualTo("playground.grid.rangeNotNumber");
        assertThat(space.grid(-3, -1, 1, -1, 1).size()).isEqualTo(LatentSpace.MIN_GRID);
    }

    @Test
    void pathsRunFromOneDigitsCodeToTheOthersAndAreDrawnOnTheMap() {
        LatentSpace space = spaces.open("shipped:vae-2d");
        float[] a = space.encode(digits.heldOut().get(0).pixels());
        float[] b = space.encode(digits.heldOut().get(1).pixels());
        for (Interpolation kind : Interpolation.values()) {
            LatentPath path = space.path(a, b, 8, kind);
            assertThat(path.steps()).isEqualTo(8);
            assertThat(path.codes().getFirst()).usingComparatorWithPrecision(1e-5f).containsExactly(a);
            assertThat(path.codes().getLast()).usingComparatorWithPrecision(1e-5f).containsExactly(b);
            assertThat(path.images()[0]).usingComparatorWithPrecision(1e-5f)
                    .containsExactly(space.decode(a).pixels());
            assertThat(path.mapPoints()[7][0]).isCloseTo(b[0], within(1e-5));
        }
        assertThat(space.path(a, b, 500, Interpolation.LINEAR).steps()).isEqualTo(LatentSpace.MAX_STEPS);
        assertThat(space.path(a, b, 500, Interpolation.LINEAR).adjusted()).isTrue();
        assertThat(refusal(() -> space.path(a, new float[5], 4, Interpolation.LINEAR)).messageKey())
                .isEqualTo("playground.codeLength");
    }

    @Test
    void aLargerCodeIsMappedThroughItsMainDirectionsAndOffersSixteenSliders() {
        LatentSpace eight = spaces.open("shipped:vae");
        assertThat(eight.latentSize()).isEqualTo(8);
        assertThat(eight.plane().projected()).isTrue();
        assertThat(eight.sliderDimensions()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(eight.randomCode(new Random(3))).hasSize(8);
        LatentSpace big = spaces.open("shipped:conv-ae");
        assertThat(big.latentSize()).isEqualTo(128);
        assertThat(big.sliderDimensions()).hasSize(LatentSpace.MAX_SLIDERS).isSorted();
        assertThat(big.plane().explained()).isBetween(0.0, 1.0);
        Decoded onMap = big.decodeAt(0, 0);
        assertThat(onMap.code()).hasSize(128);
        assertThat(big.decode(big.randomCode(new Random(4))).pixels()).hasSize(784);
    }

    @Test
    void visitorsGetTheShippedModelsAndUnknownNamesAClearMessage() {
        List<ModelChoice> choices = spaces.choices(LatentSpaces.latentKinds());
        assertThat(choices).extracting(ModelChoice::id).contains("shipped:vae-2d", "shipped:conv-ae", "shipped:vae")
                .doesNotContain("shipped:classifier");
        assertThat(choices).allMatch(ModelChoice::shipped);
        assertThat(refusal(() -> spaces.open("shipped:classifier")).messageKey())
                .isEqualTo("playground.model.unknown");
        assertThat(refusal(() -> spaces.open("no such model")).messageKey()).isEqualTo("playground.model.unknown");
        assertThat(refusal(() -> spaces.open(null)).messageKey()).isEqualTo("playground.model.unknown");
        assertThat(refusal(() -> spaces.open("run:not-a-uuid")).messageKey()).isEqualTo("playground.model.unknown");
        assertThat(refusal(() -> spaces.open("run:" + UUID.randomUUID())).messageKey())
                .isEqualTo("playground.model.signIn");
    }

    @Test
    void aStudentOpensTheirOwnFinishedRunAndAnotherStudentIsToldItDoesNotExist() throws Exception {
        signIn.as(amina);
        RunSummary started = runs.start(Experiment.VAE,
                Experiment.VAE.defaults().withEpochs(1).withTrainLimit(256).withBatchSize(32));
        String modelId = ModelChoice.runId(started.id());
        assertThat(refusal(() -> spaces.open(modelId)).messageKey()).isEqualTo("training.run.notFinished");
        RunSummary done = awaitFinished(started.id());
        assertThat(done.state()).isEqualTo(RunState.FINISHED);

        assertThat(spaces.choices(LatentSpaces.latentKinds())).extracting(ModelChoice::id).contains(modelId);
        LatentSpace own = spaces.open(modelId);
        assertThat(own.kind()).isEqualTo(ModelKind.VAE);
        assertThat(own.latentSize()).isEqualTo(started.config().effectiveLatentSize());
        assertThat(own.decodeAt(0, 0).pixels()).hasSize(784);
        assertThat(own.choice().shipped()).isFalse();

        signIn.as(budi);
        assertThat(spaces.choices(LatentSpaces.latentKinds())).extracting(ModelChoice::id).doesNotContain(modelId);
        assertThatThrownBy(() -> spaces.open(modelId)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notFound");
        // Not even through a grant this session never received.
        assertThatThrownBy(() -> spaces.openGranted(modelId, new java.util.HashSet<>()))
                .isInstanceOf(InvalidInputException.class);

        signIn.as(amina);
        runs.delete(started.id());
        assertThatThrownBy(() -> spaces.open(modelId)).isInstanceOf(InvalidInputException.class);
    }

    private RunSummary awaitFinished(UUID id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            RunSummary run = runs.run(id);
            if (run.state().ended()) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish");
    }
}
