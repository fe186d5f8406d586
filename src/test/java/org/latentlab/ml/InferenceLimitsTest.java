package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;
import org.latentlab.base.TemporarilyUnavailableException;

class InferenceLimitsTest {

    @Test
    void whenEverySlotOfTheProcessIsBusyAnImpatientCallIsRefusedAsBusyAndAPatientOneWaits() throws Exception {
        InferenceLimits limits = new InferenceLimits(1, 4, Duration.ofMillis(50));
        // As the map's decode API calls: refused at once when the slots are taken.
        try (Model first = Model.newInstance("first", DeepLearningEngine.ENGINE);
                Model second = Model.newInstance("second", DeepLearningEngine.ENGINE)) {
            InferenceSlots one = new InferenceSlots(first, limits);
            InferenceSlots other = new InferenceSlots(second, limits);
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<float[]> holding = CompletableFuture.supplyAsync(() -> one.call(manager -> {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return manager.zeros(new Shape(1));
            }), Thread::startVirtualThread);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            // Another model, but the process-wide bound is taken: busy, at once.
            assertThatThrownBy(() -> InferenceLimits.impatiently(() -> other.call(manager -> manager.zeros(
                    new Shape(1)))))
                    .isInstanceOfSatisfying(TemporarilyUnavailableException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("ml.busy"));
            // A patient call (scoring a challenge) waits for the slot instead.
            CompletableFuture<float[]> patient = CompletableFuture.supplyAsync(
                    () -> other.call(manager -> manager.ones(new Shape(1))), Thread::startVirtualThread);
            Thread.sleep(200);
            assertThat(patient).isNotDone();
            release.countDown();
            assertThat(holding.get(10, TimeUnit.SECONDS)).containsExactly(0f);
            assertThat(patient.get(10, TimeUnit.SECONDS)).containsExactly(1f);
            assertThat(other.call(manager -> manager.ones(new Shape(1)))).containsExactly(1f);
        }
    }
}
