package org.latentlab.ml;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "engine". Neither a missing engine (DEGRADED) nor one still loading
 * (WARMING_UP) is DOWN: lessons, quizzes and sign-in work, so a load balancer should keep sending students here.
 */
@Component("engine")
class EngineHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Lessons and quizzes work; training does not");
    static final Status WARMING_UP = new Status("WARMING_UP",
            "Lessons and quizzes work; the models are still loading");

    private final DeepLearningEngine engine;

    EngineHealthIndicator(DeepLearningEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        EngineStatus status = engine.status();
        Health.Builder builder = switch (status.state()) {
            case READY -> Health.up();
            case WARMING_UP -> Health.status(WARMING_UP);
            case UNAVAILABLE -> Health.status(DEGRADED);
        };
        builder.withDetail("engine", status.engineName())
                .withDetail("djlVersion", String.valueOf(status.djlVersion()))
                .withDetail("offline", status.offline())
                .withDetail("loadTimeMs", status.loadTime().toMillis());
        if (status.available()) {
            builder.withDetail("version", status.engineVersion())
                    .withDetail("intraOpThreads", status.intraOpThreads())
                    .withDetail("interOpThreads", status.interOpThreads())
                    .withDetail("readyAfterMs", status.readyTime().toMillis());
        } else if (status.problem() != null) {
            builder.withDetail("problem", status.problem());
        }
        return builder.build();
    }
}
