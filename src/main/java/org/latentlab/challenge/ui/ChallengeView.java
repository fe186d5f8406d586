package org.latentlab.challenge.ui;

import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.InvalidInputException;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeExport;
import org.latentlab.challenge.ChallengeFeed;
import org.latentlab.challenge.ChallengeLeaderboard;
import org.latentlab.challenge.ChallengeLifecycle;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.ChallengeVotes;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.widgets.WarmingUp;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One challenge. Its teacher controls it ({@link ChallengeControls}) and watches the leaderboard fill live; a student
 * builds an answer on the {@link Workbench} of the challenge's kind, submits, and sees their history and, once
 * revealed, the leaderboard. The history, the ballot and the leaderboard show their entries with one
 * {@link EntryRenderer}. Every change to the challenge reaches open pages by server push.
 */
@Route("challenges/:challengeId")
@PermitAll
public class ChallengeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ChallengeLifecycle lifecycle;
    private final ChallengeSubmissions submissions;
    private final ChallengeLeaderboard leaderboard;
    private final ChallengeVotes votes;
    private final ChallengeExport export;
    private final LatentSpaces spaces;
    private final ChallengeFeed feed;
    private final DeepLearningEngine engine;
    private Challenge challenge;
    private ChallengeHeader header;
    private ChallengeControls controls;
    /** The student's parts; a teacher has neither. */
    private Workbench workbench;
    private HistoryPanel history;
    private BallotPanel ballot;
    private LeaderboardPanel board;
    private Runnable unsubscribe;

    ChallengeView(ChallengeLifecycle lifecycle, ChallengeSubmissions submissions, ChallengeLeaderboard leaderboard,
            ChallengeVotes votes, ChallengeExport export, LatentSpaces spaces, ChallengeFeed feed,
            DeepLearningEngine engine) {
        this.lifecycle = lifecycle;
        this.submissions = submissions;
        this.leaderboard = leaderboard;
        this.votes = votes;
        this.export = export;
        this.spaces = spaces;
        this.feed = feed;
        this.engine = engine;
        addClassName("ll-page");
        setId("challenge-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().get("challengeId").flatMap(ChallengeView::number);
        try {
            challenge = lifecycle.get(id.orElseThrow(() -> new InvalidInputException("challenge",
                    "challenge.notFound")));
        } catch (InvalidInputException missing) {
            challenge = null;
            add(new H1(getTranslation("challenge.notFoundTitle")), new Paragraph(getTranslation(missing.messageKey())),
                    new RouterLink(getTranslation("challenge.back"), ChallengesView.class));
            return;
        }
        boolean manager = lifecycle.runs(challenge.id());
        // Pictures and melodies are decoded by the models: while they load after a start, the page waits for them.
        if (WarmingUp.holdsPage(this, engine)) {
            return;
        }
        EntryRenderer entries;
        if (challenge.kind().musical()) {
            entries = new MusicEntryRenderer(this, submissions);
            workbench = manager ? null : new MusicWorkbench(challenge, submissions, this::refresh);
        } else {
            LatentSpace space = spaces.open(challenge.modelId());
            entries = new ImageEntryRenderer(this, space);
            workbench = manager ? null : new ImageWorkbench(challenge, space, submissions, this::refresh);
        }
        header = new ChallengeHeader(submissions, manager);
        controls = new ChallengeControls(lifecycle, export, manager);
        history = manager ? null : new HistoryPanel(submissions, entries);
        ballot = new BallotPanel(votes, entries, manager, this::refresh);
        board = new LeaderboardPanel(leaderboard, entries, manager);
        add(new RouterLink(getTranslation("challenge.back"), ChallengesView.class), header, controls);
        if (workbench != null) {
            add(workbench, history);
        }
        add(ballot, board);
        refresh();
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return (challenge == null ? getTranslation("challenges.title") : ChallengeTexts.title(this, challenge)) + " · "
                + getTranslation("app.name");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (challenge == null) {
            return;
        }
        UI ui = attach.getUI();
        SecurityContext viewer = SecurityContextHolder.getContext();
        long id = challenge.id();
        unsubscribe = feed.subscribe(id, change -> ui.access(() ->
                new DelegatingSecurityContextRunnable(this::refresh, viewer).run()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    /** Reads the challenge again and redraws what may have changed: state, controls, history, vote, leaderboard. */
    private void refresh() {
        challenge = lifecycle.get(challenge.id());
        header.show(challenge);
        controls.show(challenge);
        if (workbench != null) {
            history.show(challenge);
            workbench.show(challenge);
        }
        ballot.show(challenge);
        board.show(challenge);
    }
}
