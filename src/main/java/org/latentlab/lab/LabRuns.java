package org.latentlab.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.SignedInUser;
import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.ClassroomService;
import org.latentlab.ml.TrainingConfig;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What the Lab's pages may do with runs, checked here on the server for every call: a student sees, continues and
 * deletes only their own runs; a teacher also sees the runs of students in their classes; teachers and admins see
 * the queue and may cancel any run. A run someone may not see is reported as not found, so ids reveal nothing.
 */
@Service
public class LabRuns {

    private final TrainingQueue queue;
    private final RunFolders folders;
    private final RunRecords records;
    private final CurrentUser currentUser;
    private final ClassroomService classrooms;
    private final AccountService accounts;
    private final TrainingProperties properties;
    private final ApplicationEventPublisher events;
    private final RunFeed feed;

    LabRuns(TrainingQueue queue, RunFolders folders, RunRecords records, CurrentUser currentUser,
            ClassroomService classrooms, AccountService accounts, TrainingProperties properties,
            ApplicationEventPublisher events, RunFeed feed) {
        this.folders = folders;
        this.events = events;
        this.feed = feed;
        this.queue = queue;
        this.records = records;
        this.currentUser = currentUser;
        this.classrooms = classrooms;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** How much of their storage quota a user's saved runs take. */
    public record StorageUse(long usedBytes, long quotaBytes) {
        public long usedMegabytes() {
            return TrainingQueue.megabytes(usedBytes);
        }

        public long quotaMegabytes() {
            return quotaBytes / (1024 * 1024);
        }
    }

    public RunSummary start(Experiment experiment, TrainingConfig config) {
        SignedInUser user = currentUser.require();
        UUID id = queue.submit(user.userId(), experiment, config);
        return summary(records.find(id).orElseThrow());
    }

    public List<RunSummary> myRuns() {
        return summaries(records.ofOwner(currentUser.require().userId()));
    }

    public StorageUse myStorage() {
        return new StorageUse(records.storageOf(currentUser.require().userId()), properties.storageQuotaBytes());
    }

    /** A run the signed-in user may see. */
    public RunSummary run(UUID id) {
        return summary(readable(id));
    }

    /** The curve as stored: up to the last finished epoch while the run trains ({@link #follow} adds the rest). */
    public List<CurvePoint> curve(UUID id) {
        readable(id);
        return records.curve(id);
    }

    /** The latest point this node heard of a run that trains (on whichever worker), if any. */
    public Optional<CurvePoint> latestPoint(UUID id) {
        readable(id);
        return feed.latest(id).map(RunUpdate.Progressed::point);
    }

    /** The samples of the run's latest epoch. */
    public List<RunSample> samples(UUID id) {
        readable(id);
        return records.samples(id);
    }

    /**
     * The folder of a finished run's model (load it with {@code Checkpoints.load}), for the Playground: only for the
     * owner and the teachers of the owner's classes, and only once the run has finished.
     */
    public java.nio.file.Path model(UUID id) {
        RunRecords.Row row = readable(id);
        if (row.summary().state() != RunState.FINISHED) {
            throw new InvalidInputException("run", "training.run.notFinished");
        }
        return folders.folder(row);
    }

    /**
     * Follows a run the signed-in user may see, whichever node trains it: {@code listener} hears every update on the
     * bus's thread (a page hands over with {@code UI.access}). Returns what to call to stop (on detach).
     */
    public Runnable follow(UUID id, java.util.function.Consumer<RunUpdate> listener) {
        readable(id);
        return feed.follow(id, listener);
    }

    /** Called whenever any run's state changes, on any node (a waiting run's place may have moved). */
    public Runnable watchQueue(Runnable watcher) {
        return feed.watchQueue(watcher);
    }

    /** The owner may cancel their run, a teacher the runs of their own students, an admin any run. */
    public void cancel(UUID id) {
        readable(id);
        queue.cancel(id);
    }

    /** Goes on from the run's last saved epoch. */
    public RunSummary resume(UUID id) {
        queue.requeue(owned(id), true);
        return run(id);
    }

    /** Trains the run again from scratch with the same settings. */
    public RunSummary restart(UUID id) {
        queue.requeue(owned(id), false);
        return run(id);
    }

    /**
     * Deletes a stopped run of one's own with its checkpoint; the run submitted as the assignment stays. The rows go
     * first, in one guarded statement, and the files only once they are gone.
     */
    public void delete(UUID id) {
        RunRecords.Row row = owned(id);
        if (!row.summary().state().ended()) {
            throw new InvalidInputException("run", "training.run.stillActive");
        }
        if (!records.delete(id)) {
            // The guard failed: handed in meanwhile, or back in the queue.
            throw new InvalidInputException("run", records.handedIn(id) ? "training.run.submitted"
                    : "training.run.stillActive");
        }
        folders.delete(row);
        events.publishEvent(new LabRunDeleted(id));
    }

    /**
     * The runs waiting or training on the server that the signed-in teacher watches over: their own students' (an
     * admin's: everyone's). Other people's runs are only counted ({@link #othersInQueue}).
     */
    @PreAuthorize("hasRole('TEACHER')")
    public List<RunSummary> queue() {
        return summaries(queue.active().stream()
                .filter(row -> classrooms.teachesStudent(row.summary().ownerId())).toList());
    }

    /** How many runs waiting or training belong to people the signed-in teacher does not teach. */
    @PreAuthorize("hasRole('TEACHER')")
    public int othersInQueue() {
        return (int) queue.active().stream().filter(row -> !classrooms.teachesStudent(row.summary().ownerId()))
                .count();
    }

    RunRecords.Row owned(UUID id) {
        SignedInUser user = currentUser.require();
        RunRecords.Row row = records.find(id).orElseThrow(LabRuns::notFound);
        if (row.summary().ownerId() != user.userId()) {
            throw notFound();
        }
        return row;
    }

    private RunRecords.Row readable(UUID id) {
        SignedInUser user = currentUser.require();
        RunRecords.Row row = records.find(id).orElseThrow(LabRuns::notFound);
        long owner = row.summary().ownerId();
        if (owner != user.userId() && !(user.isTeacher() && classrooms.teachesStudent(owner))) {
            throw notFound();
        }
        return row;
    }

    private RunSummary summary(RunRecords.Row row) {
        return summaries(List.of(row)).getFirst();
    }

    /** The rows with their owners' names (from the classroom module), queue positions and resumability. */
    private List<RunSummary> summaries(List<RunRecords.Row> rows) {
        Map<Long, String> names = accounts.displayNames(rows.stream().map(r -> r.summary().ownerId()).distinct()
                .toList());
        return rows.stream().map(row -> summary(row, names.getOrDefault(row.summary().ownerId(), ""))).toList();
    }

    private RunSummary summary(RunRecords.Row row, String ownerName) {
        RunSummary stored = row.summary();
        return new RunSummary(stored.id(), stored.ownerId(), ownerName, stored.experiment(),
                stored.config(), stored.state(), stored.submittedAt(), stored.startedAt(), stored.endedAt(),
                stored.epochsDone(), stored.trainingTime(), stored.finalTrainLoss(), stored.finalValidationLoss(),
                stored.testLoss(), stored.testMetrics(), stored.failure(), stored.storageBytes(),
                stored.state() == RunState.QUEUED ? queue.position(stored.id()) : 0, queue.resumable(row));
    }

    private static InvalidInputException notFound() {
        return new InvalidInputException("run", "training.run.notFound");
    }
}
