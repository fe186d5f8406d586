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
import org.latentlab.ml.NetworkDesign.Padding;
import org.latentlab.ml.NetworkDesign.Rounding;
import org.latentlab.ml.NetworkDesign.Stage;

import tools.jackson.databind.json.JsonMapper;

/** The designer's arithmetic: shapes and parameter counts layer by layer, refusals at the layer, and the DJL block. */
class NetworkDesignTest {

    /**
     * Worked out by hand: convolutions k*k*in*out + out, dense layers in*out + out. Encoder 1 -> 16 -> 8 -> 8, the
     * mean and the log-variance from 128 features, the dense layer back to 128, decoder 8 -> 8 -> 8 -> 16 -> 1.
     */
    private static final long RECIPE_PARAMETERS = 160 + 1160 + 584 + 258 + 258 + 384 + 584 + 584 + 1168 + 145;
    /** Each convolution's k*k*in*out times its output's pixels, each dense layer's in*out. */
    private static final long RECIPE_MULTIPLY_ADDS = 144L * 28 * 28 + 1152L * 14 * 14 + 576L * 7 * 7 + 2 * 128 * 2
            + 2 * 128 + 576L * 4 * 4 + 576L * 8 * 8 + 1152L * 14 * 14 + 144L * 28 * 28;

    private static String shape(DesignAnalysis analysis, String field, LayerKind kind) {
        return analysis.layersOf(field).stream().filter(l -> l.kind() == kind).findFirst().orElseThrow().shapeText();
    }

    @Test
    void theAssignmentsStartingPointIsTheLessonsRecipeWithItsShapesAndParameters() {
        DesignAnalysis analysis = NetworkDesign.assignment().analyse();
        assertThat(analysis.problems()).isEmpty();
        assertThat(shape(analysis, "encoder.0", LayerKind.CONV)).isEqualTo("16 × 28 × 28");
        assertThat(shape(analysis, "encoder.0", LayerKind.PADDED_POOL)).isEqualTo("16 × 14 × 14");
        assertThat(shape(analysis, "encoder.1", LayerKind.PADDED_POOL)).isEqualTo("8 × 7 × 7");
        // The padded pooling rounds 7 up: 8 x 4 x 4, as Keras' padding='same' gives.
        assertThat(shape(analysis, "encoder.2", LayerKind.CONV)).isEqualTo("8 × 7 × 7");
        assertThat(shape(analysis, "encoder.2", LayerKind.PADDED_POOL)).isEqualTo("8 × 4 × 4");
        assertThat(shape(analysis, "encoder", LayerKind.FLATTEN)).isEqualTo("128");
        // No dense layer: the two heads read the 128 features.
        assertThat(analysis.layersOf("denseUnits")).isEmpty();
        assertThat(shape(analysis, "latentSize", LayerKind.MEAN)).isEqualTo("2");
        assertThat(shape(analysis, "latentSize", LayerKind.LOG_VARIANCE)).isEqualTo("2");
        assertThat(shape(analysis, "decoder", LayerKind.DENSE)).isEqualTo("128");
        assertThat(shape(analysis, "decoder", LayerKind.RESHAPE)).isEqualTo("8 × 4 × 4");
        assertThat(analysis.layersOf("decoder.0")).extracting(DesignAnalysis.Layer::kind)
                .containsExactly(LayerKind.CONV);
        assertThat(shape(analysis, "decoder.0", LayerKind.CONV)).isEqualTo("8 × 4 × 4");
        assertThat(shape(analysis, "decoder.1", LayerKind.UPSAMPLE)).isEqualTo("8 × 8 × 8");
        assertThat(shape(analysis, "decoder.2", LayerKind.UPSAMPLE)).isEqualTo("8 × 16 × 16");
        // The valid convolution trims the one-row overshoot of the rounding, doubled: 16 -> 14.
        assertThat(shape(analysis, "decoder.2", LayerKind.VALID_CONV)).isEqualTo("16 × 14 × 14");
        assertThat(shape(analysis, "decoder.3", LayerKind.UPSAMPLE)).isEqualTo("16 × 28 × 28");
        assertThat(shape(analysis, "decoder.3", LayerKind.OUTPUT)).isEqualTo("1 × 28 × 28");
        assertThat(analysis.parameters()).isEqualTo(RECIPE_PARAMETERS).isEqualTo(5285);
        assertThat(analysis.layers().stream().mapToLong(DesignAnalysis.Layer::parameters).sum())
                .isEqualTo(analysis.parameters());
        assertThat(analysis.multiplyAdds()).isEqualTo(RECIPE_MULTIPLY_ADDS);
        assertThat(NetworkDesign.REFERENCE_MULTIPLY_ADDS).isEqualTo(analysis.multiplyAdds());
        NetworkDesign recipe = NetworkDesign.assignment();
        assertThat(recipe.latentSize()).isEqualTo(2);
        assertThat(recipe.beta()).isEqualTo(1.0);
        assertThat(recipe.variational()).isTrue();
    }

