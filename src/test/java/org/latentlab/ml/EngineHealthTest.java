package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class EngineHealthTest {

    @Test
    void theLoadedEngineReportsItsVersionAndThreads() throws InterruptedException {
        DeepLearningEngine engine = started(true);
        assertThat(engine.awaitWarm(Duration.ofMinutes(2))).isTrue();
        Health health = new EngineHealthIndicator(engine).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("engine", "PyTorch").containsEntry("version", "2.7.1")
                .containsKeys("intraOpThreads", "interOpThreads", "readyAfterMs");
    }

    @Test
    void aMissingEngineIsDegradedNotDownAndSaysWhatIsMissing() {
        DeepLearningEngine engine = started(false);
        assertThat(engine.available()).isFalse();
        assertThat(engine.warmingUp()).isFalse();
        Health health = new EngineHealthIndicator(engine).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(String.valueOf(health.getDetails().get("problem"))).contains("latentlab.ml.enabled=false");
    }

    @Test
    void whileTheModelsLoadTheEngineIsWarmingUpAndThenCallsEveryWaitingPageOnce() throws InterruptedException {
        CountDownLatch modelsMayLoad = new CountDownLatch(1);
        AtomicInteger called = new AtomicInteger();
        DeepLearningEngine engine = started(true, modelsMayLoad::await);
        engine.whenWarm(called::incrementAndGet);
        Runnable stopWaiting = engine.whenWarm(() -> called.addAndGet(100));
        stopWaiting.run();

        assertThat(engine.warmingUp()).isTrue();
        assertThat(engine.available()).isFalse();
        assertThat(new EngineHealthIndicator(engine).health().getStatus().getCode()).isEqualTo("WARMING_UP");
        assertThat(engine.awaitWarm(Duration.ofMillis(200))).isFalse();

        modelsMayLoad.countDown();
        assertThat(engine.awaitWarm(Duration.ofMinutes(2))).isTrue();
        assertThat(engine.available()).isTrue();
        assertThat(called).hasValue(1);
        // A page that asks after the warm-up is answered at once.
        engine.whenWarm(called::incrementAndGet);
        assertThat(called).hasValue(2);
    }

    @Test
    void aFailingWarmUpStepIsLoggedAndTheOthersStillRun() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        DeepLearningEngine engine = started(true, () -> {
            throw new IllegalStateException("broken model");
        }, ran::incrementAndGet);
        assertThat(engine.awaitWarm(Duration.ofMinutes(2))).isTrue();
        assertThat(ran).hasValue(1);
        assertThat(engine.available()).isTrue();
    }

    @Test
    void theWarmUpWaitsUntilTheWebServerAnswersSoItDoesNotSlowTheFirstPage() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("step", (WarmUpStep) ran::incrementAndGet);
        DeepLearningEngine engine = new DeepLearningEngine(new MlProperties(true, null, 2, 1, null, 4, 4,
                Duration.ofMillis(250), true), beans.getBeanProvider(WarmUpStep.class));
        engine.afterSingletonsInstantiated();

        assertThat(engine.awaitWarm(Duration.ofMillis(300))).isFalse();
        assertThat(ran).hasValue(0);
        assertThat(engine.warmingUp()).isTrue();

        engine.webServerUp();
        engine.webServerUp(); // the ready event after the web server's: one warm-up, not two
        assertThat(engine.awaitWarm(Duration.ofMinutes(2))).isTrue();
        assertThat(ran).hasValue(1);
    }

    private static DeepLearningEngine started(boolean enabled, WarmUpStep... steps) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < steps.length; i++) {
            beans.addBean("step" + i, steps[i]);
        }
        ObjectProvider<WarmUpStep> provider = beans.getBeanProvider(WarmUpStep.class);
        DeepLearningEngine engine = new DeepLearningEngine(new MlProperties(enabled, null, 2, 1, null, 4, 4, Duration.ofMillis(250), true),
                provider);
        engine.afterSingletonsInstantiated();
        engine.webServerUp();
        return engine;
    }

}
