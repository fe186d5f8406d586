package org.latentlab.challenge.ui;

import com.vaadin.flow.component.html.Div;

import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeSubmissions;

/**
 * Where a student builds an answer, sees what the server would make of it, and submits it: one subclass per kind of
 * challenge, which the page chooses once ({@link ImageWorkbench}: points on the model's latent map;
 * {@link MusicWorkbench}: sliders over the melody model's code). What they share, the picks with their buttons,
 * count and submit, is here; a subclass adds how codes are picked and how picks are shown.
 */
abstract sealed class Workbench extends Div permits ImageWorkbench, MusicWorkbench {

    protected final Challenge challenge;
    protected final ChallengeSubmissions submissions;
    protected final Picks picks;

    Workbench(Challenge challenge, ChallengeSubmissions submissions, Runnable submitted) {
        this.challenge = challenge;
        this.submissions = submissions;
        this.picks = new Picks(this, challenge, submissions, this::showPicks, submitted);
        setId("challenge-workbench");
        addClassName("ll-challenge-workbench");
    }

    /** Shows the picks as they are now: called after every change to them. */
    protected abstract void showPicks();

    /** The challenge has changed (paused, resumed, closed): answers can be submitted only while it is open. */
    final void show(Challenge changed) {
        picks.show(changed);
    }
}
