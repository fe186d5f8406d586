package org.latentlab.challenge.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeKind;
import org.latentlab.challenge.ChallengeSettings;
import org.latentlab.challenge.ChallengeLifecycle;
import org.latentlab.challenge.KeepPolicy;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.classroom.ui.ClassPicker;

/**
 * The challenges of one's classes: a teacher opens new ones (kind, its settings, model, duration, which submission
 * counts) and sees them all; a student sees those of the classes they are in, open ones first.
 */
@Route("challenges")
@Menu(order = 50, icon = "vaadin:trophy", title = "nav.challenges")
@PermitAll
public class ChallengesView extends FeaturePage {

    static final List<String> MODELS = List.of("shipped:vae-2d", "shipped:conv-vae", "shipped:vae");

    private final ChallengeLifecycle lifecycle;
    private final ClassroomService classrooms;
    private final Div list = new Div();

    ChallengesView(ChallengeLifecycle lifecycle, ClassroomService classrooms, CurrentUser currentUser) {
        super("challenges.title", "challenges.intro");
        this.lifecycle = lifecycle;
        this.classrooms = classrooms;
        setId("challenges-view");
        list.setId("challenge-list");
        list.addClassName("ll-challenge-list");
        if (currentUser.require().isTeacher()) {
            add(new H2(getTranslation("challenge.new")), form());
        }
        add(new H2(getTranslation("challenge.list")), list);
        showList();
    }

