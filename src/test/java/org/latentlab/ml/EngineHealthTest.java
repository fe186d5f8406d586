package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class EngineHealthTest {

    @Test
    void theLoadedEngineReportsItsVersionAndThreads() {
        DeepLearningEngine engine = new DeepLearningEngine(new MlProperties(true, null, 2, 1, null, 4));
        Health health = new EngineHealthIndicator(engine).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("engine", "PyTorch").containsEntry("version", "2.7.1")
                .containsKeys("intraOpThreads", "interOpThreads");
    }

    @Test
    void aMissingEngineIsDegradedNotDownAndSaysWhatIsMissing() {
        DeepLearningEngine engine = new DeepLearningEngine(new MlProperties(false, null, 2, 1, null, 4));
        assertThat(engine.available()).isFalse();
        Health health = new EngineHealthIndicator(engine).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(String.valueOf(health.getDetails().get("problem"))).contains("latentlab.ml.enabled=false");
    }
}
