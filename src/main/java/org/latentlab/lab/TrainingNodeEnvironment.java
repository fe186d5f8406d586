package org.latentlab.lab;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A node's roles ({@code latentlab.node.roles}, env {@code LATENTLAB_NODE_ROLES}: {@code web}, {@code worker} or
 * both, the default) decide whether it trains: a worker runs JobRunr's background job server with
 * {@code latentlab.training.runs-per-worker} threads; a web node only enqueues. JobRunr's own settings follow from
 * ours here, so there is one place to configure each thing.
 */
class TrainingNodeEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> roles = Arrays.stream(environment.getProperty("latentlab.node.roles", "web,worker").split(","))
                .map(role -> role.strip().toLowerCase(Locale.ROOT)).filter(role -> !role.isEmpty())
                .collect(Collectors.toSet());
        if (!roles.stream().allMatch(role -> role.equals("web") || role.equals("worker")) || roles.isEmpty()) {
            throw new IllegalArgumentException("latentlab.node.roles must be web, worker or web,worker, not "
                    + roles);
        }
        environment.getPropertySources().addLast(new MapPropertySource("latentlabTrainingNode", Map.of(
                "jobrunr.background-job-server.enabled", Boolean.toString(roles.contains("worker")),
                "jobrunr.background-job-server.worker-count",
                environment.getProperty("latentlab.training.runs-per-worker", "40"))));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
