package org.latentlab.ml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every checkpoint's {@code metadata.json} tells the loader, whatever the family: the file that holds the
 * parameters, and whether the rest is complete enough to rebuild the network. Each family's metadata record
 * implements it ({@link CheckpointMetadata} for the digit models); {@link Checkpoints} reads, writes and loads them
 * all the same way.
 */
public interface ModelMetadata {

    /** The file DJL wrote the parameters to, {@code model-NNNN.params} ({@link Checkpoints#parametersFile}). */
    String parametersFile();

    /**
     * Refuses metadata that cannot rebuild its network: fields an older or foreign file lacks, settings out of range.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    void check();

    /** The epoch in the parameters file's name ({@code model-0036.params}: 36), which DJL needs to find it. */
    default int parametersEpoch() {
        Matcher matcher = Pattern.compile(Pattern.quote(Checkpoints.NAME) + "-(\\d{4})\\.params")
                .matcher(parametersFile() == null ? "" : parametersFile());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the parameters file " + parametersFile() + " is not named "
                    + Checkpoints.NAME + "-NNNN.params");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
