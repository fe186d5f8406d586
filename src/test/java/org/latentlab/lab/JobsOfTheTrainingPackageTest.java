package org.latentlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.junit.jupiter.api.Test;

/** Runs queued by a build from before the module took the Lab's name still find their handler after an upgrade. */
class JobsOfTheTrainingPackageTest {

    private static final String OLD_SIGNATURE =
            "org.latentlab.training.TrainingJob.run(org.latentlab.training.TrainingJob$Request)";
    private static final String OLD_JSON = "{\"jobDetails\":{\"className\":\"org.latentlab.training.TrainingJob\","
            + "\"methodName\":\"run\",\"jobParameters\":[{\"className\":\"org.latentlab.training.TrainingJob$Request\","
            + "\"object\":{\"runId\":\"" + UUID.randomUUID() + "\",\"attempt\":1}}]}}";

    @Test
    void aQueuedJobOfTheOldPackageNamesTheLabPackageAfterTheMigration() throws SQLException {
        JdbcDataSource database = database();
        // The schema of the previous build, then JobRunr's own tables, as that build created them on its first start.
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target("16").load().migrate();
        SqlStorageProviderFactory.using(database);
        UUID job = UUID.randomUUID();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into jobrunr_jobs (id, version, "
                        + "jobAsJson, jobSignature, state, createdAt, updatedAt) values (?, 1, ?, ?, 'ENQUEUED', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, job.toString());
            insert.setString(2, OLD_JSON);
            insert.setString(3, OLD_SIGNATURE);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }

        migrate(database);

        try (Connection connection = database.getConnection(); Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("select jobAsJson, jobSignature from jobrunr_jobs")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).doesNotContain("org.latentlab.training.")
                    .contains("\"className\":\"org.latentlab.lab.TrainingJob\"")
                    .contains("\"className\":\"org.latentlab.lab.TrainingJob$Request\"");
            assertThat(row.getString(2)).isEqualTo(
                    "org.latentlab.lab.TrainingJob.run(org.latentlab.lab.TrainingJob$Request)");
        }
        // What the migration writes is what this build's handler is called.
        assertThat(TrainingJob.class.getName()).isEqualTo("org.latentlab.lab.TrainingJob");
    }

    @Test
    void aNewDatabaseWithoutJobRunrsTablesMigratesWithNothingToDo() {
        assertThat(migrate(database()).success).isTrue();
    }

    private static JdbcDataSource database() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }

    private static org.flywaydb.core.api.output.MigrateResult migrate(JdbcDataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .javaMigrations(new JobsOfTheTrainingPackage()).load().migrate();
    }
}
