package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.latentlab.test.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Broadcast events reach subscribers on every node once the publishing transaction commits, never after a rollback;
 * on PostgreSQL a second node (its own listening connection) hears them too, and hears that it reconnected.
 */
@ApplicationTest
class ClusterEventsTest {

    record Ping(int number) implements BroadcastEvent {
    }

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    ClusterEvents events;
    @Autowired
    Database database;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSourceProperties dataSource;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void anEventReachesThisNodesSubscribersAfterTheCommitAndNeverAfterARollback() throws Exception {
        BlockingQueue<Ping> heard = new LinkedBlockingQueue<>();
        Runnable stop = events.subscribe(Ping.class, heard::add);
        try {
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            transaction.executeWithoutResult(status -> {
                publisher.publishEvent(new Ping(1));
                assertThat(heard).isEmpty();
            });
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping(1));
            transaction.executeWithoutResult(status -> {
                publisher.publishEvent(new Ping(2));
                status.setRollbackOnly();
            });
            publisher.publishEvent(new Ping(3));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping(3));
            assertThat(heard).isEmpty();
        } finally {
            stop.run();
        }
    }

    @Test
    void onPostgresqlASecondNodeHearsEveryEventAndThatItReconnected() throws Exception {
        Assumptions.assumeTrue(database.vendor() == Database.Vendor.POSTGRESQL, "one node on the embedded database");
        PostgresClusterEvents secondNode = new PostgresClusterEvents(jdbc, dataSource);
        try {
            BlockingQueue<BroadcastEvent> heard = new LinkedBlockingQueue<>();
            secondNode.subscribe(Ping.class, heard::add);
            secondNode.subscribe(ClusterEvents.Reconnected.class, heard::add);
            awaitListening(secondNode, heard);

            publisher.publishEvent(new Ping(7));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping(7));

            // The database drops the second node's listening connection: it comes back and says so.
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen %' "
                    + "and pid <> pg_backend_pid()").query((rs, n) -> 0).list();
            BroadcastEvent next = heard.poll(20, TimeUnit.SECONDS);
            while (next instanceof Ping) {
                next = heard.poll(20, TimeUnit.SECONDS);
            }
            assertThat(next).isInstanceOf(ClusterEvents.Reconnected.class);
            publisher.publishEvent(new Ping(8));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Ping(8));
        } finally {
            secondNode.destroy();
        }
    }

    /** Until its LISTEN is in place a node hears nothing: ping until it does. */
    private void awaitListening(PostgresClusterEvents node, BlockingQueue<BroadcastEvent> heard) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            publisher.publishEvent(new Ping(0));
            BroadcastEvent event = heard.poll(200, TimeUnit.MILLISECONDS);
            if (event != null) {
                heard.clear();
                return;
            }
        }
        throw new AssertionError("the second node never started listening");
    }
}
