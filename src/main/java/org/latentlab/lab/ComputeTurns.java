package org.latentlab.lab;

import java.util.concurrent.Semaphore;

import org.latentlab.ml.Cancellation;
import org.springframework.stereotype.Component;

/**
 * Runs on one worker take turns on its processors: at most {@code computeSlots} compute at the same moment, each for
 * a turn of {@code turn} before the next one waiting goes on (a fair queue, so nobody starves). So when a class
 * presses Start together, every run begins learning within seconds, and the curves grow side by side instead of
 * one after the other. Each run keeps its network and optimizer in memory between turns.
 */
@Component
class ComputeTurns {

    private final Semaphore slots;
    private final long turnNanos;

    ComputeTurns(TrainingProperties properties) {
        this.slots = new Semaphore(Math.max(1, properties.effectiveComputeSlots()), true);
        this.turnNanos = properties.turn().toNanos();
    }

    /** A run's place in the rotation; close it when the run ends. */
    Turn join(Cancellation cancellation) {
        return new Turn(cancellation);
    }

    final class Turn implements AutoCloseable {

        private final Cancellation cancellation;
        private boolean holding;
        private long since;

        private Turn(Cancellation cancellation) {
            this.cancellation = cancellation;
        }

        /** Before each batch: waits for this run's turn, and gives it up when it has lasted and others wait. */
        void beforeBatch() {
            if (holding && System.nanoTime() - since >= turnNanos && slots.hasQueuedThreads()) {
                slots.release();
                holding = false;
            }
            if (!holding) {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                    throw new Cancellation.CancelledException();
                }
                holding = true;
                since = System.nanoTime();
            }
        }

        @Override
        public void close() {
            if (holding) {
                slots.release();
                holding = false;
            }
        }
    }
}
