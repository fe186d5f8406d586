package org.latentlab.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A checkpoint is a folder: the parameters as DJL writes them ({@code model-NNNN.params}) and {@code metadata.json},
 * whatever the model family; each family's metadata is its own record ({@link ModelMetadata}). Loading checks the
 * metadata first and rebuilds the network it names, so a damaged or mismatching file gives a
 * {@link CheckpointException} with a clear message instead of a crash.
 */
public final class Checkpoints {

    public static final String NAME = "model";
    public static final String METADATA = "metadata.json";
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Checkpoints() {
    }

    public static CheckpointMetadata save(TrainedModel trained, Path folder, CheckpointMetadata metadata)
            throws IOException {
        return save(trained.model(), folder, metadata);
    }

    /** Saves the network's parameters as the file its metadata names, then the metadata. */
    public static <M extends ModelMetadata> M save(TrainedNetwork trained, Path folder, M metadata)
            throws IOException {
        return save(trained.model(), folder, metadata);
    }

    private static <M extends ModelMetadata> M save(Model model, Path folder, M metadata) throws IOException {
        // Parameters first, then the metadata that names them: each file is replaced whole (DurableFiles).
        DurableFiles.saveParameters(model, folder, NAME, metadata.parametersEpoch());
        DurableFiles.write(folder.resolve(METADATA), JSON.writeValueAsBytes(metadata));
        return metadata;
    }

    /** The file DJL writes the parameters of a given epoch to. */
    public static String parametersFile(int epoch) {
        return String.format("%s-%04d.params", NAME, epoch);
    }

    /** The metadata of a digit model's checkpoint. */
    public static CheckpointMetadata readMetadata(Path folder) throws CheckpointException {
        return readMetadata(folder, CheckpointMetadata.class);
    }

    /** Reads a checkpoint's {@code metadata.json} as the given family's record and checks it. */
    public static <M extends ModelMetadata> M readMetadata(Path folder, Class<M> type) throws CheckpointException {
        Path file = folder.resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("No checkpoint in " + folder + ": " + METADATA + " is missing");
        }
        M metadata;
        try {
            metadata = JSON.readValue(Files.readString(file), type);
        } catch (IOException | JacksonException e) {
            throw new CheckpointException("The checkpoint metadata in " + folder + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (metadata == null) {
            throw new CheckpointException("The checkpoint metadata in " + folder + " cannot be read: it is empty");
        }
        try {
            metadata.check();
            metadata.parametersEpoch();
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("The checkpoint metadata in " + folder + " is incomplete or of another "
                    + "kind: " + e.getMessage(), e);
        }
        return metadata;
    }

    /** Loads the digit network described by the folder's metadata, ready to encode and decode. */
    public static LoadedModel load(Path folder, InferenceLimits limits) throws CheckpointException {
        CheckpointMetadata metadata = readMetadata(folder);
        Block block = network(metadata);
        return new LoadedModel(loadParameters(folder, metadata, block, "a " + metadata.kind() + " model"), metadata,
                limits);
    }

    /**
     * The parameters a checkpoint's metadata names, loaded into a new model of {@code block} on the CPU, for any
     * family; the caller closes it.
     *
     * @param whatItIs how the error names the network the parameters must fit, e.g. "a CONV_AE model"
     */
    public static Model loadParameters(Path folder, ModelMetadata metadata, Block block, String whatItIs)
            throws CheckpointException {
        Path parameters = folder.resolve(metadata.parametersFile());
        if (!Files.isRegularFile(parameters)) {
            throw new CheckpointException("The checkpoint in " + folder + " has no parameters file "
                    + metadata.parametersFile());
        }
        Model model = Model.newInstance(NAME, Device.cpu(), DeepLearningEngine.ENGINE);
        model.setBlock(block);
        try {
            // DJL needs the epoch to find model-NNNN.params.
            model.load(folder, NAME, Map.of("epoch", Integer.toString(metadata.parametersEpoch())));
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new CheckpointException("The parameters in " + parameters + " are damaged or do not belong to "
                    + whatItIs + ": " + e.getMessage(), e);
        }
    }

    /**
     * The network whose parameters a checkpoint holds: a designed network is rebuilt from the design stored in its
     * config, any other from its kind, as the kind's network was in the checkpoint's format.
     */
    private static Block network(CheckpointMetadata metadata) {
        if (metadata.config().design() != null) {
            return Networks.build(metadata.config());
        }
        if (metadata.format() == 1 && metadata.kind() == ModelKind.CONV_VAE) {
            return Networks.convVaeOfFormat1(metadata.latentSize());
        }
        return Networks.build(metadata.kind(), metadata.latentSize());
    }
}
