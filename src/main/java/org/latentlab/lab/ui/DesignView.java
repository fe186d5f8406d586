package org.latentlab.lab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.ml.DataSplit;
import org.latentlab.ml.DatasetName;
import org.latentlab.ml.DesignAnalysis;
import org.latentlab.ml.ImageSet;
import org.latentlab.ml.NetworkDesign;
import org.latentlab.ml.NetworkDesign.Code;
import org.latentlab.ml.NetworkDesign.Padding;
import org.latentlab.ml.NetworkDesign.Rounding;
import org.latentlab.ml.NetworkDesign.Stage;
import org.latentlab.ml.PyTorchListing;
import org.latentlab.ml.TrainingConfig;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunSummary;
import org.latentlab.lab.TrainingProperties;

/**
 * The network designer ({@code lab/design?experiment=conv-vae}): the student composes the encoder's convolution
 * stages, the code and the decoder (mirrored from the encoder until they edit it), and sees at once each layer's
 * output shape, the parameter count, any impossible shape at its layer, and the same network as PyTorch code. Start
 * trains it like any Lab run; the server checks the design again ({@code TrainingQueue}), so nothing here is trusted.
 */
@Route("lab/design")
@PermitAll
public class DesignView extends FeaturePage implements BeforeEnterObserver {

    private static final List<Integer> KERNELS = List.of(1, 3, 5, 7);

    private final LabRuns runs;
    private final int trainDigits;
    private final long maxExamples;
    private final Div content = new Div();

    private Experiment experiment = Experiment.CONV_VAE;
    private final List<StageEditor> encoder = new ArrayList<>();
    private final List<StageEditor> decoder = new ArrayList<>();
    private final Div encoderStages = new Div();
    private final Div decoderStages = new Div();
    private final Div inputLayer = new Div();
    private final Div encoderEnd = new Div();
    private final Div codeLayers = new Div();
    private final Div decoderStart = new Div();
    private final Paragraph mirrorNote = new Paragraph();
    private final Paragraph summary = new Paragraph();
    private final Div designProblems = new Div();
    private final Pre listing = new Pre();
    private final Paragraph listingNote = new Paragraph();
    private final Button copy = new Button();
    // A select, not a radio group: it is in the committed frontend bundle's styles and reads well in both directions.
    private final Select<Code> codeType = new Select<>();
    private final IntegerField latentSize = new IntegerField();
    private final IntegerField denseUnits = new IntegerField();
    private final NumberField beta = new NumberField();
    private final IntegerField epochs = new IntegerField();
    private final IntegerField batchSize = new IntegerField();
    private final NumberField learningRate = new NumberField();
    private final IntegerField digits = new IntegerField();
    private final IntegerField seed = new IntegerField();
    private Button addEncoder;
    private Button addDecoder;
    /** The decoder follows the encoder (mirrored) until the student edits it. */
    private boolean followEncoder = true;
    /** Set while the page itself fills fields in, so that only the student's edits count as edits. */
    private boolean filling;

