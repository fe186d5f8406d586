package org.latentlab.lab.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

import org.latentlab.base.ui.FeaturePage;
import org.latentlab.lab.LabRuns;
import org.latentlab.lab.RunSummary;

/** Every run the student started, newest first; pick two or more to compare their curves on one chart. */
@Route("lab/runs")
@Menu(order = 31, icon = "vaadin:list", title = "nav.myRuns")
@PermitAll
public class MyRunsView extends FeaturePage {

    private final LabRuns runs;
    private final RunDisplay display;
    private final Grid<RunSummary> grid = new Grid<>();
    private final LossChart chart = new LossChart();
    private final Paragraph compareHint = new Paragraph();

    MyRunsView(LabRuns runs) {
        super("lab.myRuns.title", "lab.myRuns.intro");
        this.runs = runs;
        this.display = new RunDisplay(this);
        setId("my-runs-view");
        LabRuns.StorageUse storage = runs.myStorage();
        Paragraph used = new Paragraph(getTranslation("lab.storage", storage.usedMegabytes(),
                storage.quotaMegabytes()));
        used.addClassName("ll-muted");
        add(new HorizontalLayout(new RouterLink(getTranslation("lab.backToLab"), LabView.class)), used);

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addComponentColumn(run -> new RouterLink(display.title(run), RunView.class,
                RunView.parameters(run.id()))).setHeader(getTranslation("lab.runs.experiment")).setAutoWidth(true)
                .setComparator(Comparator.comparing(r -> display.title(r)));
        grid.addComponentColumn(run -> display.stateBadge(run.state())).setHeader(getTranslation("lab.runs.state"))
                .setAutoWidth(true);
        grid.addColumn(run -> display.when(run.submittedAt())).setHeader(getTranslation("lab.runs.started"))
                .setAutoWidth(true).setComparator(RunSummary::submittedAt);
        grid.addColumn(run -> run.epochsDone() + " / " + run.config().epochs())
                .setHeader(getTranslation("lab.runs.epochs"));
        grid.addColumn(run -> display.number(run.finalValidationLoss()))
                .setHeader(getTranslation("lab.runs.validationLoss")).setAutoWidth(true);
        grid.addColumn(run -> run.testLoss() == null ? "–" : display.testMetric(run))
                .setHeader(getTranslation("lab.runs.test")).setAutoWidth(true);
        grid.addColumn(run -> getTranslation("lab.runs.size", Math.max(1, (run.storageBytes() + 1023) / 1024)))
                .setHeader(getTranslation("lab.runs.storage")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("my-runs-grid");
        List<RunSummary> mine = runs.myRuns();
        grid.setItems(mine);

        Button compare = new Button(getTranslation("lab.runs.compare"), e -> compare());
        compare.setId("runs-compare");
        compare.setEnabled(false);
        grid.addSelectionListener(e -> compare.setEnabled(e.getAllSelectedItems().size() >= 2));
        compareHint.setText(getTranslation("lab.runs.compareHint"));
        compareHint.addClassName("ll-muted");
        chart.setId("runs-compare-chart");
        chart.setWidthFull();
        chart.setVisible(false);
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("lab.runs.none"));
            none.setId("my-runs-empty");
            add(none);
        } else {
            add(grid, new HorizontalLayout(compare, compareHint), chart);
        }
    }

    private void compare() {
        List<RunSummary> chosen = grid.getSelectedItems().stream()
                .sorted(Comparator.comparing(RunSummary::submittedAt)).toList();
        chart.compare(chosen.stream().map(run -> display.title(run) + " (" + display.when(run.submittedAt()) + ")")
                .toList(), chosen.stream().map(run -> runs.curve(run.id())).toList());
        chart.setVisible(true);
    }
}
