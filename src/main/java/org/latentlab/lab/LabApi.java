package org.latentlab.lab;

import java.util.List;
import java.util.UUID;

import org.latentlab.base.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Lab as JSON, for clients other than the Lab's pages (and bench/class-burst, bench/cluster): start an
 * experiment with its defaults, follow a run, cancel it. Same service, same rules as the pages: one's own runs (and one's students' for a
 * teacher), the per-user limits and the storage quota.
 */
@RestController
@RequestMapping("/api/lab")
class LabApi {

    /** What to train: an experiment of the Lab by its name, e.g. {@code conv-vae}, with the Lab's defaults. */
    record StartRequest(String experiment) {
    }

    /**
     * Where a run stands.
     *
     * @param points    curve points so far (batch and epoch losses), live while it trains
     * @param lastPoint the latest of them, null before the first
     */
    record RunStatus(UUID id, String experiment, RunState state, int queuePosition, int epochsDone, int epochs,
            int points, CurvePoint lastPoint, Double testLoss) {
    }

    private final LabRuns runs;

    LabApi(LabRuns runs) {
        this.runs = runs;
    }

    @PostMapping("/runs")
    RunStatus start(@RequestBody StartRequest request) {
        Experiment experiment = Experiment.bySlug(request == null ? null : request.experiment())
                .orElseThrow(() -> new InvalidInputException("experiment", "training.experiment.unknown"));
        return status(runs.start(experiment, experiment.defaults()).id());
    }

    @GetMapping("/runs/{id}")
    RunStatus run(@PathVariable UUID id) {
        return status(id);
    }

    /** Asks the run to stop: a waiting run is dropped at once, a training one stops within a batch on its worker. */
    @PostMapping("/runs/{id}/cancel")
    RunStatus cancel(@PathVariable UUID id) {
        runs.cancel(id);
        return status(id);
    }

    private RunStatus status(UUID id) {
        RunSummary run = runs.run(id);
        List<CurvePoint> curve = runs.curve(id);
        CurvePoint last = curve.isEmpty() ? null : curve.getLast();
        // While it trains, the latest point this node heard of is newer than the stored curve (up to the epoch).
        CurvePoint live = run.state() == RunState.RUNNING ? runs.latestPoint(id).orElse(null) : null;
        if (live != null && (last == null || live.seq() > last.seq())) {
            last = live;
        }
        return new RunStatus(run.id(), run.experiment().slug(), run.state(), run.queuePosition(), run.epochsDone(),
                run.config().epochs(), last == null ? 0 : last.seq() + 1, last, run.testLoss());
    }
}