    DesignView(LabRuns runs, TrainingProperties training) {
        super("design.title", "design.intro");
        this.runs = runs;
        this.maxExamples = training.maxExamples();
        this.trainDigits = DataSplit.of(ImageSet.load(DatasetName.MNIST)).train().length;
        setId("design-view");
        add(new RouterLink(getTranslation("design.back"), LabView.class), content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        experiment = event.getLocation().getQueryParameters().getSingleParameter("experiment")
                .flatMap(Experiment::bySlug).filter(Experiment::designable).orElse(Experiment.CONV_VAE);
        build(experiment.defaultDesign());
    }

    private void build(NetworkDesign design) {
        content.removeAll();
        H2 title = new H2(getTranslation(experiment.messageKey()));
        title.setId("design-experiment");
        content.add(title);
        if (experiment.isAssignment()) {
            Paragraph assignment = new Paragraph(getTranslation("design.assignment"));
            assignment.addClassName("ll-notice");
            content.add(assignment);
        }
        summary.setId("design-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        summary.getStyle().set("font-weight", "600");
        designProblems.setId("design-problems");
        content.add(summary, designProblems);

        // Encoder
        encoderStages.setId("design-encoder");
        addEncoder = new Button(getTranslation("design.addStage"), e -> {
            // Rounding up, as the recipe's stages do: a mirrored decoder then always comes back to 28 x 28.
            encoder.add(editor("encoder", new Stage(16, 3, true, Padding.SAME, Rounding.UP)));
            stagesChanged();
        });
        addEncoder.setId("design-encoder-add");
        content.add(section("design.encoder", inputLayer, encoderStages, addEncoder, encoderEnd));

        // Code
        codeType.setLabel(getTranslation("design.field.code"));
        codeType.setItems(Code.values());
        codeType.setItemLabelGenerator(code -> getTranslation("design.code." + code.name().toLowerCase(
                java.util.Locale.ROOT)));
        codeType.setId("design-code");
        latentSize.setLabel(getTranslation("design.field.latentSize"));
        latentSize.setHelperText(getTranslation("lab.field.range", 1, TrainingConfig.MAX_LATENT));
        latentSize.setId("design-latentSize");
        denseUnits.setLabel(getTranslation("design.field.denseUnits"));
        denseUnits.setHelperText(getTranslation("lab.field.range", 0, NetworkDesign.MAX_DENSE));
        denseUnits.setId("design-denseUnits");
        beta.setLabel(getTranslation("design.field.beta"));
        beta.setHelperText(getTranslation("design.field.beta.help"));
        beta.setStep(0.1);
        beta.setId("design-beta");
        FormLayout codeFields = new FormLayout(codeType, latentSize, denseUnits, beta);
        codeLayers.setId("design-code-layers");
        content.add(section("design.code", codeFields, codeLayers));

        // Decoder
        decoderStages.setId("design-decoder");
        mirrorNote.setId("design-mirror-note");
        mirrorNote.addClassName("ll-muted");
        Button mirror = new Button(getTranslation("design.mirror"), e -> {
            followEncoder = true;
            mirrorDecoder();
            stagesChanged();
        });
        mirror.setId("design-mirror");
        addDecoder = new Button(getTranslation("design.addStage"), e -> {
            followEncoder = false;
            decoder.add(editor("decoder", new Stage(8, 3, false)));
            stagesChanged();
        });
        addDecoder.setId("design-decoder-add");
        content.add(section("design.decoder", new HorizontalLayout(mirror, addDecoder), mirrorNote, decoderStart,
                decoderStages));

        // Training and start
        content.add(trainingSection());

        // PyTorch
        listing.setId("design-pytorch");
        // Code reads left to right on every page, Hebrew included.
        listing.getElement().setAttribute("dir", "ltr");
        listing.getElement().setAttribute("tabindex", "0");
        listing.getElement().setAttribute("aria-label", getTranslation("design.pytorch"));
        listing.getStyle().set("text-align", "left").set("overflow-x", "auto").set("max-height", "32em")
                .set("background", "var(--lumo-contrast-5pct)").set("padding", "0.75em")
                .set("font-size", "var(--lumo-font-size-s)");
        copy.setText(getTranslation("design.copy"));
        copy.setId("design-copy");
        copy.addClickListener(e -> {
            getElement().executeJs("return navigator.clipboard.writeText($0)", listing.getText());
            FieldErrors.success(getTranslation("design.copied"));
        });
        listingNote.setId("design-pytorch-note");
        content.add(section("design.pytorch", new Paragraph(getTranslation("design.pytorch.help")), copy,
                listingNote, listing));

        filling = true;
        try {
            encoder.clear();
            design.encoder().forEach(stage -> encoder.add(editor("encoder", stage)));
            decoder.clear();
            design.decoder().forEach(stage -> decoder.add(editor("decoder", stage)));
            codeType.setValue(design.code());
            latentSize.setValue(design.latentSize());
            denseUnits.setValue(design.denseUnits());
            beta.setValue(design.beta());
        } finally {
            filling = false;
        }
        followEncoder = design.mirrored();
        codeType.addValueChangeListener(e -> refresh());
        latentSize.addValueChangeListener(e -> refresh());
        denseUnits.addValueChangeListener(e -> refresh());
        beta.addValueChangeListener(e -> refresh());
        stagesChanged();
    }

    private Div section(String titleKey, Component... parts) {
        Div section = new Div();
        section.add(new H3(getTranslation(titleKey)));
        section.add(parts);
        section.getStyle().set("border-inline-start", "3px solid var(--lumo-contrast-20pct)")
                .set("padding-inline-start", "1em").set("margin-block", "1em");
        return section;
    }

    private Div trainingSection() {
        TrainingConfig defaults = experiment.defaults();
        epochs.setLabel(getTranslation("lab.field.epochs"));
        epochs.setValue(defaults.epochs());
        epochs.setId("design-epochs");
        epochs.setHelperText(getTranslation("lab.field.range", 1, TrainingConfig.MAX_EPOCHS));
        batchSize.setLabel(getTranslation("lab.field.batchSize"));
        batchSize.setValue(defaults.batchSize());
        batchSize.setId("design-batchSize");
        learningRate.setLabel(getTranslation("lab.field.learningRate"));
        learningRate.setValue(defaults.learningRate());
        learningRate.setStep(0.0001);
        learningRate.setId("design-learningRate");
        digits.setLabel(getTranslation("lab.field.digits"));
        digits.setValue(trainDigits);
        digits.setHelperText(getTranslation("lab.field.digits.help", trainDigits));
        digits.setId("design-digits");
        seed.setLabel(getTranslation("lab.field.seed"));
        seed.setValue((int) defaults.seed());
        seed.setId("design-seed");
        Paragraph work = new Paragraph(getTranslation("design.work.note", maxExamples,
                String.format(getLocale(), "%.1f", NetworkDesign.WORK_UNIT_MULTIPLY_ADDS / 1e6)));
        work.addClassName("ll-field-note");
        FieldErrors errors = new FieldErrors(this).field("epochs", epochs).field("batchSize", batchSize)
                .field("learningRate", learningRate).field("trainLimit", digits).field("latentSize", latentSize)
                .field("denseUnits", denseUnits).field("beta", beta);
        Button start = new Button(getTranslation("lab.start"), e -> start(errors));
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.setId("design-start");
        Div training = section("design.training", new FormLayout(epochs, batchSize, learningRate, digits, seed),
                work, start);
        return training;
    }

    private void start(FieldErrors errors) {
        NetworkDesign design = current();
        if (!design.analyse().valid()) {
            FieldErrors.failure(getTranslation("design.invalid"));
            refresh();
            return;
        }
        if (epochs.getValue() == null || batchSize.getValue() == null || learningRate.getValue() == null
                || digits.getValue() == null || seed.getValue() == null || seed.getValue() < 0
                || digits.getValue() < 64 || digits.getValue() > trainDigits) {
            errors.show(new InvalidInputException("settings", "design.settingsMissing", 64, trainDigits));
            return;
        }
        TrainingConfig config = experiment.defaults().withEpochs(epochs.getValue())
                .withBatchSize(batchSize.getValue())
                .withTrainLimit(digits.getValue() >= trainDigits ? 0 : digits.getValue());
        config = new TrainingConfig(config.kind(), config.dataset(), config.epochs(), config.batchSize(),
                learningRate.getValue(), design.latentSize(), 0.0, seed.getValue(), config.trainLimit(), design);
        try {
            RunSummary run = runs.start(experiment, config);
            getUI().ifPresent(ui -> ui.navigate(RunView.class, RunView.parameters(run.id())));
        } catch (InvalidInputException problem) {
            errors.show(problem);
            refresh();
        }
    }

    /** The design as the fields say now; empty fields give values the analysis reports at their layer. */
    NetworkDesign current() {
        return new NetworkDesign(encoder.stream().map(StageEditor::value).toList(),
                Optional.ofNullable(codeType.getValue()).orElse(Code.VARIATIONAL),
                Optional.ofNullable(latentSize.getValue()).orElse(0),
                Optional.ofNullable(denseUnits.getValue()).orElse(-1),
                decoder.stream().map(StageEditor::value).toList(),
                Optional.ofNullable(beta.getValue()).orElse(Double.NaN));
    }

    private void mirrorDecoder() {
        filling = true;
        try {
            decoder.clear();
            NetworkDesign.mirror(encoder.stream().map(StageEditor::value).toList())
                    .forEach(stage -> decoder.add(editor("decoder", stage)));
        } finally {
            filling = false;
        }
    }

    /** Stages were added, removed or (in the encoder, while the decoder follows it) changed: lay them out again. */
    private void stagesChanged() {
        if (followEncoder) {
            mirrorDecoder();
        }
        encoderStages.removeAll();
        for (int i = 0; i < encoder.size(); i++) {
            encoderStages.add(encoder.get(i).layout(i));
        }
        // The design's limit, said by the buttons before the analysis has to say it.
        addEncoder.setEnabled(encoder.size() < NetworkDesign.MAX_STAGES);
        layOutDecoder();
        refresh();
    }

    /**
     * An encoder stage was edited while the decoder follows: only the decoder is laid out again, so the field the
     * student is in keeps the focus (a checkbox toggled with the space bar, say).
     */
    private void decoderFollows() {
        mirrorDecoder();
        layOutDecoder();
        refresh();
    }

    private void layOutDecoder() {
        decoderStages.removeAll();
        for (int i = 0; i < decoder.size(); i++) {
            decoderStages.add(decoder.get(i).layout(i));
        }
        addDecoder.setEnabled(decoder.size() < NetworkDesign.MAX_STAGES);
    }

    /** Shapes, parameters, problems and the listing for the design as it is now. */
    private void refresh() {
        NetworkDesign design = current();
        DesignAnalysis analysis = design.analyse();
        for (int i = 0; i < encoder.size(); i++) {
            encoder.get(i).show(analysis, "encoder." + i);
        }
        for (int i = 0; i < decoder.size(); i++) {
            decoder.get(i).show(analysis, "decoder." + i);
        }
        fill(inputLayer, analysis, "input");
        fill(encoderEnd, analysis, "encoder");
        codeLayers.removeAll();
        codeLayers.add(Architecture.lines(this, analysis.layersOf("denseUnits").stream()
                .limit(design.denseUnits() > 0 ? 1 : 0).toList()).toArray(Component[]::new));
        codeLayers.add(Architecture.lines(this, analysis.layersOf("latentSize")).toArray(Component[]::new));
        mark(latentSize, analysis.problemsAt("latentSize"));
        mark(denseUnits, analysis.problemsAt("denseUnits"));
        mark(beta, analysis.problemsAt("beta"));
        beta.setVisible(design.variational());
        decoderStart.removeAll();
        decoderStart.add(Architecture.lines(this, analysis.layers().stream()
                .filter(l -> l.field().equals("decoder")
                        || (l.field().equals("denseUnits") && l != analysis.layersOf("denseUnits").getFirst()))
                .toList()).toArray(Component[]::new));
        mirrorNote.setText(getTranslation(design.mirrored() ? "design.mirrored"
                : design.decoder().equals(experiment.defaultDesign().decoder()) ? "design.recipe" : "design.edited"));
        summary.setText(getTranslation("design.summary", analysis.parameters(),
                String.format(getLocale(), "%.1f", analysis.multiplyAdds() / 1e6),
                String.format(getLocale(), "%.1f",
                        (double) analysis.multiplyAdds() / NetworkDesign.REFERENCE_MULTIPLY_ADDS)));
        designProblems.removeAll();
        List<DesignAnalysis.Problem> whole = new ArrayList<>(analysis.problemsAt("design"));
        whole.addAll(analysis.problemsAt("encoder"));
        whole.addAll(analysis.problemsAt("decoder"));
        whole.forEach(problem -> designProblems.add(error(problem)));
        if (analysis.valid()) {
            listing.setText(PyTorchListing.of(design));
            listing.setVisible(true);
            listingNote.setVisible(false);
            copy.setEnabled(true);
        } else {
            listing.setText("");
            listing.setVisible(false);
            listingNote.setText(getTranslation("design.pytorch.invalid"));
            listingNote.setVisible(true);
            copy.setEnabled(false);
        }
    }

    private void fill(Div box, DesignAnalysis analysis, String field) {
        box.removeAll();
        box.add(Architecture.lines(this, analysis.layersOf(field)).toArray(Component[]::new));
        analysis.problemsAt(field).forEach(problem -> box.add(error(problem)));
    }

    private void mark(HasValidation field, List<DesignAnalysis.Problem> problems) {
        field.setInvalid(!problems.isEmpty());
        field.setErrorMessage(problems.isEmpty() ? null : message(problems.getFirst()));
    }

    private String message(DesignAnalysis.Problem problem) {
        return getTranslation(problem.messageKey(), problem.arguments().toArray());
    }

    private Paragraph error(DesignAnalysis.Problem problem) {
        Paragraph error = new Paragraph(message(problem));
        error.addClassName("ll-design-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("margin-block", "0.25em");
        return error;
    }

    private StageEditor editor(String part, Stage stage) {
        return new StageEditor(part, stage);
    }

    /**
     * The fields of one stage, its layers with their shapes, and its problems. An encoder stage chooses how its
     * pooling rounds odd sizes, a decoder stage whether its convolution is valid: what each part needs to follow
     * the lesson's recipe (7 -> 4 in the encoder, 16 -> 14 in the decoder). The other choice keeps the stage's.
     */
    private final class StageEditor {

        private final String part;
        private final Stage initial;
        private final IntegerField channels = new IntegerField();
        private final Select<Integer> kernel = new Select<>();
        private final Checkbox resize = new Checkbox();
        /** The encoder's: whether the pooling rounds odd sizes up (pads) instead of down. */
        private final Checkbox roundUp = new Checkbox();
        /** The decoder's: whether the convolution is valid (no padding) instead of same. */
        private final Checkbox valid = new Checkbox();
        private final Div layers = new Div();
        private final Div problems = new Div();

        StageEditor(String part, Stage stage) {
            this.part = part;
            this.initial = stage;
            channels.setLabel(getTranslation("design.field.channels"));
            channels.setValue(stage.channels());
            channels.setWidth("8em");
            kernel.setLabel(getTranslation("design.field.kernel"));
            kernel.setItems(KERNELS);
            kernel.setItemLabelGenerator(k -> k + "×" + k);
            kernel.setValue(KERNELS.contains(stage.kernel()) ? stage.kernel() : 3);
            kernel.setWidth("7em");
            resize.setLabel(getTranslation(inEncoder() ? "design.field.pool" : "design.field.upsample"));
            resize.setValue(stage.resize());
            roundUp.setLabel(getTranslation("design.field.roundUp"));
            roundUp.setValue(stage.rounding() == Rounding.UP);
            // It only says how the pooling rounds: without pooling there is nothing to round.
            roundUp.setEnabled(stage.resize());
            valid.setLabel(getTranslation("design.field.valid"));
            valid.setValue(stage.padding() == Padding.VALID);
            channels.addValueChangeListener(e -> edited());
            kernel.addValueChangeListener(e -> edited());
            resize.addValueChangeListener(e -> {
                roundUp.setEnabled(resize.getValue());
                edited();
            });
            roundUp.addValueChangeListener(e -> edited());
            valid.addValueChangeListener(e -> edited());
        }

        private boolean inEncoder() {
            return part.equals("encoder");
        }

        private void edited() {
            if (filling) {
                return;
            }
            if (!inEncoder()) {
                followEncoder = false;
                refresh();
            } else if (followEncoder) {
                decoderFollows();
            } else {
                refresh();
            }
        }

        Stage value() {
            Stage stage = new Stage(Optional.ofNullable(channels.getValue()).orElse(0),
                    Optional.ofNullable(kernel.getValue()).orElse(3), resize.getValue(), initial.padding(),
                    initial.rounding());
            return inEncoder() ? stage.withRounding(roundUp.getValue() ? Rounding.UP : Rounding.DOWN)
                    : stage.withPadding(valid.getValue() ? Padding.VALID : Padding.SAME);
        }

        Div layout(int index) {
            String id = "design-" + part + "-" + index;
            channels.setId(id + "-channels");
            kernel.setId(id + "-kernel");
            resize.setId(id + "-resize");
            roundUp.setId(id + "-round");
            valid.setId(id + "-valid");
            List<StageEditor> list = inEncoder() ? encoder : decoder;
            Button remove = new Button(getTranslation("design.removeStage"), e -> {
                list.remove(this);
                if (!inEncoder()) {
                    followEncoder = false;
                }
                stagesChanged();
            });
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("design.removeStage.label",
                    index + 1));
            remove.setId(id + "-remove");
            HorizontalLayout fields = inEncoder() ? new HorizontalLayout(channels, kernel, resize, roundUp, remove)
                    : new HorizontalLayout(channels, kernel, resize, valid, remove);
            fields.setAlignItems(Alignment.BASELINE);
            fields.getStyle().set("flex-wrap", "wrap");
            Div stage = new Div();
            stage.setId(id);
            stage.addClassName("ll-design-stage");
            stage.getElement().setAttribute("role", "group");
            stage.getElement().setAttribute("aria-label", getTranslation("design.stage", index + 1));
            stage.getStyle().set("margin-block", "0.5em");
            Paragraph label = new Paragraph(getTranslation("design.stage", index + 1));
            label.getStyle().set("font-weight", "600").set("margin", "0");
            layers.setId(id + "-layers");
            problems.setId(id + "-problems");
            stage.add(label, fields, layers, problems);
            return stage;
        }

        void show(DesignAnalysis analysis, String field) {
            layers.removeAll();
            layers.add(Architecture.lines(DesignView.this, analysis.layersOf(field)).toArray(Component[]::new));
            problems.removeAll();
            List<DesignAnalysis.Problem> found = analysis.problemsAt(field);
            found.forEach(problem -> problems.add(error(problem)));
            boolean badChannels = found.stream().anyMatch(p -> p.messageKey().equals("design.error.channels")
                    || p.messageKey().equals("design.error.outputChannels"));
            channels.setInvalid(badChannels);
        }
    }
}
