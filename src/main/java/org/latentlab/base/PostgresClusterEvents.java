package org.latentlab.base;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes on one PostgreSQL: an event is a {@code NOTIFY} on one channel (sent with the publishing transaction's
 * commit), and every node {@code LISTEN}s on a connection of its own, outside the pool, read by one thread that
 * hands each event to the node's subscribers. Payloads are JSON, at most {@value #MAX_PAYLOAD} bytes (PostgreSQL's
 * limit is 8000). When the connection breaks, the thread connects again and tells its subscribers
 * ({@link ClusterEvents.Reconnected}), since what was sent meanwhile is lost.
 */
class PostgresClusterEvents extends ClusterEvents implements DisposableBean {

    static final String CHANNEL = "latentlab_events";
    static final int MAX_PAYLOAD = 7900;
    private static final Logger log = LoggerFactory.getLogger(PostgresClusterEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataSourceProperties database;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection connection;

    PostgresClusterEvents(JdbcClient jdbc, DataSourceProperties database) {
        this.jdbc = jdbc;
        this.database = database;
        this.listener = Thread.ofPlatform().name("cluster-events").daemon().start(this::listen);
    }

    @Override
    protected void send(BroadcastEvent event) {
        String payload = JSON.writeValueAsString(JSON.createObjectNode().put("type", event.getClass().getName())
                .set("event", JSON.valueToTree(event)));
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " is too large to broadcast ("
                    + payload.length() + " characters)");
        }
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query((rs, n) -> 0).list();
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection listening = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword())) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                if (reconnecting) {
                    log.info("Listening for cluster events again");
                    deliver(new Reconnected());
                }
                reconnecting = true;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(1000);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            receive(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Cluster events: connection lost ({}); connecting again", e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void receive(String payload) {
        try {
            JsonNode message = JSON.readTree(payload);
            Class<? extends BroadcastEvent> type = type(message.get("type").asString());
            if (type != null) {
                deliver(JSON.treeToValue(message.get("event"), type));
            }
        } catch (RuntimeException e) {
            log.warn("Cluster events: cannot read {}: {}", payload, e.toString());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // Closing is all that is left to do.
            }
        }
        // Wakes the listener from its second between reconnections at once: a JVM closing many application contexts
        // (the test suite's) would otherwise wait for each in turn.
        listener.interrupt();
        listener.join(5000);
    }
}
