package org.latentlab.lesson;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.latentlab.base.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lesson module's tables, {@code lesson_progress} and {@code imported_lesson}, and the only code that reads or
 * writes them.
 */
@Repository
class LessonRecords {

    /** One imported version of a curriculum lesson in one language; never overwritten, newer versions are added. */
    record ImportedLesson(long id, String lessonId, String language, int version, String title, String markdown,
            String sourceName, Instant importedAt) {
    }

    /** One recorded progress item of a student in a lesson. */
    record ProgressRow(long userId, String lessonId, String item, Instant at) {
    }

    private static final String IMPORTED = "select id, lesson_id, language, version, title, markdown, source_name, "
            + "imported_at from imported_lesson";

    private final JdbcClient jdbc;
    private final Database database;

    LessonRecords(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    // Progress

    /**
     * Records one event: the first time a row, later one more hit and a new last time; one atomic statement, so
     * two requests recording the same event at once count twice and never fail.
     */
    void recordProgress(long userId, String lessonId, String item, Instant at) {
        Timestamp now = Timestamp.from(at);
        database.upsertRow("lesson_progress", List.of("user_id", "lesson_id", "item", "first_at", "last_at", "hits"),
                List.of("user_id", "lesson_id", "item"), "last_at = excluded.last_at, hits = lesson_progress.hits + 1",
                userId, lessonId, item, now, now, 1);
    }

    /** Every item these students recorded in a lesson, oldest first. */
    List<ProgressRow> progress(Collection<Long> userIds, String lessonId) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select user_id, lesson_id, item, last_at from lesson_progress where lesson_id = :lesson "
                + "and user_id in (:users) order by last_at, id").param("lesson", lessonId).param("users", userIds)
                .query((rs, n) -> new ProgressRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The sections a student reached for the first time most recently, newest first. */
    List<ProgressRow> latestFirstSections(long userId, int limit) {
        return jdbc.sql("select user_id, lesson_id, item, first_at from lesson_progress "
                + "where user_id = ? and item like 'section:%' order by first_at desc, id desc limit ?")
                .params(userId, limit)
                .query((rs, n) -> new ProgressRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    // Imported lessons

    /**
     * Adds the next version of an imported lesson in one language and returns its number. The unique key settles
     * a race between two imports of the same lesson: the later one fails and may simply be repeated.
     */
    int insertImported(String lessonId, String language, String title, String markdown, String sourceName,
            String report, long importedBy, Instant at) {
        int version = jdbc.sql("select coalesce(max(version), 0) from imported_lesson where lesson_id = ? "
                + "and language = ?").params(lessonId, language).query(Integer.class).single() + 1;
        jdbc.sql("insert into imported_lesson (lesson_id, language, version, title, markdown, source_name, report, "
                + "imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(lessonId, language, version, title, markdown, sourceName, report, importedBy,
                        Timestamp.from(at))
                .update();
        return version;
    }

    /** Who imported the lesson first (in any language): its owner; empty for a lesson never imported. */
    Optional<Long> ownerOf(String lessonId) {
        return jdbc.sql("select imported_by from imported_lesson where lesson_id = ? order by imported_at, id "
                + "limit 1").param(lessonId).query(Long.class).optional();
    }

    /** The newest version of a lesson in a language. */
    Optional<ImportedLesson> latestImported(String lessonId, String language) {
        return jdbc.sql(IMPORTED + " where lesson_id = ? and language = ? order by version desc limit 1")
                .params(lessonId, language).query(LessonRecords::imported).optional();
    }

    /** The newest version of every imported lesson in every language. */
    List<ImportedLesson> latestImported() {
        return jdbc.sql(IMPORTED + " l where version = (select max(o.version) from imported_lesson o "
                + "where o.lesson_id = l.lesson_id and o.language = l.language) order by lesson_id, language")
                .query(LessonRecords::imported).list();
    }

    private static ImportedLesson imported(ResultSet rs, int row) throws SQLException {
        return new ImportedLesson(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
