package org.latentlab.quiz;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Writes quiz attempts and answers with group commit. The database writes every commit to its file at once (so that
 * a saved answer survives even kill -9), and one commit costs about a millisecond of file writing that commits
 * cannot share. So the writes of students working at the same moment (answers, new attempts, submissions) are
 * made together: one thread takes whatever writes are waiting, runs them in one transaction (each behind its own
 * savepoint, so one failing write fails alone), commits, and only then tells each caller its result. A caller never
 * hears "saved" before the commit. The writer keeps its own connection, so it never queues behind page requests
 * for one from the pool.
 */
@Component
class QuizWriter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(QuizWriter.class);
    private static final int MAX_BATCH = 500;

    /** One write, run on the writer's connection inside the batch's transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private record Pending<T>(Work<T> work, CompletableFuture<T> done) {

        void runIn(Connection connection, List<Runnable> onCommit) throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.run(connection);
                onCommit.add(() -> done.complete(result));
            } catch (SQLException e) {
                connection.rollback(savepoint);
                done.completeExceptionally(e);
            }
        }
    }

    private final DataSource dataSource;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(50_000);
    private final Thread writer;
    private volatile boolean running = true;
    private Connection connection;

    QuizWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = Thread.ofPlatform().name("quiz-writer").daemon().start(this::loop);
    }

    /**
     * Runs the write and returns its result once it is committed.
     *
     * @throws SQLException the write failed (e.g. a unique key); nothing of it is stored
     */
    <T> T write(Work<T> work) throws SQLException {
        Pending<T> pending = new Pending<>(work, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new IllegalStateException("the server is too busy to save quiz work right now");
        }
        try {
            return pending.done().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("could not save", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("saving took too long", e);
        }
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            List<Pending<?>> batch = new ArrayList<>();
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                Connection c = connection();
                List<Runnable> onCommit = new ArrayList<>();
                for (Pending<?> pending : batch) {
                    pending.runIn(c, onCommit);
                }
                c.commit();
                onCommit.forEach(Runnable::run);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Could not store {} quiz writes", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
                closeConnection();
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException ignored) {
            // A broken connection is replaced on the next batch.
        }
        connection = null;
    }

    @Override
    public void destroy() throws InterruptedException {
        // Writes already handed over are made before the application stops.
        running = false;
        writer.join(10_000);
        closeConnection();
    }
}
