package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database version we ship keeps its check constraints working after the connection that created them
 * is gone. H2 2.4.240 did not (h2database#4302): Flyway creates the tables on a new server's first start, the pool
 * later retires that connection, and from then on every insert or update of a table with an {@code IN} check (roles,
 * run states, challenge states...) failed with "Check constraint invalid" until a restart.
 */
class H2VersionTest {

    @TempDir
    Path folder;

    /**
     * A new server's database as the previous release (H2 2.4.240) left it, schema V14 (test resource
     * {@code h2-2.4.240/latentlab.mv.db}, compacted): today's H2 opens it, Flyway finds every applied migration
     * unchanged and migrates it on, and it takes new rows.
     */
    @Test
    void aDataFolderWrittenByThePreviousH2OpensValidatesAndMigrates() throws Exception {
        Path db = Files.createDirectories(folder.resolve("db"));
        try (var old = H2VersionTest.class.getResourceAsStream("/h2-2.4.240/latentlab.mv.db")) {
            Files.copy(old, db.resolve("latentlab.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        }
        String url = "jdbc:h2:file:" + db.resolve("latentlab") + ";DB_CLOSE_ON_EXIT=FALSE";
        // The migrations it had are unchanged (checksums); the ones added since are pending and then applied.
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .ignoreMigrationPatterns("*:pending").load();
        flyway.validate();
        assertThat(flyway.migrate().success).isTrue();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("insert into user_account (username, display_name, password_hash, "
                    + "role, created_at) values ('amina', 'Amina', 'x', 'STUDENT', current_timestamp)"))
                    .isEqualTo(1);
            statement.execute("shutdown");
        }
    }

    @Test
    void aCheckConstraintStillWorksAfterTheConnectionThatCreatedItIsClosed() throws SQLException {
        String url = "jdbc:h2:mem:check-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection creator = DriverManager.getConnection(url, "sa", "");
                Statement statement = creator.createStatement()) {
            statement.execute("create table account (id int primary key, role varchar(16) not null, "
                    + "constraint ck_role check (role in ('STUDENT', 'TEACHER', 'ADMIN')))");
        }
        try (Connection later = DriverManager.getConnection(url, "sa", "");
                Statement statement = later.createStatement()) {
            assertThat(statement.executeUpdate("insert into account values (1, 'STUDENT')")).isEqualTo(1);
            assertThat(statement.executeUpdate("update account set role = 'TEACHER' where id = 1")).isEqualTo(1);
            try {
                statement.executeUpdate("update account set role = 'PIRATE' where id = 1");
                throw new AssertionError("the check let PIRATE in");
            } catch (SQLException refused) {
                assertThat(refused.getMessage()).contains("CK_ROLE");
            }
            statement.execute("shutdown");
        }
    }
}
