package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.DesignAnalysis.LayerKind;
import org.latentlab.ml.NetworkDesign.Code;
import org.latentlab.ml.NetworkDesign.Stage;

/** The designer's arithmetic: shapes and parameter counts layer by layer, refusals at the layer, and the DJL block. */
class NetworkDesignTest {

    /** Worked out by hand: convolutions k*k*in*out + out, dense layers in*out + out. */
    private static final long SHIPPED_CONV_VAE_PARAMETERS = 160 + 4640 + 200_832 + 258 + 258 + 384 + 202_272 + 4624
            + 145;

    private static String shape(DesignAnalysis analysis, String field, LayerKind kind) {
        return analysis.layersOf(field).stream().filter(l -> l.kind() == kind).findFirst().orElseThrow().shapeText();
    }

    @Test
    void theAssignmentsStartingPointIsTheShippedConvolutionalVaeWithItsShapesAndParameters() {
        DesignAnalysis analysis = NetworkDesign.assignment().analyse();
        assertThat(analysis.problems()).isEmpty();
        assertThat(shape(analysis, "encoder.0", LayerKind.CONV)).isEqualTo("16 × 28 × 28");
        assertThat(shape(analysis, "encoder.0", LayerKind.POOL)).isEqualTo("16 × 14 × 14");
        assertThat(shape(analysis, "encoder.1", LayerKind.POOL)).isEqualTo("32 × 7 × 7");
        assertThat(shape(analysis, "encoder", LayerKind.FLATTEN)).isEqualTo("1568");
        assertThat(shape(analysis, "latentSize", LayerKind.MEAN)).isEqualTo("2");
        assertThat(shape(analysis, "decoder", LayerKind.RESHAPE)).isEqualTo("32 × 7 × 7");
        assertThat(shape(analysis, "decoder.0", LayerKind.UPSAMPLE)).isEqualTo("32 × 14 × 14");
        assertThat(shape(analysis, "decoder.0", LayerKind.CONV)).isEqualTo("16 × 14 × 14");
        assertThat(shape(analysis, "decoder.1", LayerKind.OUTPUT)).isEqualTo("1 × 28 × 28");
        assertThat(analysis.parameters()).isEqualTo(SHIPPED_CONV_VAE_PARAMETERS);
        assertThat(analysis.layers().stream().mapToLong(DesignAnalysis.Layer::parameters).sum())
                .isEqualTo(analysis.parameters());
        assertThat(NetworkDesign.REFERENCE_MULTIPLY_ADDS).isEqualTo(analysis.multiplyAdds());
    }

    @Test
    void theMirroredDecoderRetracesTheEncoderAndEndsInOneChannel() {
        List<Stage> encoder = List.of(new Stage(8, 5, true), new Stage(16, 3, false), new Stage(24, 3, true));
        assertThat(NetworkDesign.mirror(encoder)).containsExactly(new Stage(16, 3, true), new Stage(8, 3, false),
                new Stage(1, 5, true));
        NetworkDesign design = NetworkDesign.assignment().withEncoder(encoder).withMirroredDecoder();
        assertThat(design.mirrored()).isTrue();
        assertThat(design.analyse().problems()).isEmpty();
        assertThat(design.withDecoder(List.of(new Stage(4, 3, true), new Stage(1, 3, true))).mirrored()).isFalse();
    }

