package org.latentlab.quiz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.latentlab.base.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quiz module's tables, {@code quiz_version}, {@code quiz_attempt} and {@code quiz_answer}, and the only code
 * that reads or writes them. Every method is one statement; {@link QuizWriter} runs the ones that belong together
 * (lock an attempt, check it, write) in one transaction.
 */
@Repository
class QuizRecords {

    /** A stored version of a quiz, its definition in our file format. */
    record VersionRow(long id, String quizId, int version, String definition, String contentHash) {
    }

    /** A stored answer: the JSON of {@link AnswerCodec} and when it was saved. */
    record AnswerRow(long attemptId, String questionId, String answer, Instant savedAt) {
    }

    private static final String VERSION = "select id, quiz_id, version, definition, content_hash from quiz_version";
    private static final String ATTEMPT = "select id, quiz_id, quiz_version_id, student_id, attempt_number, state, "
            + "started_at, deadline, submitted_at, score, max_score from quiz_attempt";
    private static final String ANSWER = "select attempt_id, question_id, answer, saved_at from quiz_answer";

    private final JdbcClient jdbc;
    private final Database database;

    QuizRecords(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    // Versions

    Optional<VersionRow> version(long id) {
        return jdbc.sql(VERSION + " where id = ?").param(id).query(QuizRecords::version).optional();
    }

    /** The newest stored version of a quiz. */
    Optional<VersionRow> latestVersion(String quizId) {
        return jdbc.sql(VERSION + " where quiz_id = ? order by version desc limit 1").param(quizId)
                .query(QuizRecords::version).optional();
    }

    /** The ids of all stored versions of a quiz, oldest first. */
    List<Long> versionIds(String quizId) {
        return jdbc.sql("select id from quiz_version where quiz_id = ? order by version").param(quizId)
                .query(Long.class).list();
    }

    /** The newest version of every quiz whose newest version was imported. */
    List<Long> latestImportedVersionIds() {
        return jdbc.sql("select v.id from quiz_version v where v.source = 'IMPORT' and v.version = "
                + "(select max(o.version) from quiz_version o where o.quiz_id = v.quiz_id) order by v.quiz_id")
                .query(Long.class).list();
    }

    /**
     * Adds a version unless that number is taken (another node stored it a moment ago: the unique key settles the
     * race without an error). Returns whether it was added.
     */
    boolean insertVersion(String quizId, int version, String definition, String contentHash, String source,
            Instant at) {
        return database.upsertRow("quiz_version", List.of("quiz_id", "version", "definition", "content_hash",
                "source", "created_at"), List.of("quiz_id", "version"), null,
                quizId, version, definition, contentHash, source, Timestamp.from(at)) == 1;
    }

    // Attempts

    /**
     * Adds an open attempt unless the student already has one with this number (a second tab started it a moment
     * ago). Returns whether it was added.
     */
    boolean insertAttempt(long versionId, String quizId, long studentId, int number, String language,
            String presentation, Instant startedAt, Instant deadline, double maxScore) {
        return database.upsertRow("quiz_attempt", List.of("quiz_version_id", "quiz_id", "student_id",
                "attempt_number", "state", "language", "presentation", "started_at", "deadline", "max_score"),
                List.of("quiz_id", "student_id", "attempt_number"), null,
                versionId, quizId, studentId, number, AttemptState.OPEN.name(), language, presentation,
                Timestamp.from(startedAt), deadline == null ? null : Timestamp.from(deadline), maxScore) == 1;
    }

    Optional<AttemptSummary> attempt(long id) {
        return jdbc.sql(ATTEMPT + " where id = ?").param(id).query(QuizRecords::attempt).optional();
    }

    /**
     * The attempt, its row locked until the transaction ends: saving an answer and submitting lock it first, so
     * one waits for the other and sees its outcome (both databases support {@code for update}).
     */
    Optional<AttemptSummary> lockAttempt(long id) {
        return jdbc.sql(ATTEMPT + " where id = ? for update").param(id).query(QuizRecords::attempt).optional();
    }

    /** A student's attempts at a quiz, oldest first. */
    List<AttemptSummary> attempts(long studentId, String quizId) {
        return jdbc.sql(ATTEMPT + " where student_id = ? and quiz_id = ? order by attempt_number")
                .params(studentId, quizId).query(QuizRecords::attempt).list();
    }

    /** The attempts of these students at any quiz, by student, quiz and number. */
    List<AttemptSummary> attempts(Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ATTEMPT + " where student_id in (:students) order by student_id, quiz_id, attempt_number")
                .param("students", studentIds).query(QuizRecords::attempt).list();
    }

    /** The options' order of each question as the attempt shows them. */
    String presentation(long attemptId) {
        return jdbc.sql("select presentation from quiz_attempt where id = ?").param(attemptId).query(String.class)
                .single();
    }

    /** Closes an open attempt with its score; returns false if it was not open (submitted already). */
    boolean markSubmitted(long attemptId, Instant at, double score) {
        return jdbc.sql("update quiz_attempt set state = 'SUBMITTED', submitted_at = ?, score = ? "
                + "where id = ? and state = 'OPEN'").params(Timestamp.from(at), score, attemptId).update() == 1;
    }

    /** A new score for a submitted attempt (answers are never touched). */
    boolean regrade(long attemptId, double score, double maxScore, Instant at) {
        return jdbc.sql("update quiz_attempt set score = ?, max_score = ?, regraded_at = ? "
                + "where id = ? and state = 'SUBMITTED'").params(score, maxScore, Timestamp.from(at), attemptId)
                .update() == 1;
    }

    // Answers

    /** Stores the answer to one question of an attempt, replacing an earlier one, in one statement. */
    void upsertAnswer(long attemptId, String questionId, String answer, Instant at) {
        database.upsertRow("quiz_answer", List.of("attempt_id", "question_id", "answer", "saved_at"),
                List.of("attempt_id", "question_id"), "answer = excluded.answer, saved_at = excluded.saved_at",
                attemptId, questionId, answer, Timestamp.from(at));
    }

    /** The stored answers of an attempt, in the order they were first given. */
    List<AnswerRow> answers(long attemptId) {
        return jdbc.sql(ANSWER + " where attempt_id = ? order by id").param(attemptId).query(QuizRecords::answer)
                .list();
    }

    /** The stored answers of these attempts, by attempt id. */
    Map<Long, List<AnswerRow>> answers(Collection<Long> attemptIds) {
        Map<Long, List<AnswerRow>> byAttempt = new LinkedHashMap<>();
        if (attemptIds.isEmpty()) {
            return byAttempt;
        }
        jdbc.sql(ANSWER + " where attempt_id in (:attempts) order by attempt_id, id").param("attempts", attemptIds)
                .query(QuizRecords::answer).list()
                .forEach(a -> byAttempt.computeIfAbsent(a.attemptId(), id -> new java.util.ArrayList<>()).add(a));
        return byAttempt;
    }

    private static VersionRow version(ResultSet rs, int row) throws SQLException {
        return new VersionRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5));
    }

    private static AttemptSummary attempt(ResultSet rs, int row) throws SQLException {
        Timestamp deadline = rs.getTimestamp(8);
        Timestamp submitted = rs.getTimestamp(9);
        double score = rs.getDouble(10);
        Double scoreOrNull = rs.wasNull() ? null : score;
        return new AttemptSummary(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                AttemptState.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                deadline == null ? null : deadline.toInstant(), submitted == null ? null : submitted.toInstant(),
                scoreOrNull, rs.getDouble(11));
    }

    private static AnswerRow answer(ResultSet rs, int row) throws SQLException {
        return new AnswerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }
}
