package org.latentlab.base;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The few things that differ between the two databases the app runs on (embedded H2 by default, PostgreSQL for a
 * school with several nodes), each behind one method, so every module's {@code *Records} class writes one SQL for
 * both. Everything else is plain SQL that both databases run.
 */
@Component
public class Database {

    /** The databases we support. */
    public enum Vendor {
        H2, POSTGRESQL
    }

    private final Vendor vendor;
    private final JdbcClient jdbc;

    Database(DataSource dataSource, JdbcClient jdbc) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            this.vendor = product.contains("postgres") ? Vendor.POSTGRESQL : Vendor.H2;
        }
    }

    public Vendor vendor() {
        return vendor;
    }

    /**
     * Inserts the row, or when a row with the same key exists updates it instead ({@link #upsert}), and returns how
     * many rows changed. On H2, two such statements for a new key at the same moment can both try to insert, and
     * the loser fails on the unique key: it is run once more, and then finds the row. (The statement alone fails, not
     * the surrounding transaction, on H2; PostgreSQL's form has no such race.)
     *
     * @param values one per column, in order
     */
    public int upsertRow(String table, List<String> columns, List<String> keys, String updateSet, Object... values) {
        String sql = upsert(table, columns, keys, updateSet);
        try {
            return jdbc.sql(sql).params(values).update();
        } catch (DuplicateKeyException raced) {
            return jdbc.sql(sql).params(values).update();
        }
    }

    /**
     * An insert that, when a row with the same key exists, updates that row instead, as one atomic statement:
     * {@code insert … on conflict … do update} on PostgreSQL (no race between two inserts of one key), the
     * standard {@code merge … using} on H2.
     *
     * @param columns   every column inserted, bound as {@code ?} in this order
     * @param keys      the columns of the unique key (among {@code columns})
     * @param updateSet what to set on the existing row, e.g. {@code "hits = lesson_progress.hits + 1, last_at =
     *                  excluded.last_at"}: {@code excluded.<column>} is the value offered, {@code <table>.<column>}
     *                  the stored one; null keeps the existing row as it is
     */
    public String upsert(String table, List<String> columns, List<String> keys, String updateSet) {
        String columnList = String.join(", ", columns);
        String parameters = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (vendor == Vendor.POSTGRESQL) {
            return "insert into " + table + " (" + columnList + ") values (" + parameters + ") on conflict ("
                    + String.join(", ", keys) + ") do " + (updateSet == null ? "nothing" : "update set " + updateSet);
        }
        String matches = keys.stream().map(k -> table + "." + k + " = excluded." + k)
                .collect(Collectors.joining(" and "));
        String offered = columns.stream().map(c -> "excluded." + c).collect(Collectors.joining(", "));
        return "merge into " + table + " using (values (" + parameters + ")) excluded (" + columnList + ") on "
                + matches + (updateSet == null ? "" : " when matched then update set " + updateSet)
                + " when not matched then insert (" + columnList + ") values (" + offered + ")";
    }
}
