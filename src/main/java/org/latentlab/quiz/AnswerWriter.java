package org.latentlab.quiz;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes answers with group commit. The database writes every commit to its file at once (so that a saved answer
 * survives even kill -9), and one commit costs about a millisecond of file writing that commits cannot share. So
 * answers given at the same moment are written together: one thread takes whatever answers are waiting, upserts them
 * in one transaction, and only then tells each caller that its answer is saved. A caller never hears "saved" before
 * the commit; under load a commit carries many answers instead of each answer waiting for its own.
 */
@Component
class AnswerWriter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerWriter.class);
    private static final int MAX_BATCH = 500;

    private record Pending(long attemptId, String questionId, String json, Instant at, CompletableFuture<Void> done) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);
    private final Thread writer;
    private volatile boolean running = true;

    AnswerWriter(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.writer = Thread.ofPlatform().name("answer-writer").daemon().start(this::loop);
    }

    /** Stores the answer and returns once it is committed. */
    void write(long attemptId, String questionId, String json, Instant at) {
        Pending pending = new Pending(attemptId, questionId, json, at, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new IllegalStateException("the server is too busy to save answers right now");
        }
        try {
            pending.done().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving an answer", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the answer could not be saved", e);
        }
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                transactions.executeWithoutResult(status -> batch.forEach(this::upsert));
                batch.forEach(p -> p.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not store {} answers", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
    }

    private void upsert(Pending p) {
        Timestamp at = Timestamp.from(p.at());
        int updated = jdbc.sql("update quiz_answer set answer = ?, saved_at = ? where attempt_id = ? and question_id = ?")
                .params(p.json(), at, p.attemptId(), p.questionId()).update();
        if (updated == 0) {
            jdbc.sql("insert into quiz_answer (attempt_id, question_id, answer, saved_at) values (?, ?, ?, ?)")
                    .params(p.attemptId(), p.questionId(), p.json(), at).update();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // Answers already handed over are written before the application stops.
        running = false;
        writer.join(10_000);
    }
}
