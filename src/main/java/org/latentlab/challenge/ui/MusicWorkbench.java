package org.latentlab.challenge.ui;

import java.util.List;
import java.util.Random;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import org.latentlab.base.InvalidInputException;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeKind;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.ml.Interpolation;
import org.latentlab.music.Melody;
import org.latentlab.music.MelodyCodec;
import org.latentlab.music.MelodyCorpus;
import org.latentlab.music.ui.MelodySliders;
import org.latentlab.music.ui.MelodyView;

/**
 * The workbench of a music challenge: sliders over the melody model's code and the melody they give, which "Use"
 * adds to the picks; the picked melodies in order, each to listen to. A melody morph can fill the path from tune A's
 * code to tune B's.
 */
final class MusicWorkbench extends Workbench {

    private final MelodyCodec codec;
    private final MelodyView current = new MelodyView();
    private final MelodyView chosen = new MelodyView();
    private final MelodySliders sliders;
    private float[] code;

    MusicWorkbench(Challenge challenge, ChallengeSubmissions submissions, Runnable submitted) {
        super(challenge, submissions, submitted);
        this.codec = submissions.melodyCodec();
        code = new float[codec.latentSize()];
        current.setId("challenge-melody");
        chosen.setId("challenge-chosen-melody");
        sliders = new MelodySliders(codec.latentSize(), "challenge-slider-", moved -> {
            code = moved;
            showMelody();
        });
        Button random = new Button(getTranslation("melodies.random"), e -> setCode(codec.randomCode(new Random())));
        random.setId("challenge-random");
        Button use = new Button(getTranslation("challenge.music.use"), e -> pick(code.clone()));
        use.setId("challenge-use");
        use.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(random, use, picks.removeLastButton(), picks.clearButton());
        buttons.setWrap(true);
        if (challenge.kind() == ChallengeKind.MELODY_MORPH) {
            Button fill = new Button(getTranslation("challenge.music.fillPath"), e -> fillPath());
            fill.setId("challenge-fill");
            buttons.add(fill);
        }
        buttons.add(picks.submitButton());
        add(new H2(getTranslation("challenge.workbench")),
                new Paragraph(getTranslation("challenge.music.howTo", picks.wanted())),
                current, sliders, buttons, picks.reading(), picks.list(), chosen);
        chosen.setVisible(false);
        setCode(code);
        showPicks();
    }

    private void pick(float[] picked) {
        if (picks.makeRoom()) {
            picks.add(picked);
        }
    }

    /** The picks become the path from tune A's code to tune B's, as many steps as the morph needs. */
    private void fillPath() {
        picks.replaceAll(MelodyCodec.path(codec.encode(MelodyCorpus.melody(challenge.settings().from())),
                codec.encode(MelodyCorpus.melody(challenge.settings().to())), picks.wanted(),
                Interpolation.SPHERICAL));
    }

    private void setCode(float[] next) {
        code = next.clone();
        sliders.setCode(code);
        showMelody();
    }

    private void showMelody() {
        current.show(codec.decode(code), getTranslation("melodies.current"));
    }

    @Override
    protected void showPicks() {
        picks.list().removeAll();
        picks.enableSubmit();
        List<Melody> melodies = picks.codes().isEmpty() ? List.of() : codec.decode(picks.codes());
        for (int i = 0; i < melodies.size(); i++) {
            Melody melody = melodies.get(i);
            String title = getTranslation("melodies.morphStep", i + 1, picks.wanted());
            Button show = new Button(title, e -> {
                chosen.setVisible(true);
                chosen.show(melody, title);
            });
            show.setId("challenge-pick-" + (i + 1));
            picks.list().add(show);
        }
        String count = picks.count();
        if (picks.complete()) {
            try {
                count += " " + picks.expectedScore(submissions.preview(challenge.id(), picks.codes()).score());
            } catch (InvalidInputException refused) {
                count = getTranslation(refused.messageKey(), refused.arguments());
            }
        }
        picks.reading().setText(count);
    }
}
