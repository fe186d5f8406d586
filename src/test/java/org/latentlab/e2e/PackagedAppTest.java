package org.latentlab.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A test of the packaged jar as its own process ({@link PackagedApp}), named {@code *IT}: failsafe runs these beside
 * the Chromium journeys, on a worker thread of their own ({@link ExecutionMode#CONCURRENT}; the journeys run one
 * after another on the main one). Each starts its own jar on its own port, data folder and database, so it meets
 * nothing a journey uses.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(PackagedAppTest.PACKAGED)
@Execution(ExecutionMode.CONCURRENT)
public @interface PackagedAppTest {

    /** The tag failsafe selects these by. */
    String PACKAGED = "packaged";
}
