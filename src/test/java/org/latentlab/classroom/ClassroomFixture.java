package org.latentlab.classroom;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Empties the database between tests and creates the usual cast: an admin, a teacher, students. */
@Component
public class ClassroomFixture {

    public static final String PASSWORD = "correct horse 42";

    private final UserAccountRepository accounts;
    private final ClassroomRepository classrooms;
    private final EnrollmentRepository enrollments;
    private final SetupService setup;
    private final AccountService accountService;
    private final SignIn signIn;
    private final JdbcClient jdbc;

    ClassroomFixture(UserAccountRepository accounts, ClassroomRepository classrooms, EnrollmentRepository enrollments,
            SetupService setup, AccountService accountService, SignIn signIn, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.classrooms = classrooms;
        this.enrollments = enrollments;
        this.setup = setup;
        this.accountService = accountService;
        this.signIn = signIn;
    }

    public void emptyDatabase() {
        signIn.out();
        // Every feature's tables, whatever references the accounts (the embedded test database is H2); the quiz
        // definitions loaded at start-up stay, like the files they come from.
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = "
                + "'PUBLIC' and table_type = 'BASE TABLE' and lower(table_name) not in "
                + "('flyway_schema_history', 'quiz_version')")
                .query(String.class).list();
        jdbc.sql("set referential_integrity false").update();
        try {
            for (String table : tables) {
                jdbc.sql("delete from \"" + table + "\"").update();
            }
        } finally {
            jdbc.sql("set referential_integrity true").update();
        }
        setup.forget();
    }

    public AccountSummary admin() {
        return setup.createFirstAdmin(new NewAccount("admin", "Ada Admin", PASSWORD, PASSWORD));
    }

    public AccountSummary teacher(String username) {
        AccountSummary admin = accounts.findByUsername("admin").map(UserAccount::summary).orElseGet(this::admin);
        signIn.as(admin);
        try {
            return accountService.createTeacher(new NewAccount(username, "Teacher " + username, PASSWORD, PASSWORD));
        } finally {
            signIn.out();
        }
    }

    public String joinCodeOf(String className) {
        return classrooms.findAll().stream().filter(c -> c.getName().equals(className)).findFirst()
                .map(c -> JoinCodes.display(c.getJoinCode())).orElseThrow();
    }

    /**
     * A student written straight into the database, without a usable password: for tests that need many accounts
     * and never sign in through the form (hashing 60 passwords would take seconds).
     */
    public AccountSummary quickStudent(String username) {
        java.time.Instant now = java.time.Instant.now();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into user_account (username, display_name, password_hash, role, created_at) "
                + "values (?, ?, 'no password', 'STUDENT', ?)")
                .params(username, "Student " + username, java.sql.Timestamp.from(now)).update(keys, "id");
        return new AccountSummary(keys.getKey().longValue(), username, "Student " + username,
                org.latentlab.base.Role.STUDENT, now);
    }

    public AccountSummary student(String username) {
        return accountService.registerStudent(new NewAccount(username, "Student " + username, PASSWORD, PASSWORD));
    }
}
