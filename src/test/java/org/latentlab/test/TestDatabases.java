package org.latentlab.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the tests run on. By default every test context gets its own in-memory H2 database (see
 * {@code application-test.properties}). With {@code -Dlatentlab.test.database=postgresql} (the build's second test
 * run) each context gets a new, empty database on the PostgreSQL server named by {@code LATENTLAB_TEST_POSTGRES_URL}
 * (a JDBC URL of its {@code postgres} database; user {@code LATENTLAB_TEST_POSTGRES_USER}, password
 * {@code LATENTLAB_TEST_POSTGRES_PASSWORD}), which {@code .ci/start-postgres} starts. Without that server the
 * PostgreSQL run is skipped with a message on a developer's machine and fails on CI.
 */
public final class TestDatabases implements ExecutionCondition {

    public static final String SELECT_PROPERTY = "latentlab.test.database";
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
    }

    /** True in the PostgreSQL test run. */
    public static boolean postgresql() {
        return "postgresql".equalsIgnoreCase(System.getProperty(SELECT_PROPERTY, ""));
    }

    /** The admin URL of the test server, or null when none is configured. */
    public static String serverUrl() {
        String url = System.getenv("LATENTLAB_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? null : url;
    }

    public static String user() {
        String user = System.getenv("LATENTLAB_TEST_POSTGRES_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    public static String password() {
        String password = System.getenv("LATENTLAB_TEST_POSTGRES_PASSWORD");
        return password == null ? "" : password;
    }

    /** Creates a new empty database on the test server and returns its JDBC URL. */
    public static String createDatabase() {
        String server = serverUrl();
        if (server == null) {
            throw new IllegalStateException(missingServer());
        }
        String name = "latentlab_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(server, user(), password());
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + server + ": " + e.getMessage(), e);
        }
        CREATED.add(name);
        int slash = server.lastIndexOf('/');
        int query = server.indexOf('?', slash);
        return server.substring(0, slash + 1) + name + (query < 0 ? "" : server.substring(query));
    }

    private static void dropCreated() {
        String server = serverUrl();
        if (server == null || CREATED.isEmpty()) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(server, user(), password());
                Statement statement = admin.createStatement()) {
            for (String name : CREATED) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test databases " + CREATED + ": " + e.getMessage());
        }
    }

    /**
     * For a test that itself runs something on PostgreSQL (e.g. the packaged jar on {@link #createDatabase()}):
     * without a configured server it is skipped with a message on a developer's machine and fails on CI.
     */
    public static void requireServer() {
        if (serverUrl() != null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missingServer());
        }
        Assumptions.abort("skipped: " + missingServer());
    }

    private static String missingServer() {
        return "No PostgreSQL server for the PostgreSQL test run: set LATENTLAB_TEST_POSTGRES_URL (e.g. "
                + "eval \"$(.ci/start-postgres)\") to run the database tests on PostgreSQL too";
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!postgresql() || serverUrl() != null) {
            return ConditionEvaluationResult.enabled("database available");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            // On CI the PostgreSQL run must happen: let the context fail with the message instead of skipping.
            return ConditionEvaluationResult.enabled("CI without a PostgreSQL server: the test will fail");
        }
        return ConditionEvaluationResult.disabled("skipped: " + missingServer());
    }
}
