package org.latentlab.operations;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Copies every row of the application's tables from one database into another, empty one, e.g. a school's embedded
 * H2 database into PostgreSQL. A target holding any row is refused before anything in it changes. The target is
 * then migrated by Flyway to the source's schema version, the few rows the migrations write themselves are replaced
 * by the source's, tables are copied parents first (foreign keys stay on), with their ids, in one transaction, and
 * identity sequences then continue after the highest id. Afterwards every table's row count is compared. Files outside the database (run checkpoints) stay
 * where they are. Copy only while the app is stopped (or from a backup), so nothing changes meanwhile.
 */
final class DatabaseCopy {

    /** Rows per insert batch. */
    private static final int BATCH = 500;

    /** One table's rows in the source and, after the copy, in the target. */
    record TableCount(String table, long source, long target) {

        boolean matches() {
            return source == target;
        }
    }

    private DatabaseCopy() {
    }

    /**
     * @throws IllegalStateException the target already holds data, or the schemas differ
     */
    static List<TableCount> copy(DataSource source, DataSource target, String targetVendor) throws SQLException {
        // Checked before Flyway touches the target: a refused target stays exactly as it was.
        try (Connection to = target.getConnection()) {
            refuseUnlessNew(to);
        }
        migrate(target, targetVendor);
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            List<String> tables = tablesParentsFirst(from);
            Set<String> targetTables = new LinkedHashSet<>(tables(to));
            for (String table : tables) {
                if (!targetTables.contains(table)) {
                    throw new IllegalStateException("The target has no table " + table
                            + ": are both at the same version of the app?");
                }
            }
            to.setAutoCommit(false);
            try {
                // The migrations write a few rows themselves (a new server's settings, the training queue's lock
                // row); the source has its own versions of these, which replace them.
                for (String table : tables.reversed()) {
                    try (Statement statement = to.createStatement()) {
                        statement.executeUpdate("delete from " + table);
                    }
                }
                for (String table : tables) {
                    copyTable(from, to, table);
                }
                continueIdentities(to, tables);
                to.commit();
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            }
            List<TableCount> counts = new ArrayList<>();
            for (String table : tables) {
                counts.add(new TableCount(table, count(from, table), count(to, table)));
            }
            return counts;
        }
    }

    /**
     * Refuses a target that holds any row in any table (the app's, Flyway's history after the app started on it,
     * a job queue's): only a new, empty database is certain to end up as a copy of the source and nothing else.
     */
    private static void refuseUnlessNew(Connection to) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement statement = to.createStatement();
                ResultSet rs = statement.executeQuery("select table_name from information_schema.tables "
                        + "where lower(table_schema) = 'public' and table_type = 'BASE TABLE' order by 1")) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        List<String> application = tables(to);
        List<String> holding = new ArrayList<>();
        for (String table : all) {
            if (count(to, '"' + table + '"') > 0) {
                holding.add(table.toLowerCase(Locale.ROOT));
            }
        }
        if (!holding.isEmpty()) {
            // The app's own tables first: they say best what is in there.
            holding.sort(java.util.Comparator.comparing(table -> !application.contains(table)));
            throw new IllegalStateException("The target database is not empty (" + String.join(", ", holding)
                    + (holding.size() == 1 ? " has" : " have") + " rows): copy only into a new, empty database "
                    + "on which the app has not started yet (createdb, see docs/operations.md)");
        }
    }

    private static void migrate(DataSource target, String vendor) {
        Flyway.configure().dataSource(target)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load().migrate();
    }

    /** The application's tables (not Flyway's history, nor a job queue's own tables). */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select lower(table_name) from information_schema.tables "
                        + "where lower(table_schema) = 'public' and table_type = 'BASE TABLE' order by 1")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!table.equals("flyway_schema_history") && !table.startsWith("jobrunr")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** The tables in an order where every table comes after the tables it references. */
    static List<String> tablesParentsFirst(Connection connection) throws SQLException {
        List<String> tables = tables(connection);
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(table -> parents.put(table, new LinkedHashSet<>()));
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select lower(child.table_name), lower(parent.table_name) "
                        + "from information_schema.referential_constraints r "
                        + "join information_schema.table_constraints child "
                        + "on child.constraint_name = r.constraint_name "
                        + "and child.constraint_schema = r.constraint_schema "
                        + "join information_schema.table_constraints parent "
                        + "on parent.constraint_name = r.unique_constraint_name "
                        + "and parent.constraint_schema = r.unique_constraint_schema "
                        + "where lower(child.constraint_schema) = 'public'")) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!ordered.contains(table) && ordered.containsAll(parents.get(table))) {
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Tables reference each other in a cycle: " + parents);
            }
        }
        return ordered;
    }

    private static void copyTable(Connection from, Connection to, String table) throws SQLException {
        try (Statement read = from.createStatement(); ResultSet rows = read.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "insert into " + table + " (" + String.join(", ", names) + ") values ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            try (PreparedStatement write = to.prepareStatement(insert)) {
                int pending = 0;
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        write.setObject(i, value(rows.getObject(i)));
                    }
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
    }

    private static Object value(Object stored) throws SQLException {
        // Long text comes as a CLOB from H2; every other type the drivers map alike (numbers, booleans,
        // OffsetDateTime for "timestamp with time zone").
        return stored instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : stored;
    }

    /** Identity columns continue after the highest copied id (PostgreSQL keeps their sequences apart). */
    private static void continueIdentities(Connection to, List<String> tables) throws SQLException {
        if (!to.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        List<String[]> identities = new ArrayList<>();
        try (Statement statement = to.createStatement();
                ResultSet rs = statement.executeQuery("select table_name, column_name from information_schema.columns "
                        + "where table_schema = 'public' and is_identity = 'YES'")) {
            while (rs.next()) {
                if (tables.contains(rs.getString(1))) {
                    identities.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] identity : identities) {
            try (Statement statement = to.createStatement()) {
                statement.execute("select setval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1]
                        + "'), coalesce(max(" + identity[1] + "), 0) + 1, false) from " + identity[0]);
            }
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
