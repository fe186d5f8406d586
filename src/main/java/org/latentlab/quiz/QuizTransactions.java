package org.latentlab.quiz;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactions {@link QuizWriter} runs its work in: its own bean, so that the calls go through Spring's
 * transaction proxy.
 */
@Component
class QuizTransactions {

    /** Runs the work in a transaction (a new one, or the caller's) and returns once it is committed. */
    @Transactional
    <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /**
     * Runs the work within the caller's transaction behind a savepoint: if it fails, only its own changes are
     * rolled back and the transaction goes on (on PostgreSQL too, where an error otherwise aborts the whole
     * transaction).
     */
    @Transactional(propagation = Propagation.NESTED)
    <T> T inSavepoint(Supplier<T> work) {
        return work.get();
    }
}
