package org.latentlab.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.latentlab.base.Database;
import org.latentlab.base.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classroom module's tables, {@code user_account}, {@code classroom}, {@code enrollment} and its rows of
 * {@code server_setting}, and the only code
 * that reads or writes them; other modules ask {@link AccountService} or {@link ClassroomService}. Changes are single
 * statements, so a caller needs a transaction only to combine several.
 */
@Repository
class ClassroomRecords {

    /** An account as stored, password hash included: never handed out of this module. */
    record Account(long id, String username, String displayName, String passwordHash, Role role,
            String preferredLanguage, Instant createdAt) {

        AccountSummary summary() {
            return new AccountSummary(id, username, displayName, role, createdAt);
        }
    }

    record Classroom(long id, String name, String joinCode, long teacherId, Instant createdAt, boolean joiningOpen) {
    }

    record Enrollment(long classroomId, long studentId, Instant joinedAt) {
    }

    private static final String ACCOUNT = "select id, username, display_name, password_hash, role, "
            + "preferred_language, created_at from user_account";
    private static final String CLASSROOM = "select id, name, join_code, teacher_id, created_at, joining_open "
            + "from classroom";
    private static final String ENROLLMENT = "select classroom_id, student_id, joined_at from enrollment";

    private final JdbcClient jdbc;
    private final Database database;

    ClassroomRecords(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    // Accounts

    /** Inserts an account; a taken username fails with the unique key's DuplicateKeyException. */
    Account insertAccount(String username, String displayName, String passwordHash, Role role, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into user_account (username, display_name, password_hash, role, created_at) "
                + "values (?, ?, ?, ?, ?)").params(username, displayName, passwordHash, role.name(), Timestamp.from(at))
                .update(key, "id");
        return new Account(key.getKey().longValue(), username, displayName, passwordHash, role, null, at);
    }

    /** A new student account, enrolled in a class in the same transaction when {@code classroomId} is given. */
    @Transactional
    Account insertStudent(String username, String displayName, String passwordHash, Long classroomId, Instant at) {
        Account student = insertAccount(username, displayName, passwordHash, Role.STUDENT, at);
        if (classroomId != null) {
            enroll(classroomId, student.id(), at);
        }
        return student;
    }

    Optional<Account> account(long id) {
        return jdbc.sql(ACCOUNT + " where id = ?").param(id).query(ClassroomRecords::account).optional();
    }

    Optional<Account> accountByUsername(String username) {
        return jdbc.sql(ACCOUNT + " where username = ?").param(username).query(ClassroomRecords::account).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from user_account where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("select count(*) from user_account where role = ?").param(role.name())
                .query(Long.class).single() > 0;
    }

    Optional<Account> firstWithRole(Role role) {
        return jdbc.sql(ACCOUNT + " where role = ? order by id limit 1").param(role.name())
                .query(ClassroomRecords::account).optional();
    }

    List<Account> allAccounts() {
        return jdbc.sql(ACCOUNT + " order by role, username").query(ClassroomRecords::account).list();
    }

