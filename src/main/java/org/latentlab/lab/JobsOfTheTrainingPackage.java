package org.latentlab.lab;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 17: this module was the package {@code org.latentlab.training} until it took the Lab's name, and JobRunr
 * stores each job's handler and request by class name. A run queued or training while a school upgrades would
 * otherwise find no handler and fail, so the stored names move to {@code org.latentlab.lab} with the code. JobRunr
 * creates its tables after Flyway, on its first start: a new database has none yet and needs nothing. A Java
 * migration (Spring Boot hands Flyway every {@code JavaMigration} bean) because the condition must hold on H2 and
 * PostgreSQL alike; the update itself is plain SQL both know.
 */
@Component
class JobsOfTheTrainingPackage implements JavaMigration {

    static final String OLD_PACKAGE = "org.latentlab.training.";
    static final String NEW_PACKAGE = "org.latentlab.lab.";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("17");
    }

    @Override
    public String getDescription() {
        return "jobs of the training package";
    }

    @Override
    public Integer getChecksum() {
        return 17;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!hasTable(connection, "jobrunr_jobs")) {
            return;
        }
        try (Statement update = connection.createStatement()) {
            update.executeUpdate("update jobrunr_jobs set jobAsJson = replace(jobAsJson, '" + OLD_PACKAGE + "', '"
                    + NEW_PACKAGE + "'), jobSignature = replace(jobSignature, '" + OLD_PACKAGE + "', '"
                    + NEW_PACKAGE + "') where jobSignature like '" + OLD_PACKAGE + "%'");
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        for (String spelling : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = metadata.getTables(null, null, spelling, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
