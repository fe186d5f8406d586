package org.latentlab.training;

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
import org.latentlab.ml.TrainingConfig;
import org.latentlab.ml.TrainingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training module's tables, {@code training_run}, {@code training_point} and {@code assignment_submission}, and
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
     * A run as stored, before the live queue adds its position, the file system its resumability and the classroom
     * module its owner's name ({@code summary().ownerName()} is null here).
     */
    record Row(RunSummary summary, String checkpointDir) {
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

    void insert(UUID id, long ownerId, Experiment experiment, TrainingConfig config, Instant at,
            String checkpointDir) {
        jdbc.sql("""
                insert into training_run (id, owner_id, experiment, model_kind, config, state, submitted_at,
                    checkpoint_dir) values (?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")
                .params(id.toString(), ownerId, experiment.slug(), config.kind().name(),
                        JSON.writeValueAsString(config), Timestamp.from(at), checkpointDir)
                .update();
    }

    /** QUEUED → RUNNING; false if the run was not waiting. */
    boolean started(UUID id, Instant at) {
        return jdbc.sql("update training_run set state = 'RUNNING', started_at = coalesce(started_at, ?) "
                + "where id = ? and state = 'QUEUED'").params(Timestamp.from(at), id.toString()).update() == 1;
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

    /** RUNNING → FINISHED with the results; false if the run was not training. */
    boolean finished(UUID id, TrainingResult result, Instant at, long storageBytes) {
        return jdbc.sql("""
                update training_run set state = 'FINISHED', ended_at = ?, final_train_loss = ?,
                    final_validation_loss = ?, test_loss = ?, metrics = ?, storage_bytes = ?, failure = null
                where id = ? and state = 'RUNNING'""")
                .params(Timestamp.from(at), result.finalTrainLoss(), result.finalValidationLoss(),
                        result.testLoss(), JSON.writeValueAsString(result.testParts()), storageBytes, id.toString())
                .update() == 1;
    }

    /** QUEUED or RUNNING → cancelled, failed or interrupted; false if the run had already ended. */
    boolean ended(UUID id, RunState state, Instant at, String failure) {
        return jdbc.sql("update training_run set state = ?, ended_at = ?, failure = ? where id = ? "
                + "and state in ('QUEUED', 'RUNNING')")
                .params(state.name(), Timestamp.from(at), failure == null ? null : abbreviate(failure, 500),
                        id.toString())
                .update() == 1;
    }

    /** At start-up: whatever was waiting or training when the server stopped did not finish. */
    int interruptUnfinished(Instant at) {
        return jdbc.sql("""
                update training_run set state = 'INTERRUPTED', ended_at = ?
                where state in ('QUEUED', 'RUNNING')""").params(Timestamp.from(at)).update();
    }

    /**
     * A stopped run back in the queue, keeping the first {@code keepEpochs} epochs of its curve (0: start again).
     * False, and nothing changed, if the run was not stopped (e.g. a second Continue a moment after the first).
     */
    @Transactional
    boolean requeue(UUID id, int keepEpochs) {
        int requeued = jdbc.sql("""
                update training_run set state = 'QUEUED', ended_at = null, failure = null, epochs_done = ?,
                    final_train_loss = null, final_validation_loss = null, test_loss = null, metrics = null,
                    samples = case when ? = 0 then null else samples end
                where id = ? and state in ('CANCELLED', 'FAILED', 'INTERRUPTED')""")
                .params(keepEpochs, keepEpochs, id.toString()).update();
        if (requeued == 0) {
            return false;
        }
        jdbc.sql("delete from training_point where run_id = ? and epoch > ?").params(id.toString(), keepEpochs)
                .update();
        return true;
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
        return jdbc.sql(database.upsert("assignment_submission",
                List.of("student_id", "run_id", "answer_text", "submitted_at"), List.of("student_id"), null))
                .params(studentId, runId.toString(), text, Timestamp.from(at)).update() == 1;
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
        RunSummary summary = new RunSummary(UUID.fromString(rs.getString("id")), rs.getLong("owner_id"), null,
                experiment, JSON.readValue(rs.getString("config"), TrainingConfig.class),
                RunState.valueOf(rs.getString("state")), instant(rs, "submitted_at"), instant(rs, "started_at"),
                instant(rs, "ended_at"), rs.getInt("epochs_done"), Duration.ofSeconds(rs.getLong("train_seconds")),
                rs.getObject("final_train_loss", Double.class), rs.getObject("final_validation_loss", Double.class),
                rs.getObject("test_loss", Double.class), metrics == null ? Map.of() : JSON.readValue(metrics, METRICS),
                rs.getString("failure"), rs.getLong("storage_bytes"), 0, false);
        return new Row(summary, rs.getString("checkpoint_dir"));
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
