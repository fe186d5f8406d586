package org.latentlab.test;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/** In the PostgreSQL test run, points each test application context at a new database of its own. */
class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!TestDatabases.postgresql() || !environment.acceptsProfiles(Profiles.of("test"))) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("latentlab-test-postgresql", Map.of(
                "spring.datasource.url", TestDatabases.createDatabase(),
                "spring.datasource.username", TestDatabases.user(),
                "spring.datasource.password", TestDatabases.password())));
    }
}
