package org.latentlab.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The application's clock in tests: the system's UTC clock until a test stops it, then still until the test moves
 * it on. What depends on elapsed time (rate limits, delays, deadlines) is then tested without sleeping and without
 * depending on how fast a busy machine answers. {@link CleanStart} lets it run again after each test.
 */
@Component
@Primary
@Profile("test")
public class TestClock extends Clock {

    private volatile Instant stoppedAt;

    /** Stops time at the current instant. */
    public TestClock stop() {
        stoppedAt = Clock.systemUTC().instant();
        return this;
    }

    /** Moves stopped time on. */
    public void advance(Duration duration) {
        if (stoppedAt == null) {
            throw new IllegalStateException("Stop the clock before moving it");
        }
        stoppedAt = stoppedAt.plus(duration);
    }

    /** Lets time run again, from the system's clock. */
    public void run() {
        stoppedAt = null;
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : Clock.systemUTC().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock seen from another zone: stopped and moved with it. */
    @Override
    public Clock withZone(ZoneId zone) {
        TestClock time = this;
        return new Clock() {

            @Override
            public Instant instant() {
                return time.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return time.withZone(other);
            }
        };
    }
}
