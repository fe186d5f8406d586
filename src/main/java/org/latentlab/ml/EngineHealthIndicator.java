package org.latentlab.ml;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "engine". A missing engine is DEGRADED, not DOWN: lessons and quizzes still
 * work, so a load balancer should keep sending students here.
 */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Lessons and quizzes work; training does not");

    private final DeepLearningEngine engine;

    EngineHealthIndicator(DeepLearningEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        EngineStatus status = engine.status();
        Health.Builder builder = status.available() ? Health.up() : Health.status(DEGRADED);
        builder.withDetail("engine", status.engineName())
                .withDetail("djlVersion", String.valueOf(status.djlVersion()))
                .withDetail("offline", status.offline())
                .withDetail("loadTimeMs", status.loadTime().toMillis());
        if (status.available()) {
            builder.withDetail("version", status.engineVersion())
                    .withDetail("intraOpThreads", status.intraOpThreads())
                    .withDetail("interOpThreads", status.interOpThreads());
        } else {
            builder.withDetail("problem", status.problem());
        }
        return builder.build();
    }
}