    @Test
    void aThirdPoolingStageIsRefusedAtTheDecoderStageThatMissesTheImageSize() {
        // 28 -> 14 -> 7 -> 3 (an odd map loses its last row), and back 3 -> 6 -> 12 -> 24.
        NetworkDesign design = NetworkDesign.assignment().withEncoder(List.of(new Stage(8, 3, true),
                new Stage(8, 3, true), new Stage(8, 3, true))).withMirroredDecoder();
        DesignAnalysis analysis = design.analyse();
        assertThat(shape(analysis, "encoder.2", LayerKind.POOL)).isEqualTo("8 × 3 × 3");
        assertThat(analysis.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("decoder.2");
            assertThat(problem.messageKey()).isEqualTo("design.error.outputSize");
            assertThat(problem.arguments()).containsExactly(24, 28);
        });
        assertThatThrownBy(design::validate).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("decoder.2");
            assertThat(e.messageKey()).isEqualTo("design.error.outputSize");
        });
    }

    @Test
    void poolingAMapTooSmallToHalveIsRefusedAtItsStage() {
        List<Stage> encoder = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            encoder.add(new Stage(4, 3, true)); // 28 -> 14 -> 7 -> 3 -> 1
        }
        DesignAnalysis fine = NetworkDesign.assignment().withEncoder(encoder).analyse();
        assertThat(fine.problemsAt("encoder.3")).isEmpty();
        assertThat(shape(fine, "encoder.3", LayerKind.POOL)).isEqualTo("4 × 1 × 1");
        encoder.add(new Stage(4, 3, true));
        DesignAnalysis tooMany = NetworkDesign.assignment().withEncoder(encoder).analyse();
        assertThat(tooMany.problemsAt("encoder")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.stages");
        assertThat(tooMany.problemsAt("encoder.4")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.pool");
    }

    @Test
    void evenKernelsBadChannelsAndAColouredOutputAreRefusedAtTheirLayers() {
        NetworkDesign design = NetworkDesign.assignment()
                .withEncoder(List.of(new Stage(16, 4, true), new Stage(0, 3, true)))
                .withDecoder(List.of(new Stage(16, 3, true), new Stage(3, 3, true)));
        DesignAnalysis analysis = design.analyse();
        assertThat(analysis.problemsAt("encoder.0")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.kernel");
        assertThat(analysis.problemsAt("encoder.1")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.channels");
        assertThat(analysis.problemsAt("decoder.1")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.outputChannels");
    }

    @Test
    void theCodeTheDenseLayerAndBetaAreBounded() {
        NetworkDesign base = NetworkDesign.assignment();
        assertThat(base.withCode(Code.VARIATIONAL, 0, 128, 1).analyse().problemsAt("latentSize")).isNotEmpty();
        assertThat(base.withCode(Code.VARIATIONAL, 65, 128, 1).analyse().problemsAt("latentSize")).isNotEmpty();
        assertThat(base.withCode(Code.VARIATIONAL, 2, 513, 1).analyse().problemsAt("denseUnits")).isNotEmpty();
        assertThat(base.withCode(Code.VARIATIONAL, 2, 128, -1).analyse().problemsAt("beta")).isNotEmpty();
        assertThat(base.withCode(Code.VARIATIONAL, 2, 128, Double.NaN).analyse().problemsAt("beta")).isNotEmpty();
        DesignAnalysis noDense = base.withCode(Code.PLAIN, 8, 0, 0).analyse();
        assertThat(noDense.problems()).isEmpty();
        // No dense layer: the code is computed straight from the 1,568 features, and decoded straight back.
        assertThat(shape(noDense, "latentSize", LayerKind.CODE)).isEqualTo("8");
        assertThat(noDense.layersOf("latentSize")).extracting(DesignAnalysis.Layer::parameters)
                .containsExactly(1568L * 8 + 8);
    }

    @Test
    void anAbsurdNumberOfUpSamplingStagesIsReportedWithoutOverflowing() {
        List<Stage> decoder = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            decoder.add(new Stage(1, 3, true));
        }
        DesignAnalysis analysis = NetworkDesign.assignment().withDecoder(decoder).analyse();
        assertThat(analysis.problemsAt("decoder")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.stages");
        assertThat(analysis.multiplyAdds()).isPositive();
        assertThat(analysis.problemsAt("design")).extracting(DesignAnalysis.Problem::messageKey)
                .contains("design.error.work");
    }

    @Test
    void aNetworkTooLargeOrTooSlowForTheLabIsRefusedWithBothNumbers() {
        NetworkDesign wide = NetworkDesign.assignment().withEncoder(List.of(new Stage(64, 7, false),
                new Stage(64, 7, true))).withMirroredDecoder();
        DesignAnalysis analysis = wide.analyse();
        assertThat(analysis.problemsAt("design")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.parameters", "design.error.work");
        assertThat(analysis.problemsAt("design").getFirst().arguments())
                .containsExactly(analysis.parameters(), NetworkDesign.MAX_PARAMETERS);
    }

    @Test
    void theDjlBlockHasTheCountedParametersAndGivesDigitsAndCodesOfTheDesignedShapes() {
        for (NetworkDesign design : List.of(NetworkDesign.assignment(),
                NetworkDesign.assignment().withEncoder(List.of(new Stage(8, 5, true), new Stage(12, 3, false),
                        new Stage(16, 3, true))).withMirroredDecoder().withCode(Code.PLAIN, 16, 0, 0))) {
            CodecBlock block = Networks.designed(design);
            try (Model model = Model.newInstance("design", Device.cpu(), DeepLearningEngine.ENGINE)) {
                model.setBlock(block);
                NDManager manager = model.getNDManager();
                block.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 28, 28));
                long counted = 0;
                for (Pair<String, Parameter> parameter : block.getParameters()) {
                    counted += parameter.getValue().getArray().size();
                }
                assertThat(counted).isEqualTo(design.analyse().parameters());
                NDArray digits = manager.randomUniform(0, 1, new Shape(4, 1, 28, 28));
                NDList output = block.forward(new ParameterStore(manager, false), new NDList(digits), true);
                assertThat(output.head().getShape()).isEqualTo(new Shape(4, 1, 28, 28));
                assertThat(output).hasSize(design.variational() ? 3 : 1);
                NDArray codes = block.encode(new ParameterStore(manager, false), digits);
                assertThat(codes.getShape()).isEqualTo(new Shape(4, design.latentSize()));
                assertThat(block.decode(new ParameterStore(manager, false), codes).getShape())
                        .isEqualTo(new Shape(4, 1, 28, 28));
            }
        }
    }

    @Test
    void aConfigWithADesignTakesItsLatentSizeAndBetaAndIsValidatedWithIt() {
        NetworkDesign design = NetworkDesign.assignment().withCode(Code.VARIATIONAL, 6, 64, 4);
        TrainingConfig config = TrainingConfig.defaults(ModelKind.CONV_VAE).withDesign(design);
        assertThat(config.effectiveLatentSize()).isEqualTo(6);
        assertThat(config.klWeight()).isEqualTo(4);
        assertThat(config.withDesign(design.withCode(Code.PLAIN, 6, 64, 4)).variational()).isFalse();
        assertThatThrownBy(() -> config.withDesign(design.withCode(Code.VARIATIONAL, 6, 64, 11)).validate())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("beta"));
        assertThatThrownBy(() -> TrainingConfig.defaults(ModelKind.DENOISING_AE).withDesign(design).validate())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDesignedNetworkTrainsOnAFewDigitsSavesAndLoadsFromItsCheckpoint(@TempDir Path folder) throws Exception {
        NetworkDesign design = NetworkDesign.assignment().withEncoder(List.of(new Stage(8, 3, true),
                new Stage(8, 3, true))).withMirroredDecoder().withCode(Code.VARIATIONAL, 4, 32, 2);
        TrainingConfig config = TrainingConfig.defaults(ModelKind.CONV_VAE).withDesign(design).withEpochs(2)
                .withTrainLimit(256).withBatchSize(32);
        try (TrainedModel trained = ModelTrainer.train(config, e -> { }, new Cancellation())) {
            TrainingResult result = trained.result();
            assertThat(result.trainLosses().get(1)).isLessThan(result.trainLosses().get(0));
            assertThat(result.testParts()).containsKeys("reconstruction", "kl");
            CheckpointMetadata metadata = CheckpointMetadata.of(result, Instant.now(), "test", "PyTorch");
            Checkpoints.save(trained, folder, metadata);
            float[] digit = ImageSet.load(DatasetName.MNIST).image(DataSplit.of(ImageSet.load(DatasetName.MNIST))
                    .test()[0]);
            try (LoadedModel before = trained.toLoadedModel(metadata, InferenceLimits.forOneCaller());
                    LoadedModel after = Checkpoints.load(folder, InferenceLimits.forOneCaller())) {
                assertThat(after.metadata().config().design()).isEqualTo(design);
                assertThat(after.latentSize()).isEqualTo(4);
                assertThat(after.reconstruct(digit)).containsExactly(before.reconstruct(digit),
                        org.assertj.core.data.Offset.offset(1e-6f));
                assertThat(after.decode(new float[4])).hasSize(ImageSet.PIXELS);
            }
        }
    }
}
