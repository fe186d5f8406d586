package org.latentlab.lab;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.latentlab.base.Database;
import org.latentlab.ml.NetworkDesign;
import org.latentlab.ml.TrainingConfig;
import org.latentlab.ml.TrainingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lab module's tables, {@code training_run}, {@code training_point} and {@code assignment_submission}, and
 * the only code that reads or writes them. Each change is one statement, except an epoch's points, samples and count
 * (written in one transaction so they always agree) and a requeue. A run's state changes only by a guarded update
 * ({@code … where state in (…)}) that says whether it happened, so two requests racing over one run cannot both win.
 * Names of owners, students and graders are not here: they belong to the classroom module.
 */
@Repository
class RunRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };
    private static final TypeReference<List<RunSample>> SAMPLES = new TypeReference<>() {
    };
    private static final String RUN = "select * from training_run";
    private static final String HAND_IN = """
            select id, student_id, run_id, answer_text, submitted_at, grade, comment_text, graded_by, graded_at,
                version from assignment_submission""";

    /**
     * A run as stored, before the queue adds its position, the file system its resumability and the classroom
     * module its owner's name ({@code summary().ownerName()} is null here).
     *
     * @param checkpointDir   its folder, relative to the checkpoint root (absolute for runs of older versions)
     * @param attempt         how many times it went back into the queue; a job trains one attempt
     * @param cancelRequested someone asked to stop it while it trains
     */
    record Row(RunSummary summary, String checkpointDir, int attempt, boolean cancelRequested) {
    }

    /** Why a run could not be admitted, or null when it was. */
    enum Refusal {
        USER_LIMIT, QUEUE_FULL
    }

    /**
     * A student's assignment hand-in as stored. {@code version} goes up with every change (a new hand-in, a grade),
     * so a teacher's grade can say which version it grades.
     */
    record HandIn(long id, long studentId, UUID runId, String text, Instant submittedAt, Integer grade,
            String comment, Long gradedBy, Instant gradedAt, long version) {
    }

    private final JdbcClient jdbc;
    private final Database database;

    RunRecords(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    // Runs

    /**
     * Stores a new run, waiting, if its owner has fewer than {@code perUser} runs waiting or training and the queue
     * fewer than {@code capacity} waiting; otherwise stores nothing and says why. Admissions on every node take the
     * same lock row first, so two at the same moment are counted one after the other.
     */
    @Transactional
    Refusal admit(UUID id, long ownerId, Experiment experiment, TrainingConfig config, Instant at,
            String checkpointDir, int perUser, int capacity) {
        Refusal refusal = checkLimits(ownerId, perUser, capacity);
        if (refusal != null) {
            return refusal;
        }
        jdbc.sql("""
                insert into training_run (id, owner_id, experiment, model_kind, config, design, state, submitted_at,
                    queued_at, checkpoint_dir) values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(id.toString(), ownerId, experiment.slug(), config.kind().name(),
                        JSON.writeValueAsString(config.withDesign(null)),
                        config.design() == null ? null : JSON.writeValueAsString(config.design()),
                        Timestamp.from(at), Timestamp.from(at), checkpointDir)
                .update();
        return null;
    }

    /** Within an admission's transaction: takes the admission lock, then counts. */
    private Refusal checkLimits(long ownerId, int perUser, int capacity) {
        // The lock row is made if it is missing (a database emptied by hand, or copied without it).
        database.upsertRow("training_admission", List.of("lock_name"), List.of("lock_name"), null, "queue");
        jdbc.sql("select lock_name from training_admission where lock_name = 'queue' for update")
                .query(String.class).single();
        long active = jdbc.sql("select count(*) from training_run where owner_id = ? and state in ('QUEUED', "
                + "'RUNNING')").param(ownerId).query(Long.class).single();
        if (active >= perUser) {
            return Refusal.USER_LIMIT;
        }
        long waiting = jdbc.sql("select count(*) from training_run where state = 'QUEUED'").query(Long.class)
                .single();
        return waiting >= capacity ? Refusal.QUEUE_FULL : null;
    }

    /**
     * A job takes its run to train it: QUEUED → RUNNING, or RUNNING / INTERRUPTED → RUNNING again when the job is
     * retried after its worker died or stopped. Only the attempt the job was made for, and never a run someone asked
     * to cancel. False if the run is not the job's to train.
     */
    boolean claim(UUID id, int attempt, String worker, Instant at) {
        return jdbc.sql("""
                update training_run set state = 'RUNNING', started_at = coalesce(started_at, ?), ended_at = null,
                    worker = ?
                where id = ? and attempt = ? and not cancel_requested
                    and state in ('QUEUED', 'RUNNING', 'INTERRUPTED')""")
                .params(Timestamp.from(at), worker, id.toString(), attempt).update() == 1;
    }

    /** Points of epochs after {@code epoch}: left by nothing normally, cleared before training goes on from it. */
    void deletePointsAfter(UUID id, int epoch) {
        jdbc.sql("delete from training_point where run_id = ? and epoch > ?").params(id.toString(), epoch).update();
    }

    /** The points since the last epoch, the epoch count, the samples and the storage used, in one transaction. */
    @Transactional
    void epochDone(UUID id, List<CurvePoint> points, int epochsDone, List<RunSample> samples, Duration trainingTime,
            long storageBytes) {
        for (CurvePoint point : points) {
            jdbc.sql("""
                    insert into training_point (run_id, seq, point_kind, epoch, batch, batches, train_loss,
                        validation_loss) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id.toString(), point.seq(), String.valueOf(point.kind().code()), point.epoch(),
                            point.batch(), point.batches(), point.trainLoss(), point.validationLoss())
                    .update();
        }
        jdbc.sql("""
                update training_run set epochs_done = ?, samples = ?, train_seconds = ?, storage_bytes = ?
                where id = ?""")
                .params(epochsDone, JSON.writeValueAsString(samples), trainingTime.toSeconds(), storageBytes,
                        id.toString())
                .update();
    }

    /** RUNNING → FINISHED with the results, for the attempt that trained it; false otherwise. */
    boolean finished(UUID id, int attempt, TrainingResult result, Instant at, long storageBytes) {
        return jdbc.sql("""
                update training_run set state = 'FINISHED', ended_at = ?, final_train_loss = ?,
                    final_validation_loss = ?, test_loss = ?, metrics = ?, storage_bytes = ?, failure = null
                where id = ? and attempt = ? and state = 'RUNNING'""")
                .params(Timestamp.from(at), result.finalTrainLoss(), result.finalValidationLoss(),
                        result.testLoss(), JSON.writeValueAsString(result.testParts()), storageBytes, id.toString(),
                        attempt)
                .update() == 1;
    }

    /** The training attempt ends: RUNNING → cancelled, failed or interrupted; false if it was not training. */
    boolean ended(UUID id, int attempt, RunState state, Instant at, String failure) {
        return jdbc.sql("update training_run set state = ?, ended_at = ?, failure = ? where id = ? and attempt = ? "
                + "and state = 'RUNNING'")
                .params(state.name(), Timestamp.from(at), failure == null ? null : abbreviate(failure, 500),
                        id.toString(), attempt)
                .update() == 1;
    }

    /** A waiting run is cancelled before any worker took it: QUEUED → CANCELLED; false if it was not waiting. */
    boolean cancelWaiting(UUID id, Instant at) {
        return jdbc.sql("update training_run set state = 'CANCELLED', ended_at = ? where id = ? and state = 'QUEUED'")
                .params(Timestamp.from(at), id.toString()).update() == 1;
    }

    /** Asks the worker training the run to stop; false if it is not training. */
    boolean requestCancel(UUID id) {
        return jdbc.sql("update training_run set cancel_requested = true where id = ? and state = 'RUNNING'")
                .param(id.toString()).update() == 1;
    }

    boolean cancelRequested(UUID id) {
        return jdbc.sql("select cancel_requested from training_run where id = ?").param(id.toString())
                .query(Boolean.class).optional().orElse(true);
    }

    /**
     * A stopped run back in the queue as a new attempt, keeping the first {@code keepEpochs} epochs of its curve
     * (0: start again), within the same limits as a new run. Returns the new attempt; empty, and nothing changed,
     * if the run was not stopped (e.g. a second Continue a moment after the first), or the refusal.
     */
    @Transactional
    Requeued requeue(UUID id, long ownerId, int keepEpochs, Instant at, int perUser, int capacity) {
        Refusal refusal = checkLimits(ownerId, perUser, capacity);
        if (refusal != null) {
            return new Requeued(false, 0, refusal);
        }
        int requeued = jdbc.sql("""
                update training_run set state = 'QUEUED', ended_at = null, failure = null, epochs_done = ?,
                    final_train_loss = null, final_validation_loss = null, test_loss = null, metrics = null,
                    samples = case when ? = 0 then null else samples end, attempt = attempt + 1,
                    cancel_requested = false, worker = null, queued_at = ?
                where id = ? and state in ('CANCELLED', 'FAILED', 'INTERRUPTED')""")
                .params(keepEpochs, keepEpochs, Timestamp.from(at), id.toString()).update();
        if (requeued == 0) {
            return new Requeued(false, 0, null);
        }
        deletePointsAfter(id, keepEpochs);
        return new Requeued(true, jdbc.sql("select attempt from training_run where id = ?").param(id.toString())
                .query(Integer.class).single(), null);
    }

    /** The outcome of a requeue: whether it happened, the attempt it made, or why it was refused. */
    record Requeued(boolean done, int attempt, Refusal refusal) {
    }

    /** Runs waiting or training, the training ones first, then in the order they went into the queue. */
    List<Row> active() {
        return jdbc.sql(RUN + " where state in ('QUEUED', 'RUNNING') order by case when state = 'RUNNING' then 0 "
                + "else 1 end, queued_at, id").query(RunRecords::row).list();
    }

    /** 1 for the waiting run that went into the queue first, 0 for a run that is not waiting. */
    int queuePosition(UUID id) {
        return jdbc.sql("""
                select count(*) from training_run w, training_run r
                where r.id = ? and r.state = 'QUEUED' and w.state = 'QUEUED'
                    and (w.queued_at < r.queued_at or (w.queued_at = r.queued_at and w.id <= r.id))""")
                .param(id.toString()).query(Integer.class).single();
    }

    void storage(UUID id, long bytes) {
        jdbc.sql("update training_run set storage_bytes = ? where id = ?").params(bytes, id.toString()).update();
    }

    /**
     * Deletes a run that has ended and is not handed in as the assignment, with its curve; false, and nothing
     * deleted, otherwise. One statement, so a hand-in at the same moment either comes first (and the run stays) or
     * finds the run gone.
     */
    boolean delete(UUID id) {
        return jdbc.sql("""
                delete from training_run where id = ? and state in ('FINISHED', 'CANCELLED', 'FAILED', 'INTERRUPTED')
                and not exists (select 1 from assignment_submission s where s.run_id = training_run.id)""")
                .param(id.toString()).update() == 1;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(RUN + " where id = ?").param(id.toString()).query(RunRecords::row).optional();
    }

    List<Row> ofOwner(long ownerId) {
        return jdbc.sql(RUN + " where owner_id = ? order by submitted_at desc").param(ownerId)
                .query(RunRecords::row).list();
    }

    long storageOf(long ownerId) {
        return jdbc.sql("select coalesce(sum(storage_bytes), 0) from training_run where owner_id = ?")
                .param(ownerId).query(Long.class).single();
    }

    List<CurvePoint> curve(UUID id) {
        return jdbc.sql("select * from training_point where run_id = ? order by seq").param(id.toString())
                .query((rs, n) -> new CurvePoint(rs.getInt("seq"), CurvePoint.Kind.of(rs.getString("point_kind")),
                        rs.getInt("epoch"), rs.getInt("batch"), rs.getInt("batches"), rs.getDouble("train_loss"),
                        rs.getObject("validation_loss", Double.class)))
                .list();
    }

    List<RunSample> samples(UUID id) {
        String json = jdbc.sql("select samples from training_run where id = ?").param(id.toString())
                .query(String.class).optional().orElse(null);
        return json == null ? List.of() : JSON.readValue(json, SAMPLES);
    }

    // Assignment hand-ins

    /** A student's first hand-in; false, and nothing written, if they already have one. */
    boolean insertHandIn(long studentId, UUID runId, String text, Instant at) {
        return database.upsertRow("assignment_submission",
                List.of("student_id", "run_id", "answer_text", "submitted_at"), List.of("student_id"), null,
                studentId, runId.toString(), text, Timestamp.from(at)) == 1;
    }

    /** Replaces a student's hand-in while it is ungraded; false if it has been graded (or there is none). */
    boolean replaceHandIn(long studentId, UUID runId, String text, Instant at) {
        return jdbc.sql("""
                update assignment_submission set run_id = ?, answer_text = ?, submitted_at = ?, version = version + 1
                where student_id = ? and grade is null""")
                .params(runId.toString(), text, Timestamp.from(at), studentId).update() == 1;
    }

    /**
     * Grades (or grades again) the version of a hand-in the teacher saw; false if it has changed since, by a new
     * hand-in or another grade.
     */
    boolean grade(long id, long seenVersion, int grade, String comment, long teacherId, Instant at) {
        return jdbc.sql("""
                update assignment_submission set grade = ?, comment_text = ?, graded_by = ?, graded_at = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(grade, comment, teacherId, Timestamp.from(at), id, seenVersion).update() == 1;
    }

    Optional<HandIn> handIn(long id) {
        return jdbc.sql(HAND_IN + " where id = ?").param(id).query(RunRecords::handIn).optional();
    }

    Optional<HandIn> handInOf(long studentId) {
        return jdbc.sql(HAND_IN + " where student_id = ?").param(studentId).query(RunRecords::handIn).optional();
    }

    /** The hand-ins of these students, the earliest first. */
    List<HandIn> handInsOf(Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(HAND_IN + " where student_id in (:ids) order by submitted_at, id").param("ids", studentIds)
                .query(RunRecords::handIn).list();
    }

    boolean handedIn(UUID runId) {
        return jdbc.sql("select count(*) from assignment_submission where run_id = ?").param(runId.toString())
                .query(Long.class).single() > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String metrics = rs.getString("metrics");
        Experiment experiment = Experiment.bySlug(rs.getString("experiment")).orElseThrow();
        String design = rs.getString("design");
        TrainingConfig config = JSON.readValue(rs.getString("config"), TrainingConfig.class);
        if (design != null) {
            config = config.withDesign(JSON.readValue(design, NetworkDesign.class));
        }
        RunSummary summary = new RunSummary(UUID.fromString(rs.getString("id")), rs.getLong("owner_id"), null,
                experiment, config,
                RunState.valueOf(rs.getString("state")), instant(rs, "submitted_at"), instant(rs, "started_at"),
                instant(rs, "ended_at"), rs.getInt("epochs_done"), Duration.ofSeconds(rs.getLong("train_seconds")),
                rs.getObject("final_train_loss", Double.class), rs.getObject("final_validation_loss", Double.class),
                rs.getObject("test_loss", Double.class), metrics == null ? Map.of() : JSON.readValue(metrics, METRICS),
                rs.getString("failure"), rs.getLong("storage_bytes"), 0, false);
        return new Row(summary, rs.getString("checkpoint_dir"), rs.getInt("attempt"),
                rs.getBoolean("cancel_requested"));
    }

    private static HandIn handIn(ResultSet rs, int n) throws SQLException {
        return new HandIn(rs.getLong("id"), rs.getLong("student_id"), UUID.fromString(rs.getString("run_id")),
                rs.getString("answer_text"), instant(rs, "submitted_at"), rs.getObject("grade", Integer.class),
                rs.getString("comment_text"), rs.getObject("graded_by", Long.class), instant(rs, "graded_at"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
