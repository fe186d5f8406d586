package org.latentlab.challenge.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.music.MelodyCorpus;
import org.latentlab.ml.DigitImages;
import org.latentlab.music.ui.MelodyView;

/**
 * What the challenge asks, as everyone sees it: its title, state, class, deadline and rules; a melody morph's two
 * tunes; a repair's damaged digit, and its original for the teacher and, once revealed, for the students.
 */
final class ChallengeHeader extends Div {

    private final ChallengeSubmissions submissions;
    private final boolean manager;

    ChallengeHeader(ChallengeSubmissions submissions, boolean manager) {
        this.submissions = submissions;
        this.manager = manager;
        setId("challenge-header");
    }

    void show(Challenge challenge) {
        removeAll();
        H1 title = new H1(ChallengeTexts.title(this, challenge));
        title.addClassName("ll-page-title");
        Span state = new Span(ChallengeTexts.state(this, challenge));
        state.setId("challenge-state");
        state.addClassNames("ll-state", "ll-state-" + challenge.state().name().toLowerCase(Locale.ROOT));
        Paragraph when = new Paragraph(getTranslation("challenge.details", challenge.className(),
                ChallengeTexts.when(challenge.closesAt()),
                getTranslation("challenge.keep." + challenge.keep().name().toLowerCase(Locale.ROOT))));
        when.addClassName("ll-field-note");
        Paragraph rules = new Paragraph(ChallengeTexts.rules(this, challenge));
        rules.setId("challenge-rules");
        rules.addClassName("ll-notice");
        add(title, state, when, rules);
        switch (challenge.kind()) {
            case MELODY_MORPH -> add(tune("challenge-tune-a", "A", challenge.settings().from()),
                    tune("challenge-tune-b", "B", challenge.settings().to()));
            case REPAIR -> add(repairPictures(challenge));
            default -> {
            }
        }
    }

    private MelodyView tune(String id, String letter, int entry) {
        MelodyView tune = new MelodyView();
        tune.setId(id);
        tune.show(MelodyCorpus.melody(entry), letter + ": " + ChallengeTexts.tuneTitle(entry));
        return tune;
    }

    private Div repairPictures(Challenge challenge) {
        Div pictures = new Div();
        pictures.addClassName("ll-widget-images");
        pictures.add(picture(submissions.damagedDigit(challenge.id()), "challenge.damaged", "challenge-damaged"));
        if (manager || challenge.revealed()) {
            pictures.add(picture(submissions.hiddenOriginal(challenge.id()), "challenge.original",
                    "challenge-original"));
        }
        return pictures;
    }

    private Div picture(float[] pixels, String captionKey, String id) {
        Image image = new Image(DigitImages.dataUrl(pixels), getTranslation(captionKey));
        image.addClassName("ll-digit");
        image.setWidth("112px");
        image.setHeight("112px");
        Div box = new Div(image, new Span(getTranslation(captionKey)));
        box.addClassName("ll-digit-picture");
        box.setId(id);
        return box;
    }
}
