package org.latentlab.challenge.ui;

import com.vaadin.flow.component.Component;

import org.latentlab.challenge.Challenge;

/**
 * Where a student builds an answer, sees what the server would make of it, and submits it: one implementation per
 * kind of challenge, which the page chooses once ({@link ImageWorkbench}: points on the model's latent map;
 * {@link MusicWorkbench}: sliders over the melody model's code).
 */
sealed interface Workbench permits ImageWorkbench, MusicWorkbench {

    /** The workbench as a part of the page. */
    Component component();

    /** The challenge has changed (paused, resumed, closed): answers can be submitted only while it is open. */
    void show(Challenge challenge);
}
