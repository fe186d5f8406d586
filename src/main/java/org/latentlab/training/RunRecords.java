package org.latentlab.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.latentlab.ml.TrainingConfig;
import org.latentlab.ml.TrainingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored side of training runs: one row per run, its curve points and latest samples. Each change is one short
 * transaction; an epoch's points, samples and count are written together so they always agree.
 */
@Repository
class RunRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };
    private static final TypeReference<List<RunSample>> SAMPLES = new TypeReference<>() {
    };
    private static final String SELECT = """
            select r.*, u.display_name owner_name from training_run r join user_account u on u.id = r.owner_id
            """;

    /** A row as stored, before the live queue adds its position and the file system its resumability. */
    record Row(RunSummary summary, String checkpointDir) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RunRecords(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void insert(UUID id, long ownerId, Experiment experiment, TrainingConfig config, Instant at,
            String checkpointDir) {
        jdbc.sql("""
                insert into training_run (id, owner_id, experiment, model_kind, config, state, submitted_at,
                    checkpoint_dir) values (?, ?, ?, ?, ?, 'QUEUED', ?, ?)""")
                .params(id.toString(), ownerId, experiment.slug(), config.kind().name(),
                        JSON.writeValueAsString(config), Timestamp.from(at), checkpointDir)
                .update();
    }

    void started(UUID id, Instant at) {
        jdbc.sql("update training_run set state = 'RUNNING', started_at = coalesce(started_at, ?), version = "
                + "version + 1 where id = ?").params(Timestamp.from(at), id.toString()).update();
    }

    /** The points since the last epoch, the epoch count, the samples and the storage used, in one transaction. */
    void epochDone(UUID id, List<CurvePoint> points, int epochsDone, List<RunSample> samples, Duration trainingTime,
            long storageBytes) {
        transactions.executeWithoutResult(status -> {
            for (CurvePoint point : points) {
                jdbc.sql("""
                        insert into training_point (run_id, seq, point_kind, epoch, batch, batches, train_loss,
                            validation_loss) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id.toString(), point.seq(), String.valueOf(point.kind().code()), point.epoch(),
                                point.batch(), point.batches(), point.trainLoss(), point.validationLoss())
                        .update();
            }
            jdbc.sql("""
                    update training_run set epochs_done = ?, samples = ?, train_seconds = ?, storage_bytes = ?,
                        version = version + 1 where id = ?""")
                    .params(epochsDone, JSON.writeValueAsString(samples), trainingTime.toSeconds(), storageBytes,
                            id.toString())
                    .update();
        });
    }

    void finished(UUID id, TrainingResult result, Instant at, long storageBytes) {
        jdbc.sql("""
                update training_run set state = 'FINISHED', ended_at = ?, final_train_loss = ?,
                    final_validation_loss = ?, test_loss = ?, metrics = ?, storage_bytes = ?, failure = null,
                    version = version + 1 where id = ?""")
                .params(Timestamp.from(at), result.finalTrainLoss(), result.finalValidationLoss(),
                        result.testLoss(), JSON.writeValueAsString(result.testParts()), storageBytes, id.toString())
                .update();
    }

    void ended(UUID id, RunState state, Instant at, String failure) {
        jdbc.sql("update training_run set state = ?, ended_at = ?, failure = ?, version = version + 1 where id = ?")
                .params(state.name(), Timestamp.from(at), failure == null ? null : abbreviate(failure, 500),
                        id.toString())
                .update();
    }

    /** At start-up: whatever was waiting or training when the server stopped did not finish. */
    int interruptUnfinished(Instant at) {
        return jdbc.sql("""
                update training_run set state = 'INTERRUPTED', ended_at = ?, version = version + 1
                where state in ('QUEUED', 'RUNNING')""").params(Timestamp.from(at)).update();
    }

    /** Back in the queue, keeping the first {@code keepEpochs} epochs of its curve (0: start again). */
    void requeue(UUID id, int keepEpochs) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from training_point where run_id = ? and epoch > ?").params(id.toString(), keepEpochs)
                    .update();
            jdbc.sql("""
                    update training_run set state = 'QUEUED', ended_at = null, failure = null, epochs_done = ?,
                        final_train_loss = null, final_validation_loss = null, test_loss = null, metrics = null,
                        samples = case when ? = 0 then null else samples end, version = version + 1
                    where id = ?""").params(keepEpochs, keepEpochs, id.toString()).update();
        });
    }

    void storage(UUID id, long bytes) {
        jdbc.sql("update training_run set storage_bytes = ? where id = ?").params(bytes, id.toString()).update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from training_run where id = ?").params(id.toString()).update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id.toString()).query(RunRecords::row).optional();
    }

    List<Row> ofOwner(long ownerId) {
        return jdbc.sql(SELECT + " where r.owner_id = ? order by r.submitted_at desc").param(ownerId)
                .query(RunRecords::row).list();
    }

    List<Row> unfinished() {
        return jdbc.sql(SELECT + " where r.state in ('QUEUED', 'RUNNING') order by r.submitted_at")
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

    private static Row row(ResultSet rs, int n) throws SQLException {
        String metrics = rs.getString("metrics");
        Experiment experiment = Experiment.bySlug(rs.getString("experiment")).orElseThrow();
        RunSummary summary = new RunSummary(UUID.fromString(rs.getString("id")), rs.getLong("owner_id"),
                rs.getString("owner_name"), experiment,
                JSON.readValue(rs.getString("config"), TrainingConfig.class), RunState.valueOf(rs.getString("state")),
                instant(rs, "submitted_at"), instant(rs, "started_at"), instant(rs, "ended_at"),
                rs.getInt("epochs_done"), Duration.ofSeconds(rs.getLong("train_seconds")),
                rs.getObject("final_train_loss", Double.class), rs.getObject("final_validation_loss", Double.class),
                rs.getObject("test_loss", Double.class), metrics == null ? Map.of() : JSON.readValue(metrics, METRICS),
                rs.getString("failure"), rs.getLong("storage_bytes"), 0, false);
        return new Row(summary, rs.getString("checkpoint_dir"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
