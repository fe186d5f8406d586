package org.latentlab.classroom;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.latentlab.base.RateLimits;
import org.latentlab.base.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Empties the database between tests and creates the usual cast: an admin, a teacher, students. */
@Component
public class ClassroomFixture {

    public static final String PASSWORD = "correct horse 42";

    private final ClassroomRecords records;
    private final SetupService setup;
    private final AccountService accountService;
    private final SignIn signIn;
    private final JdbcClient jdbc;
    private final RateLimits limits;

    ClassroomFixture(ClassroomRecords records, SetupService setup, AccountService accountService, SignIn signIn,
            JdbcClient jdbc, RateLimits limits) {
        this.limits = limits;
        this.records = records;
        this.setup = setup;
        this.accountService = accountService;
        this.signIn = signIn;
        this.jdbc = jdbc;
    }

    /**
     * Deletes every row of every feature's table, on H2 and PostgreSQL alike: tables that others still reference
     * fail to empty and are tried again after those (foreign keys are never switched off). The quiz definitions
     * loaded at start-up stay, like the files they come from, and so does the schema history.
     */
    public void emptyDatabase() {
        signIn.out();
        List<String> left = new ArrayList<>(jdbc.sql("select table_name from information_schema.tables where "
                + "lower(table_schema) = 'public' and table_type = 'BASE TABLE' and lower(table_name) not in "
                + "('flyway_schema_history', 'quiz_version') and lower(table_name) not like 'jobrunr%'")
                .query(String.class).list());
        for (int round = 0; !left.isEmpty(); round++) {
            if (round > left.size() + 1) {
                throw new IllegalStateException("Cannot empty " + left + ": rows there reference each other");
            }
            List<String> referenced = new ArrayList<>();
            for (String table : left) {
                try {
                    jdbc.sql("delete from \"" + table + "\"").update();
                } catch (DataIntegrityViolationException stillReferenced) {
                    referenced.add(table);
                }
            }
            left = referenced;
        }
        setup.forget();
        // Every test starts as a new day: the cast it registers does not count against another test's.
        limits.forgetAll();
    }

    public AccountSummary admin() {
        return setup.createFirstAdmin(setup.setupCode(), new NewAccount("admin", "Ada Admin", PASSWORD, PASSWORD));
    }

    /** The one-time setup code the server prints in its log while no admin exists. */
    public String setupCode() {
        return setup.setupCode();
    }

    public AccountSummary teacher(String username) {
        AccountSummary admin = records.accountByUsername("admin").map(ClassroomRecords.Account::summary)
                .orElseGet(this::admin);
        signIn.as(admin);
        try {
            return accountService.createTeacher(new NewAccount(username, "Teacher " + username, PASSWORD, PASSWORD));
        } finally {
            signIn.out();
        }
    }

    public String joinCodeOf(String className) {
        return jdbc.sql("select join_code from classroom where name = ?").param(className).query(String.class)
                .optional().map(JoinCodes::display).orElseThrow();
    }

    /**
     * A student written straight into the database, without a usable password: for tests that need many accounts
     * and never sign in through the form (hashing 60 passwords would take seconds).
     */
    public AccountSummary quickStudent(String username) {
        return records.insertAccount(username, "Student " + username, "no password", Role.STUDENT, Instant.now())
                .summary();
    }

    public AccountSummary student(String username) {
        return accountService.registerStudent(new NewAccount(username, "Student " + username, PASSWORD, PASSWORD));
    }

    /** The stored password hash of an account, for tests that check how passwords are kept. */
    public String passwordHashOf(String username) {
        return records.accountByUsername(username).orElseThrow().passwordHash();
    }

    public boolean exists(String username) {
        return records.usernameTaken(username);
    }

    public AccountSummary account(String username) {
        return records.accountByUsername(username).orElseThrow().summary();
    }
}
