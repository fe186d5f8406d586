package org.latentlab.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application context with the {@code test} profile, tagged {@value #DATABASE}: the build runs
 * these tests on the embedded H2 database and, in its {@code postgresql} run, again on a fresh PostgreSQL database
 * per context ({@link TestDatabases}). Each test starts on an empty database with nobody signed in, and signs out
 * after itself ({@link CleanStart}; {@link KeepsDatabase} keeps the rows between a class's tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ActiveProfiles("test")
@Tag(ApplicationTest.DATABASE)
@ExtendWith({TestDatabases.class, CleanStart.class})
public @interface ApplicationTest {

    /** The tag of tests that use the database. */
    String DATABASE = "database";

    /**
     * The tag of the Chromium journeys ({@code BrowserJourney}): the PostgreSQL run leaves them out, since the
     * services and SQL under every page run on PostgreSQL in their own tests, and the packaged-jar tests
     * ({@code *IT}) drive Chromium against PostgreSQL end to end.
     */
    String BROWSER = "browser";

    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};
}
