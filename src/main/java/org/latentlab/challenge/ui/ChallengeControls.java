package org.latentlab.challenge.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.latentlab.base.InvalidInputException;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeExport;
import org.latentlab.challenge.ChallengeLifecycle;
import org.latentlab.challenge.ChallengeState;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The teacher's controls: pause, resume, close and reveal, as the challenge's state allows, and the results as CSV;
 * empty for students. A change reaches the page, like every other page of the challenge, by server push.
 */
final class ChallengeControls extends Div {

    private final ChallengeLifecycle lifecycle;
    private final ChallengeExport export;
    private final boolean manager;

    ChallengeControls(ChallengeLifecycle lifecycle, ChallengeExport export, boolean manager) {
        this.lifecycle = lifecycle;
        this.export = export;
        this.manager = manager;
        setId("challenge-controls");
    }

    void show(Challenge challenge) {
        removeAll();
        if (!manager) {
            return;
        }
        long id = challenge.id();
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        if (challenge.state() == ChallengeState.OPEN) {
            buttons.add(action("challenge.pause", "challenge-pause", id, lifecycle::pause));
        }
        if (challenge.state() == ChallengeState.PAUSED) {
            buttons.add(action("challenge.resume", "challenge-resume", id, lifecycle::resume));
        }
        if (challenge.state() != ChallengeState.CLOSED) {
            buttons.add(action("challenge.close", "challenge-close", id, lifecycle::close));
        }
        if (challenge.state() == ChallengeState.CLOSED && !challenge.revealed()) {
            // Results are revealed once the challenge has closed, never while students can still submit.
            buttons.add(action("challenge.reveal", "challenge-reveal", id, lifecycle::reveal));
        }
        buttons.add(csv(id));
        add(buttons);
    }

    private Button action(String key, String buttonId, long challengeId, LongFunction<Challenge> change) {
        Button button = new Button(getTranslation(key), e -> {
            try {
                change.apply(challengeId);
            } catch (InvalidInputException refused) {
                add(new Paragraph(getTranslation(refused.messageKey(), refused.arguments())));
            }
        });
        button.setId(buttonId);
        return button;
    }

    private Anchor csv(long id) {
        Anchor csv = new Anchor();
        csv.setText(getTranslation("challenge.csv"));
        csv.setId("challenge-csv");
        SecurityContext viewer = SecurityContextHolder.getContext();
        csv.setHref(DownloadHandler.fromInputStream(event -> {
            // Downloads run outside the UI's request: sign the teacher in for the service's checks.
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(viewer);
            try {
                byte[] bytes = export.csv(id).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(bytes), "challenge-" + id + ".csv",
                        "text/csv;charset=UTF-8", bytes.length);
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }), AttachmentType.DOWNLOAD);
        return csv;
    }
}