    @Test
    void theLabCountsADigitAsOneUpToTheWorkOfItsLargestOwnNetworkSoTheAssignmentRunsItsDefaults() {
        // The super-resolution autoencoder, convolution by convolution.
        assertThat(NetworkDesign.WORK_UNIT_MULTIPLY_ADDS).isEqualTo(56_448 + 225_792 + 225_792 + 1_806_336
                + 225_792);
        assertThat(NetworkDesign.REFERENCE_MULTIPLY_ADDS).isLessThan(NetworkDesign.WORK_UNIT_MULTIPLY_ADDS);
        // The largest design the Lab accepts still trains 3 epochs of all the digits within the default limit.
        double largest = (double) NetworkDesign.MAX_MULTIPLY_ADDS / NetworkDesign.WORK_UNIT_MULTIPLY_ADDS;
        assertThat((long) (3 * TrainingConfig.FULL_TRAIN * largest)).isLessThanOrEqualTo(200_000);
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
    void theRecipesDecoderIsNotTheMirrorWhichTrimsWithAValidConvolutionWhereTheEncoderRoundedUp() {
        NetworkDesign recipe = NetworkDesign.assignment();
        assertThat(recipe.mirrored()).isFalse();
        // 4 -> 8 overshoots the encoder's 7 by one, 8 -> 16 its 14 by two: a valid 3 x 3 convolution trims that.
        assertThat(NetworkDesign.mirror(recipe.encoder())).containsExactly(new Stage(8, 3, true),
                new Stage(16, 3, true, Padding.VALID, Rounding.DOWN), new Stage(1, 3, true));
        DesignAnalysis mirrored = recipe.withMirroredDecoder().analyse();
        assertThat(mirrored.problems()).isEmpty();
        assertThat(shape(mirrored, "decoder.1", LayerKind.VALID_CONV)).isEqualTo("16 × 14 × 14");
        // With 5 x 5 kernels the overshoot grows to 4 before a valid convolution can trim it: 32 -> 28.
        List<Stage> wide = List.of(new Stage(8, 5, true, Padding.SAME, Rounding.UP),
                new Stage(8, 5, true, Padding.SAME, Rounding.UP), new Stage(8, 5, true, Padding.SAME, Rounding.UP));
        assertThat(NetworkDesign.mirror(wide)).extracting(Stage::padding)
                .containsExactly(Padding.SAME, Padding.SAME, Padding.VALID);
        assertThat(recipe.withEncoder(wide).withMirroredDecoder().analyse().problems()).isEmpty();
        // Four stages rounding up: 28 -> 14 -> 7 -> 4 -> 2, and back 2 -> 4 -> 8 -> 16 (trimmed to 14) -> 28.
        List<Stage> deep = new ArrayList<>(recipe.encoder());
        deep.add(new Stage(8, 3, true, Padding.SAME, Rounding.UP));
        DesignAnalysis fourStages = recipe.withEncoder(deep).withMirroredDecoder().analyse();
        assertThat(shape(fourStages, "encoder.3", LayerKind.PADDED_POOL)).isEqualTo("8 × 2 × 2");
        assertThat(fourStages.problems()).isEmpty();
    }

    @Test
    void poolingRoundsAnOddMapDownOrUpAsTheStageSays() {
        List<Stage> down = List.of(new Stage(8, 3, true), new Stage(8, 3, true), new Stage(8, 3, true));
        List<Stage> up = down.stream().map(stage -> stage.withRounding(Rounding.UP)).toList();
        NetworkDesign recipe = NetworkDesign.assignment();
        assertThat(shape(recipe.withEncoder(down).analyse(), "encoder.2", LayerKind.POOL)).isEqualTo("8 × 3 × 3");
        assertThat(shape(recipe.withEncoder(up).analyse(), "encoder.2", LayerKind.PADDED_POOL))
                .isEqualTo("8 × 4 × 4");
        // Rounding changes nothing on an even map, nor without pooling.
        assertThat(shape(recipe.withEncoder(up).analyse(), "encoder.0", LayerKind.PADDED_POOL))
                .isEqualTo("8 × 14 × 14");
        assertThat(recipe.withEncoder(List.of(new Stage(8, 3, false, Padding.SAME, Rounding.UP))).analyse()
                .layersOf("encoder.0")).extracting(DesignAnalysis.Layer::kind).containsExactly(LayerKind.CONV);
    }

    @Test
    void aValidConvolutionOnAMapSmallerThanItsKernelIsRefusedAtItsStage() {
        NetworkDesign recipe = NetworkDesign.assignment();
        List<Stage> decoder = new ArrayList<>(recipe.decoder());
        // The decoder's first stage works on the 4 x 4 feature maps: a valid 5 x 5 convolution cannot.
        decoder.set(0, new Stage(8, 5, false, Padding.VALID, Rounding.DOWN));
        DesignAnalysis analysis = recipe.withDecoder(decoder).analyse();
        assertThat(analysis.problemsAt("decoder.0")).singleElement().satisfies(problem -> {
            assertThat(problem.messageKey()).isEqualTo("design.error.valid");
            assertThat(problem.arguments()).containsExactly(5, 4);
        });
        // The shapes go on from the map it could not shrink, so the rest of the decoder is still shown.
        assertThat(shape(analysis, "decoder.0", LayerKind.VALID_CONV)).isEqualTo("8 × 4 × 4");
        assertThat(analysis.problemsAt("decoder.3")).isEmpty();
        assertThatThrownBy(recipe.withDecoder(decoder)::validate).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("decoder.0"));
        // A 3 x 3 one fits (4 -> 2), and the image then comes back too small.
        decoder.set(0, new Stage(8, 3, false, Padding.VALID, Rounding.DOWN));
        DesignAnalysis fits = recipe.withDecoder(decoder).analyse();
        assertThat(fits.problemsAt("decoder.0")).isEmpty();
        assertThat(shape(fits, "decoder.0", LayerKind.VALID_CONV)).isEqualTo("8 × 2 × 2");
        assertThat(fits.problemsAt("decoder.3")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.outputSize");
    }

    @Test
    void aDesignStoredBeforePaddingAndRoundingExistedReadsAsItWasBuilt() throws Exception {
        // As the designer wrote designs into the database and into checkpoints before: no padding, no rounding.
        String stored = """
                {"encoder":[{"channels":8,"kernel":3,"resize":true},{"channels":16,"kernel":5,"resize":false}],\
                "code":"VARIATIONAL","latentSize":4,"denseUnits":32,\
                "decoder":[{"channels":8,"kernel":5,"resize":false},{"channels":1,"kernel":3,"resize":true}],\
                "beta":0.5}""";
        NetworkDesign expected = new NetworkDesign(List.of(new Stage(8, 3, true), new Stage(16, 5, false)),
                Code.VARIATIONAL, 4, 32, List.of(new Stage(8, 5, false), new Stage(1, 3, true)), 0.5);
        for (JsonMapper json : List.of(JsonMapper.builder().build(), Checkpoints.JSON)) {
            NetworkDesign read = json.readValue(stored, NetworkDesign.class);
            assertThat(read).isEqualTo(expected);
            assertThat(read.encoder()).extracting(Stage::padding).containsOnly(Padding.SAME);
            assertThat(read.encoder()).extracting(Stage::rounding).containsOnly(Rounding.DOWN);
            assertThat(read.analyse().parameters()).isEqualTo(expected.analyse().parameters());
            // And a design with the new choices keeps them.
            NetworkDesign recipe = NetworkDesign.assignment();
            assertThat(json.readValue(json.writeValueAsString(recipe), NetworkDesign.class)).isEqualTo(recipe);
        }
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
        // No dense layer: the code is computed straight from the 128 features, and decoded straight back.
        assertThat(shape(noDense, "latentSize", LayerKind.CODE)).isEqualTo("8");
        assertThat(noDense.layersOf("latentSize")).extracting(DesignAnalysis.Layer::parameters)
                .containsExactly(128L * 8 + 8);
        DesignAnalysis dense = base.withCode(Code.VARIATIONAL, 2, 64, 1).analyse();
        assertThat(dense.layersOf("denseUnits")).extracting(DesignAnalysis.Layer::parameters)
                .containsExactly(128L * 64 + 64, 2L * 64 + 64);
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
                new Stage(64, 7, true))).withMirroredDecoder().withCode(Code.VARIATIONAL, 2, 128, 1);
        DesignAnalysis analysis = wide.analyse();
        assertThat(analysis.problemsAt("design")).extracting(DesignAnalysis.Problem::messageKey)
                .containsExactly("design.error.parameters", "design.error.work");
        assertThat(analysis.problemsAt("design").getFirst().arguments())
                .containsExactly(analysis.parameters(), NetworkDesign.MAX_PARAMETERS);
    }

    @Test
    void theDjlBlockHasTheCountedParametersAndGivesDigitsAndCodesOfTheDesignedShapes() {
        for (NetworkDesign design : List.of(NetworkDesign.assignment(),
                NetworkDesign.assignment().withMirroredDecoder().withCode(Code.PLAIN, 3, 16, 0),
                NetworkDesign.assignment().withEncoder(List.of(new Stage(8, 5, true), new Stage(12, 3, false),
                        new Stage(16, 3, true))).withMirroredDecoder().withCode(Code.PLAIN, 16, 0, 0),
                NetworkDesign.assignment().withEncoder(List.of(new Stage(8, 5, true, Padding.SAME, Rounding.UP),
                        new Stage(8, 5, true, Padding.SAME, Rounding.UP), new Stage(8, 5, true, Padding.SAME,
                                Rounding.UP))).withMirroredDecoder())) {
            CodecBlock block = Networks.designed(design);
            try (Model model = Model.newInstance("design", Device.cpu(), DeepLearningEngine.ENGINE)) {
                model.setBlock(block);
                NDManager manager = model.getNDManager();
                block.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 28, 28));
                assertThat(parameterCount(block)).isEqualTo(design.analyse().parameters());
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
    void theConvolutionalVaesOwnNetworkIsTheAssignmentWithTheRunsCodeSize() {
        for (int latentSize : new int[] {2, 16}) {
            NetworkDesign recipe = NetworkDesign.assignment();
            NetworkDesign expected = recipe.withCode(Code.VARIATIONAL, latentSize, 0, 1);
            try (Model model = Model.newInstance("conv-vae", Device.cpu(), DeepLearningEngine.ENGINE)) {
                Block block = Networks.build(ModelKind.CONV_VAE, latentSize);
                model.setBlock(block);
                block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 1, 28, 28));
                assertThat(parameterCount(block)).isEqualTo(expected.analyse().parameters());
            }
        }
    }

    @Test
    void aConvolutionalVaeCheckpointOfFormatOneLoadsTheNetworkItWasTrainedAs(@TempDir Path folder) throws Exception {
        // A student's run of the experiment before it followed the recipe: two stages to 32 x 7 x 7, dense 128.
        TrainingConfig config = TrainingConfig.defaults(ModelKind.CONV_VAE).withEpochs(1);
        try (Model model = Model.newInstance(Checkpoints.NAME, Device.cpu(), DeepLearningEngine.ENGINE)) {
            Block block = Networks.convVaeOfFormat1(2);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(2, 1, 28, 28));
            assertThat(parameterCount(block)).isEqualTo(160 + 4640 + 200_832 + 258 + 258 + 384 + 202_272 + 4624
                    + 145);
            DurableFiles.saveParameters(model, folder, Checkpoints.NAME, 1);
        }
        CheckpointMetadata format1 = new CheckpointMetadata(1, ModelKind.CONV_VAE, config, DatasetName.MNIST, 1, 2,
                150, 150, java.util.Map.of(), List.of(150.0), List.of(150.0), 150, java.util.Map.of(), 60,
                Instant.now(), "test", "PyTorch", Checkpoints.parametersFile(1));
        java.nio.file.Files.write(folder.resolve(Checkpoints.METADATA), Checkpoints.JSON.writeValueAsBytes(format1));
        try (LoadedModel loaded = Checkpoints.load(folder, InferenceLimits.forOneCaller())) {
            assertThat(loaded.latentSize()).isEqualTo(2);
            assertThat(loaded.decode(new float[2])).hasSize(ImageSet.PIXELS);
        }
        // The same parameters do not fit today's network.
        CheckpointMetadata format2 = new CheckpointMetadata(CheckpointMetadata.FORMAT, format1.kind(),
                format1.config(), format1.dataset(), 1, 2, 150, 150, java.util.Map.of(), List.of(150.0),
                List.of(150.0), 150, java.util.Map.of(), 60, Instant.now(), "test", "PyTorch",
                format1.parametersFile());
        java.nio.file.Files.write(folder.resolve(Checkpoints.METADATA), Checkpoints.JSON.writeValueAsBytes(format2));
        assertThatThrownBy(() -> Checkpoints.load(folder, InferenceLimits.forOneCaller()))
                .isInstanceOf(CheckpointException.class);
    }

    private static long parameterCount(Block block) {
        long counted = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            counted += parameter.getValue().getArray().size();
        }
        return counted;
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
