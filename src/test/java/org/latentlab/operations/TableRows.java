package org.latentlab.operations;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Every row of every application table as comparable text, so two databases (H2 and PostgreSQL, or a database and
 * its restored backup) can be compared row by row: values are written the same way whatever the driver returned
 * (long text, timestamps as instants, numbers by value, bytes in hex), and rows are sorted.
 */
final class TableRows {

    private TableRows() {
    }

    static Map<String, List<String>> of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String table : DatabaseCopy.tables(connection)) {
                tables.put(table, rows(connection, table));
            }
            return tables;
        }
    }

    private static List<String> rows(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(meta.getColumnName(i).toLowerCase(Locale.ROOT)).append('=')
                            .append(text(rs.getObject(i))).append(" | ");
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String text(Object value) throws SQLException {
        return switch (value) {
            case null -> "null";
            case Clob clob -> clob.getSubString(1, (int) clob.length());
            case OffsetDateTime time -> time.toInstant().toString();
            case Timestamp time -> time.toInstant().toString();
            case Double number -> Double.toString(number);
            case Float number -> Float.toString(number);
            case BigDecimal number -> number.stripTrailingZeros().toPlainString();
            case Number number -> Long.toString(number.longValue());
            case byte[] bytes -> HexFormat.of().formatHex(bytes);
            default -> value.toString();
        };
    }
}
