package org.latentlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AttemptThrottleTest {

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AttemptThrottle throttle = new AttemptThrottle(3, Duration.ofMinutes(15), 1000, clock);

    @Test
    void aKeyIsBlockedAfterTooManyFailuresUntilTheOldestLeavesTheWindow() {
        throttle.recordFailure("amina");
        clock.advance(Duration.ofMinutes(5));
        throttle.recordFailure("amina");
        assertThat(throttle.blocked("amina")).isFalse();
        throttle.recordFailure("amina");
        assertThat(throttle.blocked("amina")).isTrue();
        assertThat(throttle.retryAfter("amina")).isEqualTo(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blocked("amina")).isFalse();
    }

    @Test
    void otherKeysAreNotAffectedAndResetClears() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("amina");
        }
        assertThat(throttle.blocked("budi")).isFalse();
        throttle.reset("amina");
        assertThat(throttle.blocked("amina")).isFalse();
    }

    @Test
    void aFloodOfNewKeysCannotWipeARealAttackersRecord() {
        AttemptThrottle small = new AttemptThrottle(3, Duration.ofMinutes(15), 10, clock);
        for (int i = 0; i < 3; i++) {
            small.recordFailure("victim");
        }
        for (int i = 0; i < 100; i++) {
            small.recordFailure("invented-" + i);
        }
        assertThat(small.blocked("victim")).isTrue();
        // When the table is full of fresh failures, a brand-new key must wait too.
        assertThat(small.blocked("someone-new")).isTrue();
        clock.advance(Duration.ofMinutes(16));
        assertThat(small.blocked("someone-new")).isFalse();
    }
}
