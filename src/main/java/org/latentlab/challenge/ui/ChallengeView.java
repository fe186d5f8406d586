package org.latentlab.challenge.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.InvalidInputException;
import org.latentlab.challenge.Ballot;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeFeed;
import org.latentlab.challenge.ChallengeKind;
import org.latentlab.challenge.ChallengeState;
import org.latentlab.challenge.ChallengeExport;
import org.latentlab.challenge.ChallengeLeaderboard;
import org.latentlab.challenge.ChallengeLifecycle;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.ChallengeVotes;
import org.latentlab.challenge.LeaderboardEntry;
import org.latentlab.challenge.RuleResult;
import org.latentlab.challenge.Scored;
import org.latentlab.challenge.Submission;
import org.latentlab.challenge.music.Melody;
import org.latentlab.challenge.music.MelodyCodec;
import org.latentlab.challenge.music.MelodyCorpus;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.LoadedModel;
import org.latentlab.playground.Interpolation;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.LatentSpaces;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.ui.WarmingUp;
import org.latentlab.playground.ui.LatentMap;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One challenge. Its teacher controls it (pause, resume, close, reveal, CSV) and watches the leaderboard fill live;
 * a student builds an answer on the challenge model's latent map (each click picks a code), sees what the judge
 * reads in it, submits, and sees their history and, once revealed, the leaderboard. Every change to the challenge
 * reaches open pages by server push.
 */
