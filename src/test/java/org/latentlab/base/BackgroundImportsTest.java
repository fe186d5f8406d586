package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class BackgroundImportsTest {

    private final BackgroundImports imports = new BackgroundImports(Duration.ofMillis(300));

    @AfterEach
    void stop() {
        imports.destroy();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aFileReadInTimeGivesItsResultWithTheUserWhoUploadedIt() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("ada", "x", "ROLE_ADMIN"));

        String who = imports.submit(() -> SecurityContextHolder.getContext().getAuthentication().getName())
                .get(10, TimeUnit.SECONDS);

        assertThat(who).isEqualTo("ada");
    }

    @Test
    void aFileThatTakesTooLongIsStoppedAndTheCallerHearsItAtOnce() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CompletableFuture<String> slow = imports.submit(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        });

        assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tooManyFilesAtOnceAreRefusedNotQueuedForever() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < BackgroundImports.THREADS + BackgroundImports.QUEUE + 1; i++) {
            all.add(imports.submit(() -> release.await(10, TimeUnit.SECONDS)));
        }

        assertThatThrownBy(() -> all.getLast().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                BackgroundImports.Busy.class);
        release.countDown();
    }
}
