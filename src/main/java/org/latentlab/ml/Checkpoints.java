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
 * A checkpoint is a folder: the parameters as DJL writes them ({@code model-NNNN.params}) and {@code metadata.json}.
 * Loading checks the metadata first and rebuilds the network it names, so a damaged or mismatching file gives a
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
        // Parameters first, then the metadata that names them: each file is replaced whole (DurableFiles).
        DurableFiles.saveParameters(trained.model(), folder, NAME, metadata.epochs());
        DurableFiles.write(folder.resolve(METADATA), JSON.writeValueAsBytes(metadata));
        return metadata;
    }

    /** The file DJL writes the parameters of a given epoch to. */
    public static String parametersFile(int epoch) {
        return String.format("%s-%04d.params", NAME, epoch);
    }

    public static CheckpointMetadata readMetadata(Path folder) throws CheckpointException {
        Path file = folder.resolve(METADATA);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("No checkpoint in " + folder + ": " + METADATA + " is missing");
        }
        try {
            CheckpointMetadata metadata = JSON.readValue(Files.readString(file), CheckpointMetadata.class);
            if (metadata.format() < CheckpointMetadata.OLDEST_FORMAT || metadata.format() > CheckpointMetadata.FORMAT
                    || metadata.kind() == null
                    || metadata.config() == null || metadata.parametersFile() == null) {
                throw new CheckpointException("The checkpoint metadata in " + folder + " is incomplete or of an "
                        + "unknown format");
            }
            return metadata;
        } catch (IOException | JacksonException e) {
            throw new CheckpointException("The checkpoint metadata in " + folder + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Loads the network described by the folder's metadata, ready to encode and decode. */
    public static LoadedModel load(Path folder, InferenceLimits limits) throws CheckpointException {
        CheckpointMetadata metadata = readMetadata(folder);
        Path parameters = folder.resolve(metadata.parametersFile());
        if (!Files.isRegularFile(parameters)) {
            throw new CheckpointException("The checkpoint in " + folder + " has no parameters file "
                    + metadata.parametersFile());
        }
        Block block = network(metadata);
        Model model = Model.newInstance(NAME, Device.cpu(), DeepLearningEngine.ENGINE);
        model.setBlock(block);
        try {
            // DJL needs the epoch to find model-NNNN.params.
            model.load(folder, NAME, Map.of("epoch", Integer.toString(metadata.epochs())));
            return new LoadedModel(model, metadata, limits);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new CheckpointException("The parameters in " + parameters + " are damaged or do not belong to a "
                    + metadata.kind() + " model: " + e.getMessage(), e);
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
