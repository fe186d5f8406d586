package org.latentlab.challenge.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;

import org.latentlab.challenge.Ballot;
import org.latentlab.challenge.Submission;
import org.latentlab.ml.DigitImages;
import org.latentlab.playground.LatentSpace;
import org.latentlab.music.ui.MelodyView;

/** Entries of an image challenge: an answer is the pictures its codes decode to with the challenge's model. */
final class ImageEntryRenderer extends EntryRenderer {

    private final LatentSpace space;
    /** A submission never changes: its pictures are decoded once per page, not on every live update. */
    private final Map<Long, List<String>> pictures = new HashMap<>();

    ImageEntryRenderer(Component page, LatentSpace space) {
        super(page);
        this.space = space;
    }

    @Override
    Component ballotAnswer(Ballot.Entry entry, String label, MelodyView player) {
        Div images = new Div();
        images.addClassName("ll-leaderboard-images");
        images.add(thumbnails(entry.submissionId(), entry.vectors(), label).toArray(Component[]::new));
        return images;
    }

    @Override
    List<Component> leaderboardAnswer(Submission counted, MelodyView player) {
        return thumbnails(counted.id(), counted.vectors(),
                page.getTranslation("challenge.entryAlt", counted.studentName()));
    }

    private List<Component> thumbnails(long submissionId, List<float[]> vectors, String description) {
        List<String> urls = pictures.computeIfAbsent(submissionId,
                id -> vectors.stream().map(code -> DigitImages.dataUrl(space.decode(code).pixels())).toList());
        return urls.stream().<Component>map(url -> {
            Image image = new Image(url, description);
            image.addClassNames("ll-digit", "ll-leaderboard-digit");
            return image;
        }).toList();
    }
}
