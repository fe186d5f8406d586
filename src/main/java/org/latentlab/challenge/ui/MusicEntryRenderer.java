package org.latentlab.challenge.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

import org.latentlab.challenge.Ballot;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.Submission;
import org.latentlab.music.ui.MelodyView;

/**
 * Entries of a music challenge: an answer is a Listen button that decodes its melodies with the melody model and
 * plays them in the panel's player (hidden until the first Listen; a live update keeps it as it is).
 */
final class MusicEntryRenderer extends EntryRenderer {

    private final ChallengeSubmissions submissions;

    MusicEntryRenderer(Component page, ChallengeSubmissions submissions) {
        super(page);
        this.submissions = submissions;
    }

    @Override
    Component ballotAnswer(Ballot.Entry entry, String label, MelodyView player) {
        Button listen = listen(entry.vectors(), label, player);
        listen.setId("challenge-ballot-listen-" + entry.number());
        return listen;
    }

    @Override
    List<Component> leaderboardAnswer(Submission counted, MelodyView player) {
        return List.of(listen(counted.vectors(), counted.studentName(), player));
    }

    private Button listen(List<float[]> vectors, String title, MelodyView player) {
        Button listen = new Button(page.getTranslation("challenge.music.listen"), e -> {
            player.setVisible(true);
            player.show(submissions.melodyCodec().decode(vectors), title);
        });
        listen.addThemeVariants(ButtonVariant.TERTIARY);
        return listen;
    }
}
