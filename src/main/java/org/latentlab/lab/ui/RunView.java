package org.latentlab.lab.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.SignedInUser;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.lab.AssignmentService;
import org.latentlab.lab.CurvePoint;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.PlaygroundLink;
import org.latentlab.lab.RunSample;
import org.latentlab.lab.RunState;
import org.latentlab.lab.RunSummary;
import org.latentlab.lab.RunUpdate;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One training run: its state, a progress bar with the time left, the loss curve and the latest reconstructions,
 * all updated live by server push while it trains. Closing the page does not stop the run; opening it again shows
 * it live again. Finished runs show their results; the owner may continue, restart or delete a stopped run and hand
 * in a convolutional VAE as the assignment.
 */
@Route("lab/runs/:runId")
@PermitAll
public class RunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LabRuns runs;
    private final AssignmentService assignments;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final PlaygroundLink playgroundLink;
    private final RunDisplay display;
    private final H1 title = new H1();
    private final Paragraph settings = new Paragraph();
    private final Div status = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Span timing = new Span();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final LossChart chart = new LossChart();
    private final H2 samplesTitle = new H2();
    private final Div samples = new Div();
    private final Div results = new Div();
    private final Div assignment = new Div();
    private final Div architecture = new Div();
    private final List<CurvePoint> curve = new ArrayList<>();
    private UUID runId;
    private RunSummary run;
    private Runnable subscription;
    private Runnable queueWatch;
    private Instant trainingSince;
    /** Epochs done before this attempt of the run began (a resumed run starts part-way). */
    private int attemptFrom;
    /** Whether the buttons shown are those of a live run: progress events must not rebuild them every time. */
    private Boolean actionsForLiveRun;

    RunView(LabRuns runs, AssignmentService assignments, CurrentUser currentUser, Clock clock,
            PlaygroundLink playgroundLink) {
        this.clock = clock;
        this.playgroundLink = playgroundLink;
        this.runs = runs;
        this.assignments = assignments;
        this.currentUser = currentUser;
        this.display = new RunDisplay(this);
        addClassName("ll-page");
        setId("run-view");
        title.addClassName("ll-page-title");
        settings.addClassName("ll-muted");
        settings.setId("run-settings");
        status.setId("run-status");
        status.addClassName("ll-run-status");
        progress.setId("run-progress");
        timing.setId("run-timing");
        timing.addClassName("ll-muted");
        actions.setId("run-actions");
        chart.setId("run-chart");
        samples.setId("run-samples");
        results.setId("run-results");
        assignment.setId("run-assignment");
        H2 lossTitle = new H2(getTranslation("lab.run.loss"));
        add(new RouterLink(getTranslation("lab.myRuns"), MyRunsView.class), title, settings, architecture, status,
                progress, timing,
                actions, lossTitle, chart, samplesTitle, samples, results, assignment);
        chart.setWidthFull();
    }

    public static RouteParameters parameters(UUID runId) {
        return new RouteParameters("runId", runId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("runId").flatMap(RunView::uuid);
        try {
            runId = id.orElseThrow(() -> new InvalidInputException("run", "training.run.notFound"));
            load();
        } catch (InvalidInputException missing) {
            removeAll();
            add(new H1(getTranslation("lab.run.notFound")), new RouterLink(getTranslation("lab.myRuns"),
                    MyRunsView.class));
            runId = null;
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        follow(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unfollow();
    }

    /**
     * Follows the run, whichever node trains it: updates arrive on the bus's thread and are handed to the UI. Reads
     * everything stored once subscribed, so nothing that happened before is missed; while the run waits, any change
     * in the queue may move its place.
     */
    private void follow(UI ui) {
        unfollow();
        if (runId == null) {
            return;
        }
        SecurityContext viewer = SecurityContextHolder.getContext();
        subscription = runs.follow(runId, update -> ui.access(() ->
                new DelegatingSecurityContextRunnable(() -> on(update), viewer).run()));
        queueWatch = runs.watchQueue(() -> ui.access(() -> new DelegatingSecurityContextRunnable(() -> {
            if (run != null && run.state() == RunState.QUEUED) {
                load();
            }
        }, viewer).run()));
        load();
    }

    private void unfollow() {
        if (subscription != null) {
            subscription.run();
            subscription = null;
        }
        if (queueWatch != null) {
            queueWatch.run();
            queueWatch = null;
        }
    }

    private void on(RunUpdate update) {
        switch (update) {
            case RunUpdate.Progressed progressed -> onProgress(progressed);
            case RunUpdate.StateChanged changed -> {
                if (changed.state() == RunState.RUNNING) {
                    trainingSince = changed.at();
                    attemptFrom = changed.resumedAfterEpoch();
                }
                // Queued, training (again) or ended: the database has the rest.
                load();
            }
            case RunUpdate.CancelRequested cancelRequested -> {
                // The run ends within a batch; its end comes as a state change.
            }
        }
    }

    private void onProgress(RunUpdate.Progressed update) {
        CurvePoint point = update.point();
        trainingSince = update.trainingSince();
        if (run.state() != RunState.RUNNING) {
            load();
        }
        if (point.seq() > curve.size()) {
            // Opened in the middle of an epoch: the stored curve (up to the last epoch), then live from here.
            curve.clear();
            curve.addAll(runs.curve(runId));
        }
        if (point.seq() >= curve.size()) {
            curve.add(point);
        }
        chart.showRun(curve);
        switch (point.kind()) {
            case BATCH -> showTraining(point.epoch() - 1, point.batch(), point.batches());
            case EPOCH -> {
                showTraining(point.epoch(), 0, 1);
                showSamples(runs.samples(runId), point.epoch());
            }
        }
    }

    /** Reads the run from the database and shows all of it. */
    private void load() {
        run = runs.run(runId);
        if (run.state() == RunState.RUNNING && trainingSince == null) {
            trainingSince = run.startedAt();
        }
        title.setText(display.title(run));
        settings.setText(display.settings(run.config()) + ownerNote());
        architecture.removeAll();
        if (run.config().design() != null) {
            // A designed network: its layers on request, as the designer showed them (a native details element: the
            // committed frontend bundle has no vaadin-details).
            architecture.add(new com.vaadin.flow.component.html.NativeDetails(getTranslation("design.architecture"),
                    Architecture.of(this, run.config())));
        }
        curve.clear();
        curve.addAll(runs.curve(runId));
        chart.showRun(curve);
        showSamples(runs.samples(runId), run.epochsDone());
        showState();
        showActions();
        showResults();
        showAssignment();
    }

    private String ownerNote() {
        return isOwner() ? "" : " · " + getTranslation("lab.run.owner", run.ownerName());
    }

    private boolean isOwner() {
        return currentUser.get().map(SignedInUser::userId).orElse(-1L) == run.ownerId();
    }

    private void showState() {
        switch (run.state()) {
            case QUEUED -> showWaiting(run.queuePosition());
            case RUNNING -> showTraining(run.epochsDone(), 0, 1);
            default -> {
                status.removeAll();
                status.add(display.stateBadge(run.state()), new Span(" " + endedText()));
                progress.setValue(Math.min(1, (double) run.epochsDone() / run.config().epochs()));
                progress.setVisible(run.state() != RunState.FINISHED);
                timing.setText(getTranslation("lab.run.trainedFor", RunDisplay.clock(run.trainingTime())));
            }
        }
    }

    private String endedText() {
        int done = run.epochsDone();
        int total = run.config().epochs();
        return switch (run.state()) {
            case FINISHED -> getTranslation("lab.run.finishedAt", display.when(run.endedAt()));
            case CANCELLED -> getTranslation("lab.run.cancelledAfter", done, total);
            case INTERRUPTED -> getTranslation("lab.run.interruptedAfter", done, total);
            case FAILED -> getTranslation("lab.run.failed", run.failure() == null ? "" : run.failure());
            default -> "";
        };
    }

    private void showWaiting(int position) {
        status.removeAll();
        status.add(display.stateBadge(RunState.QUEUED), new Span(" " + getTranslation("lab.run.position",
                position)));
        progress.setVisible(true);
        progress.setIndeterminate(false);
        progress.setValue(0);
        timing.setText("");
        showActions(true);
    }

    /** {@code epochsDone} full epochs plus {@code batch} of {@code batches} of the next. */
    private void showTraining(int epochsDone, int batch, int batches) {
        int total = run.config().epochs();
        double done = Math.min(1, (epochsDone + (double) batch / batches) / total);
        status.removeAll();
        status.add(display.stateBadge(RunState.RUNNING), new Span(" " + getTranslation("lab.run.epoch",
                Math.min(total, epochsDone + 1), total)));
        progress.setVisible(true);
        progress.setValue(done);
        if (trainingSince != null) {
            Duration elapsed = Duration.between(trainingSince, clock.instant());
            // Only this attempt's share counts: a resumed run started part-way.
            double share = done - (double) attemptFrom / total;
            String left = share > 0.02 ? getTranslation("lab.run.left", RunDisplay.clock(Duration.ofMillis(
                    (long) (elapsed.toMillis() * (1 - done) / share)))) : getTranslation("lab.run.estimating");
            timing.setText(getTranslation("lab.run.elapsed", RunDisplay.clock(elapsed)) + " · " + left);
        }
        showActions(true);
    }

    private void showSamples(List<RunSample> shown, int epoch) {
        samples.removeAll();
        if (shown.isEmpty()) {
            samplesTitle.setText(getTranslation("lab.run.samples"));
            Paragraph none = new Paragraph(getTranslation("lab.run.noSamples"));
            none.addClassName("ll-muted");
            samples.add(none);
            return;
        }
        samplesTitle.setText(getTranslation("lab.run.samplesOfEpoch", epoch));
        samples.add(display.samples(shown, run.config().kind().corruption()));
    }

    private void showActions() {
        showActions(!run.state().ended());
    }

    private void showActions(boolean live) {
        if (live && Boolean.TRUE.equals(actionsForLiveRun)) {
            return;
        }
        actionsForLiveRun = live;
        actions.removeAll();
        SignedInUser user = currentUser.require();
        if (live) {
            if (isOwner() || user.isTeacher()) {
                Button cancel = new Button(getTranslation("lab.run.cancel"), e -> act(() -> runs.cancel(runId)));
                cancel.addThemeVariants(ButtonVariant.ERROR);
                cancel.setId("run-cancel");
                actions.add(cancel);
            }
            return;
        }
        if (!isOwner()) {
            return;
        }
        if (run.resumable()) {
            Button resume = new Button(getTranslation("lab.run.resume", run.epochsDone()),
                    e -> act(() -> runs.resume(runId)));
            resume.addThemeVariants(ButtonVariant.PRIMARY);
            resume.setId("run-resume");
            actions.add(resume);
        }
        if (run.state().canContinue()) {
            Button restart = new Button(getTranslation("lab.run.restart"), e -> act(() -> runs.restart(runId)));
            restart.setId("run-restart");
            actions.add(restart);
        }
        if (run.state() == RunState.FINISHED) {
            Anchor playground = new Anchor(playgroundLink.forRun(runId), getTranslation("lab.run.openInPlayground"));
            playground.setId("run-playground");
            actions.add(playground);
        }
        Button delete = new Button(getTranslation("lab.run.delete"), e -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        delete.setId("run-delete");
        actions.add(delete);
    }

    /** Runs an action on the run, then shows the run again (and follows it if it went back into the queue). */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException problem) {
            new FieldErrors(this).show(problem);
        }
        load();
        getUI().ifPresent(this::follow);
    }

    private void confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("lab.run.delete.title"),
                getTranslation("lab.run.delete.text"), getTranslation("lab.run.delete"), e -> {
                    try {
                        runs.delete(runId);
                        FieldErrors.success(getTranslation("lab.run.deleted"));
                        getUI().ifPresent(ui -> ui.navigate(MyRunsView.class));
                    } catch (InvalidInputException problem) {
                        new FieldErrors(this).show(problem);
                    }
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("common.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void showResults() {
        results.removeAll();
        if (run.state() != RunState.FINISHED) {
            return;
        }
        results.add(new H2(getTranslation("lab.run.results")));
        results.add(new Paragraph(getTranslation("lab.run.finalLosses", display.number(run.finalTrainLoss()),
                display.number(run.finalValidationLoss()))));
        Paragraph test = new Paragraph(getTranslation("lab.run.test", display.testMetric(run)));
        test.setId("run-test-metric");
        results.add(test);
    }

    private void showAssignment() {
        assignment.removeAll();
        if (!run.experiment().isAssignment() || run.state() != RunState.FINISHED || !isOwner()) {
            return;
        }
        assignment.add(new H2(getTranslation("lab.assignment.title")));
        Optional<AssignmentService.Submission> mine = assignments.mine();
        if (mine.isPresent()) {
            AssignmentService.Submission submitted = mine.get();
            String which = submitted.runId().equals(runId) ? getTranslation("lab.assignment.thisRun")
                    : getTranslation("lab.assignment.otherRun");
            Paragraph state = new Paragraph(getTranslation("lab.assignment.submittedAt",
                    display.when(submitted.submittedAt())) + " " + which);
            state.setId("assignment-state");
            assignment.add(state);
            if (submitted.graded()) {
                Paragraph grade = new Paragraph(getTranslation("lab.assignment.graded", submitted.grade(),
                        submitted.gradedBy() == null ? "" : submitted.gradedBy()));
                grade.setId("assignment-grade");
                assignment.add(grade);
                if (submitted.comment() != null && !submitted.comment().isBlank()) {
                    Paragraph comment = new Paragraph(submitted.comment());
                    comment.addClassName("ll-notice");
                    assignment.add(comment);
                }
                return;
            }
        }
        TextArea text = new TextArea(getTranslation("lab.assignment.text"));
        text.setHelperText(getTranslation("lab.assignment.text.help"));
        text.setMaxLength(AssignmentService.MAX_TEXT);
        text.setWidthFull();
        text.setMinHeight("8em");
        text.setId("assignment-text");
        mine.filter(s -> s.runId().equals(runId)).ifPresent(s -> text.setValue(s.text()));
        Button submit = new Button(getTranslation(mine.isPresent() ? "lab.assignment.replace"
                : "lab.assignment.submit"), e -> {
                    try {
                        assignments.submit(runId, text.getValue());
                        FieldErrors.success(getTranslation("lab.assignment.done"));
                        showAssignment();
                    } catch (InvalidInputException problem) {
                        new FieldErrors(this).field("text", text).show(problem);
                    }
                });
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setId("assignment-submit");
        assignment.add(text, submit);
    }

    @Override
    public String getPageTitle() {
        return (run == null ? getTranslation("lab.title") : display.title(run)) + " · " + getTranslation("app.name");
    }
}
