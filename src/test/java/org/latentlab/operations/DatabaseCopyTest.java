package org.latentlab.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.classroom.ClassroomFixture;
import org.latentlab.test.ApplicationTest;
import org.latentlab.test.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Moving a school from the embedded H2 database to PostgreSQL ({@code --copy-database-to}): every row of every
 * table arrives unchanged, new rows on PostgreSQL get ids after the copied ones, and a target that already holds
 * something is refused without being touched. Runs in the H2 test run and needs the PostgreSQL test server.
 */
@ApplicationTest
class DatabaseCopyTest {

    @Autowired
    EveryKindOfRow school;
    @Autowired
    ClassroomFixture fixture;
    @Autowired
    OperationsCommands commands;
    @Autowired
    DataSource dataSource;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void fromH2ToAPostgresqlServer() {
        Assumptions.assumeFalse(TestDatabases.postgresql(),
                "the copy starts from the embedded H2 database: it runs in the H2 test run");
        TestDatabases.requireServer();
    }

    private int copyTo(String url) {
        return commands.copy(new DefaultApplicationArguments("--copy-database-to=" + url,
                "--to-user=" + TestDatabases.user()), TestDatabases.password(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static DataSource postgresql(String url) {
        return new DriverManagerDataSource(url, TestDatabases.user(), TestDatabases.password());
    }

    @Test
    void everyRowOfASchoolArrivesInPostgresqlUnchangedAndNewRowsThereGetIdsAfterTheCopiedOnes() throws Exception {
        school.build();
        Map<String, List<String>> original = TableRows.of(dataSource);
        // The school really holds every kind of row: a table added later needs rows in EveryKindOfRow too.
        assertThat(original).isNotEmpty().allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
        assertThat(original.get("user_account")).anyMatch(row -> row.contains(EveryKindOfRow.ZOE));
        assertThat(original.get("user_account")).anyMatch(row -> row.contains("preferred_language=null"));
        assertThat(original.get("training_point")).anyMatch(row -> row.contains("validation_loss=null"));

        String url = TestDatabases.createDatabase();
        int exit = copyTo(url);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("copied: every table has the same number of rows").doesNotContain("MISMATCH");
        original.forEach((table, rows) -> assertThat(printed)
                .containsPattern("(?m)^" + table + " +" + rows.size() + " +" + rows.size() + "$"));

        DataSource copy = postgresql(url);
        Map<String, List<String>> copied = TableRows.of(copy);
        assertThat(copied.keySet()).containsExactlyElementsOf(original.keySet());
        original.forEach((table, rows) -> assertThat(copied.get(table)).as(table).containsExactlyElementsOf(rows));

        // Every identity column continues after the highest copied id...
        JdbcClient target = JdbcClient.create(copy);
        List<Map<String, Object>> identities = target.sql("select table_name, column_name "
                + "from information_schema.columns where table_schema = 'public' and is_identity = 'YES'")
                .query().listOfRows();
        assertThat(identities).extracting(row -> row.get("table_name")).contains("user_account", "quiz_answer",
                "challenge_submission");
        for (Map<String, Object> identity : identities) {
            String table = (String) identity.get("table_name");
            String column = (String) identity.get("column_name");
            long highest = target.sql("select coalesce(max(" + column + "), 0) from " + table).query(Long.class)
                    .single();
            long next = target.sql("select nextval(pg_get_serial_sequence('" + table + "', '" + column + "'))")
                    .query(Long.class).single();
            assertThat(next).as(table + "." + column).isGreaterThan(highest);
        }
        // ...so the app inserting new rows on PostgreSQL does not clash with a copied one.
        Instant now = Instant.now();
        long account = target.sql("insert into user_account (username, display_name, password_hash, role, "
                + "created_at) values ('newcomer', 'Nová žákyně', 'x', 'STUDENT', ?) returning id")
                .param(Timestamp.from(now)).query(Long.class).single();
        long classroom = target.sql("select min(id) from classroom").query(Long.class).single();
        target.sql("insert into enrollment (classroom_id, student_id, joined_at) values (?, ?, ?)")
                .params(classroom, account, Timestamp.from(now)).update();
        long challenge = target.sql("select min(id) from challenge").query(Long.class).single();
        target.sql("insert into challenge_submission (challenge_id, student_id, submitted_at, model_id, "
                + "model_version, vectors, score, details) values (?, ?, ?, 'm', 'v', '[]', 1, '[]')")
                .params(challenge, account, Timestamp.from(now)).update();
        assertThat(target.sql("select count(*) from user_account").query(Long.class).single())
                .isEqualTo(original.get("user_account").size() + 1L);
    }

    @Test
    void aTargetThatAlreadyHoldsTheSchoolIsRefusedWithAClearMessageAndStaysAsItWas() throws Exception {
        fixture.teacher("rivka");
        String url = TestDatabases.createDatabase();
        assertThat(copyTo(url)).isZero();
        DataSource target = postgresql(url);
        Map<String, List<String>> before = TableRows.of(target);
        List<String> historyBefore = history(target);
        out.reset();

        assertThat(copyTo(url)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: The target database is not empty")
                .contains("copy only into a new, empty database");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(TableRows.of(target)).isEqualTo(before);
        assertThat(history(target)).isEqualTo(historyBefore);
    }

    @Test
    void aTargetWithDataOfAnOlderVersionIsRefusedBeforeItIsMigrated() throws Exception {
        fixture.teacher("rivka");
        String url = TestDatabases.createDatabase();
        DataSource target = postgresql(url);
        Flyway.configure().dataSource(target).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .target("1").load().migrate();
        JdbcClient.create(target).sql("insert into user_account (username, display_name, password_hash, role, "
                + "created_at) values ('someone', 'Someone', 'x', 'TEACHER', ?)")
                .param(Timestamp.from(Instant.now())).update();
        Map<String, List<String>> before = TableRows.of(target);
        List<String> historyBefore = history(target);

        assertThat(copyTo(url)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: The target database is not empty")
                .contains("user_account");
        assertThat(TableRows.of(target)).isEqualTo(before);
        assertThat(history(target)).isEqualTo(historyBefore).hasSize(2);
    }

    /** Flyway's history in the target: which migrations were applied. */
    private static List<String> history(DataSource target) {
        return JdbcClient.create(target).sql("select version || ' ' || description || ' ' || checksum "
                + "from flyway_schema_history order by installed_rank").query(String.class).list();
    }
}