    private void showList() {
        list.removeAll();
        List<Challenge> mine = lifecycle.mine();
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("challenge.none")));
            return;
        }
        mine.stream().sorted(java.util.Comparator.comparing((Challenge c) -> !c.open())).forEach(challenge -> {
            RouterLink link = new RouterLink(ChallengeTexts.title(this, challenge), ChallengeView.class,
                    new RouteParameters("challengeId", Long.toString(challenge.id())));
            link.setId("challenge-link-" + challenge.id());
            Span state = new Span(ChallengeTexts.state(this, challenge));
            state.addClassNames("ll-state", "ll-state-" + challenge.state().name().toLowerCase(java.util.Locale.ROOT));
            Span details = new Span(getTranslation("challenge.listDetails", challenge.className(),
                    ChallengeTexts.when(challenge.closesAt())));
            details.addClassName("ll-field-note");
            Div card = new Div(link, state, details);
            card.addClassName("ll-challenge-card");
            list.add(card);
        });
    }

    private FormLayout form() {
        ClassPicker classes = new ClassPicker(classrooms, "challenge-class");
        classes.setLabel(getTranslation("challenge.field.class"));
        classes.chooseFirst();
        Select<ChallengeKind> kind = new Select<>();
        kind.setLabel(getTranslation("challenge.field.kind"));
        kind.setId("challenge-kind");
        kind.setItems(ChallengeKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("challenge.kind." + k.name().toLowerCase(java.util.Locale.ROOT)));
        kind.setValue(ChallengeKind.DIGIT);
        IntegerField digit = digitField("challenge.field.digit", "challenge-digit", 7);
        IntegerField threshold = new IntegerField(getTranslation("challenge.field.threshold"));
        threshold.setId("challenge-threshold");
        threshold.setValue(80);
        IntegerField from = digitField("challenge.field.from", "challenge-from", 1);
        IntegerField to = digitField("challenge.field.to", "challenge-to", 7);
        IntegerField steps = new IntegerField(getTranslation("challenge.field.steps",
                ChallengeSettings.MIN_STEPS, ChallengeSettings.MAX_STEPS));
        steps.setId("challenge-steps");
        steps.setValue(6);
        Checkbox lowResolution = new Checkbox(getTranslation("challenge.field.lowResolution"));
        lowResolution.setId("challenge-low-resolution");
        NumberField noise = new NumberField(getTranslation("challenge.field.noise"));
        noise.setId("challenge-noise");
        noise.setValue(0.5);
        noise.setStep(0.05);
        Select<String> model = new Select<>();
        model.setLabel(getTranslation("challenge.field.model"));
        model.setId("challenge-model");
        model.setItems(MODELS);
        model.setItemLabelGenerator(id -> getTranslation("playground.shipped." + id.substring("shipped:".length())));
        model.setValue(MODELS.getFirst());
        List<org.latentlab.music.MelodyCorpus.Entry> tunes = org.latentlab.music.MelodyCorpus
                .entries();
        Select<Integer> tuneFrom = tunePicker("challenge.field.tuneFrom", "challenge-tune-from", tunes, 0);
        Select<Integer> tuneTo = tunePicker("challenge.field.tuneTo", "challenge-tune-to", tunes,
                Math.min(5, tunes.size() - 1));
        IntegerField minutes = new IntegerField(getTranslation("challenge.field.minutes",
                ChallengeLifecycle.MIN_MINUTES, ChallengeLifecycle.MAX_MINUTES));
        minutes.setId("challenge-minutes");
        minutes.setValue(15);
        RadioButtonGroup<KeepPolicy> keep = new RadioButtonGroup<>(getTranslation("challenge.field.keep"));
        keep.setId("challenge-keep");
        keep.setItems(KeepPolicy.values());
        keep.setItemLabelGenerator(k -> getTranslation("challenge.keep." + k.name().toLowerCase(java.util.Locale.ROOT)));
        keep.setValue(KeepPolicy.BEST);
        Checkbox classVote = new Checkbox(getTranslation("challenge.field.classVote"));
        classVote.setId("challenge-class-vote");
        classVote.setHelperText(getTranslation("challenge.field.classVoteHelp"));
        Runnable showFields = () -> {
            ChallengeKind k = kind.getValue();
            digit.setVisible(k == ChallengeKind.DIGIT);
            threshold.setVisible(k == ChallengeKind.DIGIT);
            from.setVisible(k == ChallengeKind.MORPH);
            to.setVisible(k == ChallengeKind.MORPH);
            steps.setVisible(k == ChallengeKind.MORPH);
            lowResolution.setVisible(k == ChallengeKind.REPAIR);
            noise.setVisible(k == ChallengeKind.REPAIR && !lowResolution.getValue());
            tuneFrom.setVisible(k == ChallengeKind.MELODY_MORPH);
            tuneTo.setVisible(k == ChallengeKind.MELODY_MORPH);
            model.setVisible(!k.musical());
        };
        kind.addValueChangeListener(e -> showFields.run());
        lowResolution.addValueChangeListener(e -> showFields.run());
        showFields.run();
        FieldErrors errors = new FieldErrors(this).field("classId", classes).field("digit", digit)
                .field("threshold", threshold).field("from", from).field("to", to).field("steps", steps)
                .field("noiseLevel", noise).field("minutes", minutes).field("model", model);
        // For a melody morph, a "to" problem is about the tunes.
        kind.addValueChangeListener(e -> errors.field("to", e.getValue() == ChallengeKind.MELODY_MORPH ? tuneTo : to));
        Button open = new Button(getTranslation("challenge.open"), e -> {
            errors.clear();
            try {
                if (classes.getValue() == null) {
                    throw new InvalidInputException("classId", "challenge.classUnknown");
                }
                boolean melodyMorph = kind.getValue() == ChallengeKind.MELODY_MORPH;
                ChallengeSettings settings = new ChallengeSettings(kind.getValue(), value(digit), value(threshold),
                        melodyMorph ? tuneFrom.getValue() : value(from), melodyMorph ? tuneTo.getValue() : value(to),
                        value(steps), lowResolution.getValue(),
                        noise.getValue() == null ? Double.NaN : noise.getValue(), 0);
                Challenge created = lifecycle.create(classes.getValue().id(), settings, model.getValue(),
                        keep.getValue(), value(minutes), classVote.getValue());
                getUI().ifPresent(ui -> ui.navigate(ChallengeView.class,
                        new RouteParameters("challengeId", Long.toString(created.id()))));
            } catch (InvalidInputException refused) {
                errors.show(refused);
            }
        });
        open.setId("challenge-open");
        open.addThemeVariants(ButtonVariant.PRIMARY);
        open.setEnabled(!classes.hasNoClasses());
        FormLayout form = new FormLayout(classes, kind, digit, threshold, from, to, steps, lowResolution, noise,
                tuneFrom, tuneTo, model, minutes, keep, classVote, open);
        form.setId("challenge-form");
        form.setMaxWidth("56em");
        if (classes.hasNoClasses()) {
            form.add(new Paragraph(getTranslation("challenge.noClasses")));
        }
        return form;
    }

    private Select<Integer> tunePicker(String key, String id,
            List<org.latentlab.music.MelodyCorpus.Entry> tunes, int value) {
        Select<Integer> picker = new Select<>();
        picker.setLabel(getTranslation(key));
        picker.setId(id);
        picker.setItems(java.util.stream.IntStream.range(0, tunes.size()).boxed().toList());
        picker.setItemLabelGenerator(i -> tunes.get(i).tune().fullTitle());
        picker.setValue(value);
        return picker;
    }

    private IntegerField digitField(String key, String id, int value) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setId(id);
        field.setValue(value);
        field.setStepButtonsVisible(true);
        return field;
    }

    /** An empty field becomes a value the service refuses with the field's own message. */
    private static int value(IntegerField field) {
        return field.getValue() == null ? Integer.MIN_VALUE : field.getValue();
    }
}
