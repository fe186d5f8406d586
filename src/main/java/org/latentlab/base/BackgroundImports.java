package org.latentlab.base;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Reads uploaded lesson and quiz files away from the UI thread, a few at a time, each within a time limit.
 *
 * <p>A file is read while its page waits: on the UI thread a slow file would freeze the page and hold the user's
 * session lock, and many at once would take every request thread. The importers are linear, so the limit is a
 * safety net for what we have not thought of: past it the caller hears {@link TimeoutException} at once and the
 * work is interrupted (a pure computation may still run to its end, but on one of these few threads only). The
 * signed-in user goes along, so the services' own role checks still apply.
 */
@Component
public class BackgroundImports implements DisposableBean {

    /** Files read at the same time; more wait in a short queue, beyond it the caller is told to try again. */
    static final int THREADS = 2;
    static final int QUEUE = 8;

    private final Duration limit;
    private final ThreadPoolExecutor pool;

    public BackgroundImports(@Value("${latentlab.import.time-limit:30s}") Duration limit) {
        this.limit = limit;
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), work -> {
                    Thread thread = new Thread(work, "import-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** How long one file may take. */
    public Duration limit() {
        return limit;
    }

    /**
     * Runs the work with the caller's security context. The result fails with {@link TimeoutException} after the
     * limit, with {@link Busy} when too many files are being read, else with whatever the work threw.
     */
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> task;
        try {
            task = pool.submit(new DelegatingSecurityContextRunnable(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                }
            }));
        } catch (RejectedExecutionException full) {
            result.completeExceptionally(new Busy());
            return result;
        }
        return result.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, failure) -> {
            if (failure instanceof TimeoutException) {
                task.cancel(true);
            }
        });
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** Too many files are being read right now. */
    public static final class Busy extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Busy() {
            super("too many imports at once", null, false, false);
        }
    }
}
