package org.latentlab.lab.ui;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.Role;
import org.latentlab.base.ui.FeaturePage;
import org.latentlab.base.ui.FieldErrors;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunState;
import org.latentlab.lab.RunSummary;

/** For teachers and admins: every run waiting or training on the server, with who started it; cancel any. */
@Route("lab/queue")
@Menu(order = 33, icon = "vaadin:time-forward", title = "nav.trainingQueue")
@RolesAllowed(Role.Names.TEACHER)
public class TrainingQueueView extends FeaturePage {

    /** The queue changes every few seconds at most; a poll is plenty and survives any number of runs. */
    private static final int REFRESH_MILLIS = 3000;

    private final LabRuns runs;
    private final RunDisplay display;
    private final Grid<RunSummary> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private com.vaadin.flow.shared.Registration polling;

    TrainingQueueView(LabRuns runs) {
        super("lab.queue.title", "lab.queue.intro");
        this.runs = runs;
        this.display = new RunDisplay(this);
        setId("training-queue-view");
        grid.addColumn(RunSummary::ownerName).setHeader(getTranslation("lab.queue.owner")).setAutoWidth(true);
        grid.addComponentColumn(run -> new RouterLink(display.title(run), RunView.class,
                RunView.parameters(run.id()))).setHeader(getTranslation("lab.runs.experiment")).setAutoWidth(true);
        grid.addComponentColumn(run -> display.stateBadge(run.state())).setHeader(getTranslation("lab.runs.state"))
                .setAutoWidth(true);
        grid.addColumn(run -> run.state() == RunState.QUEUED ? Integer.toString(run.queuePosition())
                : getTranslation("lab.run.epoch", Math.min(run.epochsDone() + 1, run.config().epochs()),
                        run.config().epochs()))
                .setHeader(getTranslation("lab.queue.where")).setAutoWidth(true);
        grid.addColumn(run -> display.when(run.submittedAt())).setHeader(getTranslation("lab.runs.started"))
                .setAutoWidth(true);
        grid.addComponentColumn(run -> {
            Button cancel = new Button(getTranslation("lab.run.cancel"), e -> {
                try {
                    runs.cancel(run.id());
                } catch (InvalidInputException gone) {
                    // It ended on its own meanwhile.
                    FieldErrors.success(getTranslation("training.run.notActive"));
                }
                refresh();
            });
            cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
            return cancel;
        });
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("training-queue-grid");
        empty.setText(getTranslation("lab.queue.empty"));
        empty.addClassName("ll-muted");
        add(grid, empty);
        refresh();
    }

    private void refresh() {
        List<RunSummary> live = runs.queue();
        int others = runs.othersInQueue();
        grid.setItems(live);
        empty.setVisible(live.isEmpty() || others > 0);
        empty.setText(others > 0 ? getTranslation("lab.queue.others", others) : getTranslation("lab.queue.empty"));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attachEvent.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }
}
