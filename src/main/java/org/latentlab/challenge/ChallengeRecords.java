package org.latentlab.challenge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.latentlab.base.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The challenge module's tables, {@code challenge}, {@code challenge_submission} and {@code challenge_vote}, and the
 * only code that reads or writes them. Every change of a challenge's state is one guarded update ({@code … where
 * state in (…)}) that says whether it happened, so a change racing another (a resume against a close) either comes
 * first or finds the guard failed; nothing is read, checked and then written. Class and student names are not here:
 * they belong to the classroom module ({@link Challenge#className()} and {@link Submission#studentName()} are empty).
 */
@Repository
class ChallengeRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<float[]>> VECTORS = new TypeReference<>() {
    };
    private static final TypeReference<List<RuleResult>> RULES = new TypeReference<>() {
    };
    private static final String CHALLENGES = """
            select id, classroom_id, kind, settings, model_id, model_version, keep_policy, state, revealed,
                class_vote, created_at, closes_at from challenge""";
    private static final String SUBMISSIONS = """
            select id, challenge_id, student_id, submitted_at, model_id, model_version, vectors, score, details
            from challenge_submission""";

    private final JdbcClient jdbc;
    private final Database database;

    ChallengeRecords(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    // Challenges

    long insert(long classId, long teacherId, ChallengeSettings settings, String modelId, String modelVersion,
            KeepPolicy keep, boolean classVote, Instant createdAt, Instant closesAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into challenge (classroom_id, created_by, kind, settings, model_id, model_version, keep_policy,
                    class_vote, state, created_at, closes_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(classId, teacherId, settings.kind().name(), JSON.writeValueAsString(settings), modelId,
                        modelVersion, keep.name(), classVote, Timestamp.from(createdAt), Timestamp.from(closesAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Challenge> find(long id, Instant now) {
        return jdbc.sql(CHALLENGES + " where id = ?").param(id).query((rs, n) -> challenge(rs, now)).optional();
    }

    List<Challenge> forClasses(List<Long> classIds, Instant now) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CHALLENGES + " where classroom_id in (:ids) order by created_at desc, id desc")
                .param("ids", classIds).query((rs, n) -> challenge(rs, now)).list();
    }

    /** OPEN → PAUSED, before the deadline; false otherwise. */
    boolean pause(long id, Instant now) {
        return jdbc.sql("update challenge set state = 'PAUSED' where id = ? and state = 'OPEN' and closes_at > ?")
                .params(id, Timestamp.from(now)).update() == 1;
    }

    /** PAUSED → OPEN, before the deadline; false otherwise (a close that came first is never undone). */
    boolean resume(long id, Instant now) {
        return jdbc.sql("update challenge set state = 'OPEN' where id = ? and state = 'PAUSED' and closes_at > ?")
                .params(id, Timestamp.from(now)).update() == 1;
    }

    /** OPEN or PAUSED → CLOSED, before the deadline (after it, the challenge is closed already); false otherwise. */
    boolean close(long id, Instant now) {
        return jdbc.sql("update challenge set state = 'CLOSED' where id = ? and state in ('OPEN', 'PAUSED') "
                + "and closes_at > ?").params(id, Timestamp.from(now)).update() == 1;
    }

    /**
     * Reveals the results of a closed challenge (closed by its teacher or its deadline, which is then stored as
     * CLOSED too), once; false if it is still open or paused, or already revealed.
     */
    boolean reveal(long id, Instant now) {
        return jdbc.sql("update challenge set revealed = true, state = 'CLOSED' where id = ? and revealed = false "
                + "and (state = 'CLOSED' or closes_at <= ?)").params(id, Timestamp.from(now)).update() == 1;
    }

    // Submissions

    /**
     * Stores a submission if the challenge takes submissions at this moment (open, before its deadline), checked in
     * the same statement; empty, and nothing stored, otherwise. One insert, so many at once lose nothing.
     */
    Optional<Long> insertSubmission(long challengeId, long studentId, Instant at, String modelId, String modelVersion,
            List<float[]> vectors, Scored scored) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                insert into challenge_submission (challenge_id, student_id, submitted_at, model_id, model_version,
                    vectors, score, details)
                select id, ?, cast(? as timestamp with time zone), ?, ?, ?, ?, ? from challenge
                where id = ? and state = 'OPEN' and closes_at > ?""")
                .params(studentId, Timestamp.from(at), modelId, modelVersion, JSON.writeValueAsString(vectors),
                        scored.score(), JSON.writeValueAsString(scored.rules()), challengeId, Timestamp.from(at))
                .update(keys, "id");
        return inserted == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
    }

    List<Submission> submissions(long challengeId) {
        return jdbc.sql(SUBMISSIONS + " where challenge_id = ? order by submitted_at, id").param(challengeId)
                .query((rs, n) -> submission(rs)).list();
    }

    List<Submission> submissionsOf(long challengeId, long studentId) {
        return jdbc.sql(SUBMISSIONS + " where challenge_id = ? and student_id = ? order by submitted_at desc, "
                + "id desc").params(challengeId, studentId).query((rs, n) -> submission(rs)).list();
    }

    // Class votes

    /**
     * Records a student's vote, replacing their earlier one for the same challenge (one row per voter, an upsert),
     * if the vote is open at this moment: the challenge has a class vote, has closed and is not revealed. The guard
     * is an update of the challenge's row that changes nothing but holds the row until the vote is stored, so a
     * reveal at the same moment comes either before the vote (which is then refused) or after it; false, and
     * nothing stored, if the vote is not open.
     */
    @Transactional
    boolean vote(long challengeId, long voterId, long submissionId, Instant at) {
        int open = jdbc.sql("""
                update challenge set revealed = false where id = ? and class_vote = true and revealed = false
                and (state = 'CLOSED' or closes_at <= ?)""").params(challengeId, Timestamp.from(at)).update();
        if (open == 0) {
            return false;
        }
        database.upsertRow("challenge_vote", List.of("challenge_id", "voter_id", "submission_id", "voted_at"),
                List.of("challenge_id", "voter_id"),
                "submission_id = excluded.submission_id, voted_at = excluded.voted_at",
                challengeId, voterId, submissionId, Timestamp.from(at));
        return true;
    }

    Optional<Long> voteOf(long challengeId, long voterId) {
        return jdbc.sql("select submission_id from challenge_vote where challenge_id = ? and voter_id = ?")
                .params(challengeId, voterId).query(Long.class).optional();
    }

    /** Votes per submission id. */
    Map<Long, Integer> voteCounts(long challengeId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select submission_id, count(*) votes from challenge_vote where challenge_id = ? "
                + "group by submission_id").param(challengeId).query(rs -> {
                    counts.put(rs.getLong("submission_id"), rs.getInt("votes"));
                });
        return counts;
    }

    private static Challenge challenge(ResultSet rs, Instant now) throws SQLException {
        ChallengeState stored = ChallengeState.valueOf(rs.getString("state"));
        Instant closesAt = rs.getTimestamp("closes_at").toInstant();
        ChallengeState state = stored != ChallengeState.CLOSED && !now.isBefore(closesAt) ? ChallengeState.CLOSED
                : stored;
        return new Challenge(rs.getLong("id"), rs.getLong("classroom_id"), "",
                JSON.readValue(rs.getString("settings"), ChallengeSettings.class), rs.getString("model_id"),
                rs.getString("model_version"), KeepPolicy.valueOf(rs.getString("keep_policy")), state,
                rs.getBoolean("revealed"), rs.getBoolean("class_vote"), rs.getTimestamp("created_at").toInstant(),
                closesAt);
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getLong("challenge_id"), rs.getLong("student_id"), "",
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("model_id"), rs.getString("model_version"),
                JSON.readValue(rs.getString("vectors"), VECTORS), rs.getDouble("score"),
                JSON.readValue(rs.getString("details"), RULES));
    }
}
