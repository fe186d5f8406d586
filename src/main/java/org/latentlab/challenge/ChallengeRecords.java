package org.latentlab.challenge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Challenges and submissions in the database; each change is one short statement. */
@Repository
class ChallengeRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<float[]>> VECTORS = new TypeReference<>() {
    };
    private static final TypeReference<List<RuleResult>> RULES = new TypeReference<>() {
    };
    private static final String CHALLENGES = """
            select c.*, r.name class_name from challenge c join classroom r on r.id = c.classroom_id
            """;
    private static final String SUBMISSIONS = """
            select s.*, u.display_name student_name from challenge_submission s
            join user_account u on u.id = s.student_id
            """;

    private final JdbcClient jdbc;

    ChallengeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long classId, long teacherId, ChallengeSettings settings, String modelId, String modelVersion,
            KeepPolicy keep, boolean classVote, Instant createdAt, Instant closesAt) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into challenge (classroom_id, created_by, kind, settings, model_id, model_version, keep_policy,
                    class_vote, state, created_at, closes_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(classId, teacherId, settings.kind().name(), JSON.writeValueAsString(settings), modelId,
                        modelVersion, keep.name(), classVote, Timestamp.from(createdAt), Timestamp.from(closesAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Challenge> find(long id, Instant now) {
        return jdbc.sql(CHALLENGES + " where c.id = ?").param(id).query((rs, n) -> challenge(rs, now)).optional();
    }

    List<Challenge> forClasses(List<Long> classIds, Instant now) {
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CHALLENGES + " where c.classroom_id in (:ids) order by c.created_at desc")
                .param("ids", classIds).query((rs, n) -> challenge(rs, now)).list();
    }

    void setState(long id, ChallengeState state) {
        jdbc.sql("update challenge set state = ?, version = version + 1 where id = ?").params(state.name(), id)
                .update();
    }

    void reveal(long id) {
        jdbc.sql("update challenge set revealed = true, version = version + 1 where id = ?").param(id).update();
    }

    long insertSubmission(long challengeId, long studentId, Instant at, String modelId, String modelVersion,
            List<float[]> vectors, Scored scored) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into challenge_submission (challenge_id, student_id, submitted_at, model_id, model_version,
                    vectors, score, details) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(challengeId, studentId, Timestamp.from(at), modelId, modelVersion,
                        JSON.writeValueAsString(vectors), scored.score(), JSON.writeValueAsString(scored.rules()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Submission> submissions(long challengeId) {
        return jdbc.sql(SUBMISSIONS + " where s.challenge_id = ? order by s.submitted_at, s.id").param(challengeId)
                .query((rs, n) -> submission(rs)).list();
    }

    List<Submission> submissionsOf(long challengeId, long studentId) {
        return jdbc.sql(SUBMISSIONS + " where s.challenge_id = ? and s.student_id = ? order by s.submitted_at desc, "
                + "s.id desc").params(challengeId, studentId).query((rs, n) -> submission(rs)).list();
    }

    /** Records a student's vote, replacing their earlier one for the same challenge (one row per voter). */
    void vote(long challengeId, long voterId, long submissionId, Instant at) {
        jdbc.sql("""
                merge into challenge_vote (challenge_id, voter_id, submission_id, voted_at) key (challenge_id, voter_id)
                values (?, ?, ?, ?)""").params(challengeId, voterId, submissionId, Timestamp.from(at)).update();
    }

    Optional<Long> voteOf(long challengeId, long voterId) {
        return jdbc.sql("select submission_id from challenge_vote where challenge_id = ? and voter_id = ?")
                .params(challengeId, voterId).query(Long.class).optional();
    }

    /** Votes per submission id. */
    Map<Long, Integer> voteCounts(long challengeId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("select submission_id, count(*) votes from challenge_vote where challenge_id = ? group by submission_id")
                .param(challengeId).query(rs -> {
                    counts.put(rs.getLong("submission_id"), rs.getInt("votes"));
                });
        return counts;
    }

    private static Challenge challenge(ResultSet rs, Instant now) throws SQLException {
        ChallengeState stored = ChallengeState.valueOf(rs.getString("state"));
        Instant closesAt = rs.getTimestamp("closes_at").toInstant();
        ChallengeState state = stored != ChallengeState.CLOSED && !now.isBefore(closesAt) ? ChallengeState.CLOSED
                : stored;
        return new Challenge(rs.getLong("id"), rs.getLong("classroom_id"), rs.getString("class_name"),
                JSON.readValue(rs.getString("settings"), ChallengeSettings.class), rs.getString("model_id"),
                rs.getString("model_version"), KeepPolicy.valueOf(rs.getString("keep_policy")), state,
                rs.getBoolean("revealed"), rs.getBoolean("class_vote"), rs.getTimestamp("created_at").toInstant(), closesAt);
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getLong("challenge_id"), rs.getLong("student_id"),
                rs.getString("student_name"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("model_id"),
                rs.getString("model_version"), JSON.readValue(rs.getString("vectors"), VECTORS), rs.getDouble("score"),
                JSON.readValue(rs.getString("details"), RULES));
    }
}
