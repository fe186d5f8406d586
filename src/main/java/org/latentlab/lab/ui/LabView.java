package org.latentlab.lab.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.ml.Corruption;
import org.latentlab.ml.DataSplit;
import org.latentlab.ml.DatasetName;
import org.latentlab.ml.ImageSet;
import org.latentlab.ml.TrainingConfig;
import org.latentlab.quiz.QuizRoutes;
import org.latentlab.lab.Experiment;
import org.latentlab.lab.LabRoutes;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunSummary;
import org.latentlab.lab.TrainingProperties;

/**
 * The Lab: pick one of the lesson's experiments, adjust its settings within bounds (each field says at once what
 * is wrong with it) and start training on the server. The lesson links here with {@code ?experiment=<name>}.
 */
@Route("lab")
@Menu(order = 30, icon = "vaadin:flask", title = "nav.lab")
@PermitAll
public class LabView extends FeaturePage implements BeforeEnterObserver {

    private final LabRuns runs;
    private final CurrentUser currentUser;
    private final Div experiments = new Div();
    private final Div panel = new Div();
    private final Div active = new Div();
    private final int trainDigits;
    private final long maxExamples;

    LabView(LabRuns runs, CurrentUser currentUser, TrainingProperties training) {
        super("lab.title", "lab.intro");
        this.runs = runs;
        this.currentUser = currentUser;
        this.maxExamples = training.maxExamples();
        this.trainDigits = DataSplit.of(ImageSet.load(DatasetName.MNIST)).train().length;
        experiments.addClassName("ll-experiment-list");
        experiments.setId("lab-experiments");
        panel.addClassName("ll-experiment-panel");
        panel.setId("lab-panel");
        active.setId("lab-active");
        add(active, links(), experiments, panel);
        setId("lab-view");
    }

    private HorizontalLayout links() {
        HorizontalLayout links = new HorizontalLayout(new RouterLink(getTranslation("lab.myRuns"), MyRunsView.class));
        if (currentUser.get().map(u -> u.isTeacher()).orElse(false)) {
            links.add(new RouterLink(getTranslation("lab.queue"), TrainingQueueView.class),
                    new RouterLink(getTranslation("lab.assignments"), AssignmentsView.class));
        }
        links.addClassName("ll-links");
        return links;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> asked = event.getLocation().getQueryParameters().getSingleParameter("experiment");
        Experiment experiment = asked.flatMap(Experiment::bySlug).orElse(Experiment.DENSE_AE);
        showActiveRuns();
        showExperiments(experiment);
        showPanel(experiment, asked.isPresent() && Experiment.bySlug(asked.get()).isEmpty());
    }

    private void showActiveRuns() {
        active.removeAll();
        List<RunSummary> mine = runs.myRuns().stream().filter(r -> !r.state().ended()).toList();
        for (RunSummary run : mine) {
            Paragraph line = new Paragraph(getTranslation("lab.activeRun", getTranslation(run.experiment()
                    .messageKey())) + " ");
            line.add(new RouterLink(getTranslation("lab.openRun"), RunView.class, RunView.parameters(run.id())));
            line.addClassName("ll-notice");
            active.add(line);
        }
    }

    private void showExperiments(Experiment selected) {
        experiments.removeAll();
        for (Experiment experiment : Experiment.values()) {
            Anchor card = new Anchor(LabRoutes.experiment(experiment.slug()), getTranslation(experiment.messageKey()));
            card.addClassName("ll-experiment-card");
            card.getElement().setAttribute("data-experiment", experiment.slug());
            if (experiment == selected) {
                card.addClassName("ll-selected");
                card.getElement().setAttribute("aria-current", "page");
            }
            experiments.add(card);
        }
    }