    /** The display names of these accounts (missing ids are left out). */
    Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, display_name from user_account where id in (:ids)").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    void setPreferredLanguage(long id, String language) {
        jdbc.sql("update user_account set preferred_language = ? where id = ?").params(language, id).update();
    }

    // Server settings this module owns

    Optional<String> setting(String name) {
        return jdbc.sql("select setting_value from server_setting where setting_name = ?").param(name).query(String.class)
                .optional();
    }

    void insertSettingIfAbsent(String name, String value) {
        database.upsertRow("server_setting", List.of("setting_name", "setting_value"), List.of("setting_name"), null,
                name, value);
    }

    /**
     * Creates the first admin, using up the setup code in the same transaction: only the request that deletes the
     * stored code creates an account, so two racing requests (on any nodes) cannot make two admins.
     */
    @Transactional
    Optional<Account> insertFirstAdmin(String setupCode, String username, String displayName, String passwordHash,
            Instant at) {
        int claimed = jdbc.sql("delete from server_setting where setting_name = ? and setting_value = ?")
                .params(SetupService.SETUP_CODE, setupCode).update();
        return claimed == 1 ? Optional.of(insertAccount(username, displayName, passwordHash, Role.ADMIN, at))
                : Optional.empty();
    }

    void setSetting(String name, String value) {
        database.upsertRow("server_setting", List.of("setting_name", "setting_value"), List.of("setting_name"),
                "setting_value = excluded.setting_value", name, value);
    }

    // Classes

    Classroom insertClass(String name, String joinCode, long teacherId, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into classroom (name, join_code, teacher_id, created_at, joining_open) "
                + "values (?, ?, ?, ?, true)").params(name, joinCode, teacherId, Timestamp.from(at)).update(key, "id");
        return new Classroom(key.getKey().longValue(), name, joinCode, teacherId, at, true);
    }

    Optional<Classroom> classroom(long id) {
        return jdbc.sql(CLASSROOM + " where id = ?").param(id).query(ClassroomRecords::classroom).optional();
    }

    List<Classroom> classrooms(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CLASSROOM + " where id in (:ids)").param("ids", ids).query(ClassroomRecords::classroom)
                .list();
    }

    Optional<Classroom> classByJoinCode(String joinCode) {
        return jdbc.sql(CLASSROOM + " where join_code = ?").param(joinCode).query(ClassroomRecords::classroom)
                .optional();
    }

    boolean joinCodeTaken(String joinCode) {
        return jdbc.sql("select count(*) from classroom where join_code = ?").param(joinCode)
                .query(Long.class).single() > 0;
    }

    /** A teacher's classes, newest first. */
    List<Classroom> classesOf(long teacherId) {
        return jdbc.sql(CLASSROOM + " where teacher_id = ? order by created_at desc, id desc").param(teacherId)
                .query(ClassroomRecords::classroom).list();
    }

    Optional<Classroom> classNamed(String name, long teacherId) {
        return jdbc.sql(CLASSROOM + " where name = ? and teacher_id = ?").params(name, teacherId)
                .query(ClassroomRecords::classroom).optional();
    }

    void setJoiningOpen(long id, boolean open) {
        jdbc.sql("update classroom set joining_open = ? where id = ?").params(open, id).update();
    }

    void setJoinCode(long id, String joinCode) {
        jdbc.sql("update classroom set join_code = ? where id = ?").params(joinCode, id).update();
    }

    // Enrollments

    /** Enrolls a student once: a second enrollment in the same class changes nothing. Returns whether it was new. */
    boolean enroll(long classroomId, long studentId, Instant at) {
        return database.upsertRow("enrollment", List.of("classroom_id", "student_id", "joined_at"),
                List.of("classroom_id", "student_id"), null, classroomId, studentId, Timestamp.from(at)) == 1;
    }

    boolean enrolled(long classroomId, long studentId) {
        return jdbc.sql("select count(*) from enrollment where classroom_id = ? and student_id = ?")
                .params(classroomId, studentId).query(Long.class).single() > 0;
    }

    /** A student's classes, the latest joined first. */
    List<Enrollment> enrollmentsOf(long studentId) {
        return jdbc.sql(ENROLLMENT + " where student_id = ? order by joined_at desc").param(studentId)
                .query(ClassroomRecords::enrollment).list();
    }

    /** The members of these classes, in the order they joined. */
    List<Enrollment> enrollmentsIn(Collection<Long> classroomIds) {
        if (classroomIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ENROLLMENT + " where classroom_id in (:ids) order by joined_at, student_id")
                .param("ids", classroomIds).query(ClassroomRecords::enrollment).list();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Role.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant());
    }

    private static Classroom classroom(ResultSet rs, int row) throws SQLException {
        return new Classroom(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getTimestamp(5).toInstant(), rs.getBoolean(6));
    }

    private static Enrollment enrollment(ResultSet rs, int row) throws SQLException {
        return new Enrollment(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant());
    }
}
