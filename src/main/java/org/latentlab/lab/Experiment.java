package org.latentlab.lab;

import java.util.Arrays;
import java.util.Optional;

import org.latentlab.ml.ModelKind;
import org.latentlab.ml.NetworkDesign;
import org.latentlab.ml.TrainingConfig;

/**
 * The Lab's exercises, named as the lesson links to them ({@code lab?experiment=conv-vae}). Each trains one kind of
 * model with defaults chosen so a run finishes in about a minute on a 2-core server.
 *
 * @param labQuizId the quiz that checks the exercise, if there is one
 */
public enum Experiment {
    DENSE_AE("dense-ae", ModelKind.DENSE_AE, null),
    CONV_AE("conv-ae", ModelKind.CONV_AE, "lab-conv-ae"),
    DENOISING_AE("denoising-ae", ModelKind.DENOISING_AE, "lab-denoising-ae"),
    SUPER_RESOLUTION_AE("super-resolution-ae", ModelKind.SUPER_RESOLUTION_AE, null),
    VAE_2D("vae-2d", ModelKind.VAE_2D, "lab-vae-2d"),
    VAE("vae", ModelKind.VAE, null),
    CONV_VAE("conv-vae", ModelKind.CONV_VAE, "lab-conv-vae");

    /** The lesson whose exercises these are. */
    public static final String LESSON = "autoencoders";

    private final String slug;
    private final ModelKind kind;
    private final String labQuizId;

    Experiment(String slug, ModelKind kind, String labQuizId) {
        this.slug = slug;
        this.kind = kind;
        this.labQuizId = labQuizId;
    }

    public String slug() {
        return slug;
    }

    public ModelKind kind() {
        return kind;
    }

    public Optional<String> labQuizId() {
        return Optional.ofNullable(labQuizId);
    }

    /** The lesson's assignment: turn the convolutional autoencoder into a convolutional VAE. */
    public boolean isAssignment() {
        return this == CONV_VAE;
    }

    /** Message key of the experiment's name ({@code experiment.<slug>}, shared with the lesson's progress). */
    public String messageKey() {
        return "experiment." + slug;
    }

    /** Message key of the experiment's explanation in the Lab. */
    public String aboutKey() {
        return "lab.about." + slug;
    }

    /**
     * Whether the Lab's network designer is offered: the convolutional experiments on clean digits, whose networks
     * a design describes (the assignment first of all).
     */
    public boolean designable() {
        return this == CONV_AE || this == CONV_VAE;
    }

    /** What the designer starts with: the shipped convolutional VAE, with a plain code for the plain autoencoder. */
    public NetworkDesign defaultDesign() {
        NetworkDesign design = NetworkDesign.assignment();
        return kind.variational() ? design
                : design.withCode(NetworkDesign.Code.PLAIN, design.latentSize(), design.denseUnits(), 0);
    }

    public static Optional<Experiment> bySlug(String slug) {
        return Arrays.stream(values()).filter(e -> e.slug.equals(slug)).findFirst();
    }

    /** What the Lab's form starts with. */
    public TrainingConfig defaults() {
        TrainingConfig base = TrainingConfig.defaults(kind);
        int epochs = switch (this) {
            case VAE_2D, VAE, DENSE_AE -> 15;
            default -> 8;
        };
        return base.withEpochs(epochs);
    }
}