    private void showPanel(Experiment experiment, boolean unknownAsked) {
        panel.removeAll();
        if (unknownAsked) {
            Paragraph unknown = new Paragraph(getTranslation("lab.experiment.unknown"));
            unknown.addClassName("ll-notice");
            panel.add(unknown);
        }
        H2 title = new H2(getTranslation(experiment.messageKey()));
        title.setId("lab-experiment-title");
        panel.add(title, new Paragraph(getTranslation(experiment.aboutKey())));
        if (experiment.isAssignment()) {
            Paragraph assignment = new Paragraph(getTranslation("lab.assignment.explain"));
            assignment.addClassName("ll-notice");
            panel.add(assignment);
        }
        experiment.labQuizId().ifPresent(quiz -> {
            Anchor link = new Anchor(QuizRoutes.quiz(quiz), getTranslation("lab.quizLink"));
            link.setId("lab-quiz-link");
            panel.add(new Paragraph(link));
        });
        if (experiment.designable()) {
            // The assignment asks for a network of one's own: the designer composes it layer by layer.
            Anchor design = new Anchor(LabRoutes.design(experiment.slug()), getTranslation("design.open"));
            design.setId("lab-design-link");
            Paragraph designLine = new Paragraph(design);
            designLine.addClassName("ll-notice");
            panel.add(designLine);
        }
        panel.add(form(experiment));
        LabRuns.StorageUse storage = runs.myStorage();
        Paragraph used = new Paragraph(getTranslation("lab.storage", storage.usedMegabytes(),
                storage.quotaMegabytes()));
        used.addClassName("ll-muted");
        used.setId("lab-storage");
        panel.add(used);
    }

    /** The settings a student may change; the bounds are the training service's own. */
    static final class Settings {
        Integer epochs;
        Integer batchSize;
        Double learningRate;
        Integer latentSize;
        Double noiseLevel;
        Integer seed;
        Integer digits;
    }

    private Settings defaults(Experiment experiment) {
        TrainingConfig defaults = experiment.defaults();
        Settings settings = new Settings();
        settings.epochs = defaults.epochs();
        settings.batchSize = defaults.batchSize();
        settings.learningRate = defaults.learningRate();
        settings.latentSize = defaults.effectiveLatentSize();
        settings.noiseLevel = defaults.noiseLevel();
        settings.seed = (int) defaults.seed();
        settings.digits = trainDigits;
        return settings;
    }