@Route("challenges/:challengeId")
@PermitAll
public class ChallengeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ChallengeLifecycle lifecycle;
    private final ChallengeSubmissions submissions;
    private final ChallengeLeaderboard leaderboard;
    private final ChallengeVotes votes;
    private final ChallengeExport export;
    private final DeepLearningEngine engine;
    private final LatentSpaces spaces;
    private final ChallengeFeed feed;
    private final Div header = new Div();
    private final Div controls = new Div();
    private final Div workbench = new Div();
    private final Div history = new Div();
    private final Div board = new Div();
    private final Div vote = new Div();
    private final MelodyView voteMelody = new MelodyView();
    private final List<float[]> picks = new ArrayList<>();
    private final Div pickList = new Div();
    private final Paragraph reading = new Paragraph();
    private final Button submit = new Button();
    private final MelodyView boardMelody = new MelodyView();
    private final java.util.Map<Long, List<String>> thumbnails = new java.util.HashMap<>();
    private Challenge challenge;
    private LatentSpace space;
    private LatentMap map;
    private boolean manager;
    private Runnable unsubscribe;

    ChallengeView(ChallengeLifecycle lifecycle, ChallengeSubmissions submissions, ChallengeLeaderboard leaderboard,
            ChallengeVotes votes, ChallengeExport export, LatentSpaces spaces, ChallengeFeed feed,
            DeepLearningEngine engine) {
        this.engine = engine;
        this.lifecycle = lifecycle;
        this.submissions = submissions;
        this.leaderboard = leaderboard;
        this.votes = votes;
        this.export = export;
        this.spaces = spaces;
        this.feed = feed;
        addClassName("ll-page");
        setId("challenge-view");
        header.setId("challenge-header");
        controls.setId("challenge-controls");
        workbench.setId("challenge-workbench");
        history.setId("challenge-history");
        board.setId("challenge-leaderboard");
        vote.setId("challenge-vote");
        voteMelody.setId("challenge-vote-melody");
        boardMelody.setId("challenge-board-melody");
        // Hidden until a Listen button fills them; a live refresh keeps them as they are.
        voteMelody.setVisible(false);
        boardMelody.setVisible(false);
        pickList.setId("challenge-picks");
        pickList.addClassName("ll-pick-list");
        reading.setId("challenge-reading");
        submit.setText(getTranslation("challenge.submit"));
        submit.setId("challenge-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(e -> submitPicks());
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
        manager = lifecycle.runs(challenge.id());
        // Pictures and melodies are decoded by the models: while they load after a start, the page waits for them.
        if (WarmingUp.holdsPage(this, engine)) {
            return;
        }
        space = challenge.kind().musical() ? null : spaces.open(challenge.modelId());
        add(new RouterLink(getTranslation("challenge.back"), ChallengesView.class), header, controls);
        if (!manager) {
            buildWorkbench();
            add(workbench, history);
        }
        add(vote, board);
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

    /** Reads the challenge again and redraws what may have changed: state, controls, history, leaderboard. */
    private void refresh() {
        challenge = lifecycle.get(challenge.id());
        showHeader();
        showControls();
        if (!manager) {
            showHistory();
            submit.setEnabled(challenge.open() && picks.size() == challenge.settings().vectorCount());
        }
        showVote();
        showBoard();
    }

    private void showHeader() {
        header.removeAll();
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
        header.add(title, state, when, rules);
        if (challenge.kind() == ChallengeKind.MELODY_MORPH) {
            MelodyView from = new MelodyView();
            from.setId("challenge-tune-a");
            int a = challenge.settings().from();
            from.show(MelodyCorpus.melody(a), "A: " + ChallengeTexts.tuneTitle(a));
            MelodyView to = new MelodyView();
            to.setId("challenge-tune-b");
            int b = challenge.settings().to();
            to.show(MelodyCorpus.melody(b), "B: " + ChallengeTexts.tuneTitle(b));
            header.add(from, to);
        }
        if (challenge.kind() == ChallengeKind.REPAIR) {
            Div pictures = new Div();
            pictures.addClassName("ll-widget-images");
            pictures.add(picture(submissions.damagedDigit(challenge.id()), "challenge.damaged", "challenge-damaged"));
            if (manager || challenge.revealed()) {
                pictures.add(picture(submissions.hiddenOriginal(challenge.id()), "challenge.original",
                        "challenge-original"));
            }
            header.add(pictures);
        }
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

    private void showControls() {
        controls.removeAll();
        if (!manager) {
            return;
        }
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        if (challenge.state() == ChallengeState.OPEN) {
            buttons.add(action("challenge.pause", "challenge-pause", () -> lifecycle.pause(challenge.id())));
        }
        if (challenge.state() == ChallengeState.PAUSED) {
            buttons.add(action("challenge.resume", "challenge-resume", () -> lifecycle.resume(challenge.id())));
        }
        if (challenge.state() != ChallengeState.CLOSED) {
            buttons.add(action("challenge.close", "challenge-close", () -> lifecycle.close(challenge.id())));
        }
        if (challenge.state() == ChallengeState.CLOSED && !challenge.revealed()) {
            // Results are revealed once the challenge has closed, never while students can still submit.
            buttons.add(action("challenge.reveal", "challenge-reveal", () -> lifecycle.reveal(challenge.id())));
        }
        long id = challenge.id();
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
        buttons.add(csv);
        controls.add(buttons);
    }

    private Button action(String key, String id, Runnable run) {
        Button button = new Button(getTranslation(key), e -> {
            try {
                run.run();
            } catch (InvalidInputException refused) {
                controls.add(new Paragraph(getTranslation(refused.messageKey(), refused.arguments())));
            }
        });
        button.setId(id);
        return button;
    }

    private void buildWorkbench() {
        if (challenge.kind().musical()) {
            buildMusicWorkbench();
            return;
        }
        workbench.removeAll();
        workbench.addClassName("ll-challenge-workbench");
        map = new LatentMap(space.plane().projected());
        map.setId("challenge-map");
        map.setModel(space.modelId());
        // A click beyond the model's limits (far out on a zoomed-out map) picks the nearest allowed point.
        map.addPickListener((x, y) -> pick(space.decodeAt(x, y).code()));
        Button undo = new Button(getTranslation("challenge.removeLast"), e -> {
            if (!picks.isEmpty()) {
                picks.removeLast();
                showPicks();
            }
        });
        undo.setId("challenge-undo");
        Button clear = new Button(getTranslation("challenge.clear"), e -> {
            picks.clear();
            showPicks();
        });
        clear.setId("challenge-clear");
        HorizontalLayout buttons = new HorizontalLayout(undo, clear);
        buttons.setWrap(true);
        if (challenge.kind() == ChallengeKind.MORPH) {
            Button fill = new Button(getTranslation("challenge.fillPath"), e -> fillPath());
            fill.setId("challenge-fill");
            buttons.add(fill);
        }
        if (challenge.kind() == ChallengeKind.REPAIR) {
            Button start = new Button(getTranslation("challenge.fromDamaged"), e -> {
                picks.clear();
                float[] damaged = submissions.damagedDigit(challenge.id());
                pick(space.encode(challenge.settings().lowResolution() ? DigitImages.upscaledBicubic(damaged)
                        : damaged));
            });
            start.setId("challenge-from-damaged");
            buttons.add(start);
        }
        buttons.add(submit);
        Paragraph how = new Paragraph(getTranslation("challenge.howTo", challenge.settings().vectorCount()));
        workbench.add(new H2(getTranslation("challenge.workbench")), how, map, buttons, reading, pickList);
        showPicks();
    }

    /** Adds a code; a one-image challenge replaces its pick, a full set starts again. */
    private void pick(float[] code) {
        int wanted = challenge.settings().vectorCount();
        if (picks.size() >= wanted) {
            if (wanted == 1) {
                picks.clear();
            } else {
                reading.setText(getTranslation("challenge.enoughPicks", wanted));
                return;
            }
        }
        if (!challenge.kind().musical() && !space.withinLimits(code)) {
            reading.setText(getTranslation("challenge.vectorInvalid", space.latentSize()));
            return;
        }
        picks.add(code);
        showPicks();
    }

    /** Fills the picks with a straight path from the first pick to the last, as many steps as the morph needs. */
    private void fillPath() {
        if (picks.size() < 2) {
            reading.setText(getTranslation("challenge.fillNeedsTwo"));
            return;
        }
        float[] first = picks.getFirst();
        float[] last = picks.getLast();
        picks.clear();
        picks.addAll(space.path(first, last, challenge.settings().vectorCount(), Interpolation.LINEAR).codes());
        showPicks();
    }

    private void showPicks() {
        if (challenge.kind().musical()) {
            showMelodyPicks();
            return;
        }
        pickList.removeAll();
        List<double[]> points = picks.stream().map(code -> space.plane().project(code)).toList();
        map.setLines(points.isEmpty() ? List.of() : List.of(new LatentMap.Line(points, "#000000",
                getTranslation("challenge.picks"))));
        int wanted = challenge.settings().vectorCount();
        submit.setEnabled(challenge.open() && picks.size() == wanted);
        if (picks.isEmpty()) {
            reading.setText(getTranslation("challenge.pickCount", 0, wanted));
            return;
        }
        try {
            Scored preview = submissions.preview(challenge.id(), picks);
            float[][] readings = submissions.read(preview.images());
            for (int i = 0; i < preview.images().size(); i++) {
                int best = LoadedModel.mostLikely(readings[i]);
                Image image = new Image(DigitImages.dataUrl(preview.images().get(i)),
                        getTranslation("challenge.pickAlt", i + 1, best));
                image.addClassNames("ll-digit", "ll-strip-digit");
                Span says = new Span(getTranslation("challenge.judgeSays", best,
                        String.format(Locale.ROOT, "%.0f", readings[i][best] * 100)));
                Div item = new Div(image, says);
                item.addClassName("ll-pick");
                pickList.add(item);
            }
            String count = getTranslation("challenge.pickCount", picks.size(), wanted);
            reading.setText(picks.size() == wanted ? count + " " + getTranslation("challenge.expectedScore",
                    ChallengeTexts.score(preview.score())) : count);
        } catch (InvalidInputException refused) {
            reading.setText(getTranslation(refused.messageKey(), refused.arguments()));
        }
    }

    private MelodyCodec codec;
    private final MelodyView current = new MelodyView();
    private final MelodyView chosen = new MelodyView();
    private MelodySliders sliderList;
    private float[] code;

    /** Music: sliders over the melody VAE's code, the melody they give, and the picked melodies in order. */
    private void buildMusicWorkbench() {
        workbench.removeAll();
        workbench.addClassName("ll-challenge-workbench");
        codec = submissions.melodyCodec();
        code = new float[codec.latentSize()];
        current.setId("challenge-melody");
        chosen.setId("challenge-chosen-melody");
        sliderList = new MelodySliders(codec.latentSize(), "challenge-slider-", moved -> {
            code = moved;
            showMelody();
        });
        Button random = new Button(getTranslation("melodies.random"), e -> setMelodyCode(codec.randomCode(
                new java.util.Random())));
        random.setId("challenge-random");
        Button use = new Button(getTranslation("challenge.music.use"), e -> pick(code.clone()));
        use.setId("challenge-use");
        use.addThemeVariants(ButtonVariant.PRIMARY);
        Button undo = new Button(getTranslation("challenge.removeLast"), e -> {
            if (!picks.isEmpty()) {
                picks.removeLast();
                showPicks();
            }
        });
        Button clear = new Button(getTranslation("challenge.clear"), e -> {
            picks.clear();
            showPicks();
        });
        HorizontalLayout buttons = new HorizontalLayout(random, use, undo, clear);
        buttons.setWrap(true);
        if (challenge.kind() == ChallengeKind.MELODY_MORPH) {
            Button fill = new Button(getTranslation("challenge.music.fillPath"), e -> {
                picks.clear();
                picks.addAll(MelodyCodec.path(codec.encode(MelodyCorpus.melody(challenge.settings().from())),
                        codec.encode(MelodyCorpus.melody(challenge.settings().to())),
                        challenge.settings().vectorCount(), Interpolation.SPHERICAL));
                showPicks();
            });
            fill.setId("challenge-fill");
            buttons.add(fill);
        }
        buttons.add(submit);
        workbench.add(new H2(getTranslation("challenge.workbench")),
                new Paragraph(getTranslation("challenge.music.howTo", challenge.settings().vectorCount())),
                current, sliderList, buttons, reading, pickList, chosen);
        chosen.setVisible(false);
        setMelodyCode(code);
        showPicks();
    }

    private void setMelodyCode(float[] next) {
        code = next.clone();
        sliderList.setCode(code);
        showMelody();
    }

    private void showMelody() {
        current.show(codec.decode(code), getTranslation("melodies.current"));
    }

    private void showMelodyPicks() {
        pickList.removeAll();
        int wanted = challenge.settings().vectorCount();
        submit.setEnabled(challenge.open() && picks.size() == wanted);
        List<Melody> melodies = picks.isEmpty() ? List.of() : codec.decode(picks);
        for (int i = 0; i < melodies.size(); i++) {
            Melody melody = melodies.get(i);
            String title = getTranslation("melodies.morphStep", i + 1, wanted);
            Button show = new Button(title, e -> {
                chosen.setVisible(true);
                chosen.show(melody, title);
            });
            show.setId("challenge-pick-" + (i + 1));
            pickList.add(show);
        }
        String count = getTranslation("challenge.pickCount", picks.size(), wanted);
        if (picks.size() == wanted) {
            try {
                count += " " + getTranslation("challenge.expectedScore",
                        ChallengeTexts.score(submissions.preview(challenge.id(), picks).score()));
            } catch (InvalidInputException refused) {
                count = getTranslation(refused.messageKey(), refused.arguments());
            }
        }
        reading.setText(count);
    }

    private void submitPicks() {
        try {
            Submission submission = submissions.submit(challenge.id(), List.copyOf(picks), challenge.modelVersion());
            reading.setText(getTranslation("challenge.submitted", ChallengeTexts.score(submission.score())));
        } catch (InvalidInputException refused) {
            reading.setText(getTranslation(refused.messageKey(), refused.arguments()));
        }
        refresh();
    }

    private void showHistory() {
        history.removeAll();
        List<Submission> mine = submissions.mine(challenge.id());
        history.add(new H2(getTranslation("challenge.history")));
        if (mine.isEmpty()) {
            history.add(new Paragraph(getTranslation("challenge.noSubmissions")));
            return;
        }
        UnorderedList items = new UnorderedList();
        for (Submission submission : mine) {
            UnorderedList rules = new UnorderedList();
            for (RuleResult rule : submission.rules()) {
                ListItem line = new ListItem(ChallengeTexts.rule(this, rule));
                line.addClassName(rule.met() ? "ll-rule-met" : "ll-rule-missed");
                rules.add(line);
            }
            ListItem item = new ListItem(new Span(getTranslation("challenge.historyLine",
                    ChallengeTexts.when(submission.submittedAt()), ChallengeTexts.score(submission.score()))), rules);
            items.add(item);
        }
        history.add(items);
    }

    /**
     * The class vote, when the challenge has one: before the close a note on what is coming; from the close to the
     * reveal, the class's answers without names, each with a vote button (none on one's own) for students and the
     * running tally for the teacher; after the reveal, who the class liked best.
     */
    private void showVote() {
        vote.removeAll();
        vote.setVisible(challenge.classVote());
        if (!challenge.classVote()) {
            return;
        }
        vote.addClassName("ll-class-vote");
        vote.add(new H2(getTranslation("challenge.vote.title")));
        if (challenge.state() != ChallengeState.CLOSED && !challenge.revealed()) {
            vote.add(new Paragraph(getTranslation(manager ? "challenge.vote.comingTeacher" : "challenge.vote.coming")));
            return;
        }
        Ballot ballot = votes.ballot(challenge.id());
        if (ballot.entries().isEmpty()) {
            vote.add(new Paragraph(getTranslation("challenge.boardEmpty")));
            return;
        }
        Paragraph status = new Paragraph();
        status.setId("challenge-vote-status");
        if (ballot.open()) {
            if (manager) {
                status.setText(getTranslation("challenge.vote.openTeacher", ballot.votesCast()));
            } else {
                Optional<Ballot.Entry> mine = ballot.myVote().flatMap(voted -> ballot.entries().stream()
                        .filter(e -> e.submissionId() == voted).findFirst());
                status.setText(getTranslation("challenge.vote.open") + " " + mine.map(e -> getTranslation(
                        "challenge.vote.yours", e.number())).orElse(getTranslation("challenge.vote.notVoted")));
            }
        } else {
            status.setText(getTranslation("challenge.vote.closed", ballot.votesCast()));
        }
        vote.add(status);
        Div entries = new Div();
        entries.addClassName("ll-ballot");
        for (Ballot.Entry entry : ballot.entries()) {
            entries.add(ballotEntry(ballot, entry));
        }
        vote.add(entries, voteMelody);
    }

    private Div ballotEntry(Ballot ballot, Ballot.Entry entry) {
        String label = getTranslation("challenge.vote.entry", entry.number());
        Div card = new Div();
        card.addClassName("ll-ballot-entry");
        card.setId("challenge-ballot-" + entry.number());
        Span title = new Span(ballot.tallyShown() ? label + " · " + entry.studentName() : label);
        title.addClassName("ll-ballot-title");
        card.add(title);
        if (challenge.kind().musical()) {
            Button listen = new Button(getTranslation("challenge.music.listen"), e -> {
                voteMelody.setVisible(true);
                voteMelody.show(submissions.melodyCodec().decode(entry.vectors()), label);
            });
            listen.addThemeVariants(ButtonVariant.TERTIARY);
            listen.setId("challenge-ballot-listen-" + entry.number());
            card.add(listen);
        } else {
            Div images = new Div();
            images.addClassName("ll-leaderboard-images");
            for (String picture : pictures(entry.submissionId(), entry.vectors())) {
                Image image = new Image(picture, label);
                image.addClassNames("ll-digit", "ll-leaderboard-digit");
                images.add(image);
            }
            card.add(images);
        }
        if (ballot.tallyShown()) {
            Span votes = new Span(getTranslation("challenge.vote.count", entry.votes()));
            votes.addClassName("ll-leaderboard-votes");
            card.add(votes);
        }
        boolean chosen = ballot.myVote().filter(v -> v == entry.submissionId()).isPresent();
        if (chosen) {
            card.addClassName("ll-ballot-chosen");
        }
        if (entry.mine()) {
            Span own = new Span(getTranslation("challenge.vote.ownEntry"));
            own.addClassName("ll-field-note");
            card.add(own);
        } else if (ballot.open() && !manager) {
            Button choose = new Button(getTranslation(chosen ? "challenge.vote.chosen" : "challenge.vote.for",
                    entry.number()), e -> {
                        try {
                            votes.vote(challenge.id(), entry.submissionId());
                        } catch (InvalidInputException refused) {
                            vote.add(new Paragraph(getTranslation(refused.messageKey(), refused.arguments())));
                            return;
                        }
                        refresh();
                    });
            choose.setId("challenge-vote-for-" + entry.number());
            choose.setEnabled(!chosen);
            if (!chosen) {
                choose.addThemeVariants(ButtonVariant.PRIMARY);
            }
            card.add(choose);
        }
        return card;
    }

    /**
     * A stored submission's pictures (for the ballot and the leaderboard), decoded with the challenge's model. A
     * submission never changes, so they are decoded and encoded once per page, not on every live update.
     */
    private List<String> pictures(long submissionId, List<float[]> vectors) {
        if (challenge.kind().musical()) {
            return List.of();
        }
        return thumbnails.computeIfAbsent(submissionId,
                id -> vectors.stream().map(code -> DigitImages.dataUrl(space.decode(code).pixels())).toList());
    }

    private void showBoard() {
        board.removeAll();
        board.add(new H2(getTranslation("challenge.leaderboard")));
        if (!manager && !challenge.revealed()) {
            board.add(new Paragraph(getTranslation("challenge.boardHidden")));
            return;
        }
        List<LeaderboardEntry> entries = leaderboard.leaderboard(challenge.id());
        if (entries.isEmpty()) {
            board.add(new Paragraph(getTranslation("challenge.boardEmpty")));
            return;
        }
        Div rows = new Div();
        rows.addClassName("ll-leaderboard");
        int mostVotes = entries.stream().mapToInt(LeaderboardEntry::votes).max().orElse(0);
        for (LeaderboardEntry entry : entries) {
            Submission counted = entry.counted();
            Div images = new Div();
            images.addClassName("ll-leaderboard-images");
            for (String picture : pictures(counted.id(), counted.vectors())) {
                Image thumb = new Image(picture, getTranslation("challenge.entryAlt",
                        counted.studentName()));
                thumb.addClassNames("ll-digit", "ll-leaderboard-digit");
                images.add(thumb);
            }
            Span rank = new Span(Integer.toString(entry.rank()));
            rank.addClassName("ll-rank");
            Span name = new Span(counted.studentName());
            name.addClassName("ll-leaderboard-name");
            Span score = new Span(ChallengeTexts.score(counted.score()));
            score.addClassName("ll-leaderboard-score");
            Span count = new Span(getTranslation("challenge.submissionCount", entry.submissions()));
            count.addClassName("ll-field-note");
            if (challenge.kind().musical()) {
                Button listen = new Button(getTranslation("challenge.music.listen"), e -> {
                    boardMelody.setVisible(true);
                    boardMelody.show(submissions.melodyCodec().decode(counted.vectors()), counted.studentName());
                });
                listen.addThemeVariants(ButtonVariant.TERTIARY);
                images.add(listen);
            }
            Div row = new Div(rank, name, score, images, count);
            if (challenge.classVote()) {
                Div votes = new Div(new Span(getTranslation("challenge.vote.count", entry.votes())));
                votes.addClassName("ll-leaderboard-votes");
                if (entry.votes() > 0 && entry.votes() == mostVotes) {
                    Span favourite = new Span(getTranslation("challenge.vote.favourite"));
                    favourite.addClassName("ll-badge");
                    votes.add(favourite);
                }
                row.add(votes);
                row.addClassName("ll-leaderboard-voted");
            }
            row.addClassName("ll-leaderboard-row");
            rows.add(row);
        }
        board.add(rows, boardMelody);
    }
}