    private Div form(Experiment experiment) {
        TrainingConfig defaults = experiment.defaults();
        Settings settings = defaults(experiment);

        IntegerField epochs = integer("lab.field.epochs", "epochs");
        IntegerField batchSize = integer("lab.field.batchSize", "batchSize");
        NumberField learningRate = new NumberField(getTranslation("lab.field.learningRate"));
        learningRate.setId("field-learningRate");
        learningRate.setStep(0.0001);
        IntegerField latentSize = integer("lab.field.latentSize", "latentSize");
        NumberField noiseLevel = new NumberField(getTranslation("lab.field.noiseLevel"));
        noiseLevel.setId("field-noiseLevel");
        noiseLevel.setStep(0.05);
        IntegerField seed = integer("lab.field.seed", "seed");
        IntegerField digits = integer("lab.field.digits", "digits");
        digits.setHelperText(getTranslation("lab.field.digits.help", trainDigits));
        epochs.setHelperText(getTranslation("lab.field.range", 1, TrainingConfig.MAX_EPOCHS));
        batchSize.setHelperText(getTranslation("lab.field.range", TrainingConfig.MIN_BATCH, TrainingConfig.MAX_BATCH));
        latentSize.setHelperText(getTranslation("lab.field.range", 1, TrainingConfig.MAX_LATENT));

        Binder<Settings> binder = new Binder<>();
        binder.forField(epochs)
                .withValidator(v -> v != null && v >= 1 && v <= TrainingConfig.MAX_EPOCHS,
                        getTranslation("training.config.epochs", 1, TrainingConfig.MAX_EPOCHS))
                .bind(s -> s.epochs, (s, v) -> s.epochs = v);
        binder.forField(batchSize)
                .withValidator(v -> v != null && v >= TrainingConfig.MIN_BATCH && v <= TrainingConfig.MAX_BATCH,
                        getTranslation("training.config.batchSize", TrainingConfig.MIN_BATCH,
                                TrainingConfig.MAX_BATCH))
                .bind(s -> s.batchSize, (s, v) -> s.batchSize = v);
        binder.forField(learningRate)
                .withValidator(v -> v != null && Double.isFinite(v) && v > 0 && v <= TrainingConfig.MAX_LEARNING_RATE,
                        getTranslation("training.config.learningRate", "0", TrainingConfig.MAX_LEARNING_RATE))
                .bind(s -> s.learningRate, (s, v) -> s.learningRate = v);
        binder.forField(seed)
                .withValidator(v -> v != null && v >= 0, getTranslation("lab.field.seed.invalid"))
                .bind(s -> s.seed, (s, v) -> s.seed = v);
        binder.forField(digits)
                .withValidator(v -> v != null && v >= 64 && v <= trainDigits,
                        getTranslation("training.config.trainLimit", 64, trainDigits))
                .bind(s -> s.digits, (s, v) -> s.digits = v);
        FormLayout fields = new FormLayout(epochs, batchSize, learningRate);
        if (experiment.kind().latentConfigurable()) {
            binder.forField(latentSize)
                    .withValidator(v -> v != null && v >= 1 && v <= TrainingConfig.MAX_LATENT,
                            getTranslation("training.config.latentSize", 1, TrainingConfig.MAX_LATENT))
                    .bind(s -> s.latentSize, (s, v) -> s.latentSize = v);
            fields.add(latentSize);
        }
        if (experiment.kind().corruption() == Corruption.GAUSSIAN_NOISE) {
            binder.forField(noiseLevel)
                    .withValidator(v -> v != null && v >= 0 && v <= TrainingConfig.MAX_NOISE,
                            getTranslation("training.config.noiseLevel", 0, TrainingConfig.MAX_NOISE))
                    .bind(s -> s.noiseLevel, (s, v) -> s.noiseLevel = v);
            fields.add(noiseLevel);
        }
        fields.add(seed, digits);
        // Each field is checked as soon as it changes (the Binder's default), not only when Start is pressed.
        binder.readBean(settings);

        FieldErrors errors = new FieldErrors(this).field("epochs", epochs).field("batchSize", batchSize)
                .field("learningRate", learningRate).field("latentSize", latentSize).field("noiseLevel", noiseLevel)
                .field("trainLimit", digits);
        Button start = new Button(getTranslation("lab.start"), e -> {
            if (!binder.validate().isOk() || !binder.writeBeanIfValid(settings)) {
                return;
            }
            TrainingConfig config = new TrainingConfig(experiment.kind(), DatasetName.MNIST, settings.epochs,
                    settings.batchSize, settings.learningRate,
                    experiment.kind().latentConfigurable() ? settings.latentSize : defaults.latentSize(),
                    experiment.kind().corruption() == Corruption.GAUSSIAN_NOISE ? settings.noiseLevel : 0.0,
                    settings.seed, settings.digits >= trainDigits ? 0 : settings.digits);
            try {
                RunSummary run = runs.start(experiment, config);
                getUI().ifPresent(ui -> ui.navigate(RunView.class, RunView.parameters(run.id())));
            } catch (InvalidInputException problem) {
                errors.show(problem);
            }
        });
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.setId("lab-start");
        start.setDisableOnClick(true);
        Button reset = new Button(getTranslation("lab.defaults"), e -> {
            errors.clear();
            binder.readBean(defaults(experiment));
        });
        reset.setId("lab-defaults");
        // Every run's work is bounded, so that a class's runs all finish within a lesson: say so before Start.
        Paragraph work = new Paragraph(getTranslation("lab.work.note", maxExamples, maxExamples / trainDigits,
                trainDigits));
        work.addClassName("ll-field-note");
        work.setId("lab-work-note");
        Div form = new Div(fields, work, new HorizontalLayout(start, reset));
        form.addClassName("ll-lab-form");
        // Pressing Start again after a refusal must work: the button re-enables itself after every click.
        start.addClickListener(e -> start.setEnabled(true));
        return form;
    }

    private IntegerField integer(String labelKey, String id) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId("field-" + id);
        field.setStepButtonsVisible(false);
        return field;
    }
}
