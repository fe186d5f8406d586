package org.latentlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginDelaysTest {

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
    private final LoginDelays delays = new LoginDelays(1000, clock);

    @Test
    void theFirstMistakesAreFreeThenEachTryWaitsTwiceAsLongUpToFiveMinutes() {
        for (int i = 0; i < LoginDelays.FREE_FAILURES; i++) {
            delays.failed("amina|address:10.0.0.5");
            assertThat(delays.retryAfter("amina|address:10.0.0.5")).isZero();
        }
        delays.failed("amina|address:10.0.0.5");
        assertThat(delays.retryAfter("amina|address:10.0.0.5")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(delays.retryAfter("amina|address:10.0.0.5")).isZero();
        delays.failed("amina|address:10.0.0.5");
        assertThat(delays.retryAfter("amina|address:10.0.0.5")).isEqualTo(Duration.ofSeconds(4));
        assertThat(LoginDelays.delay(40)).isEqualTo(LoginDelays.MAX_DELAY);
    }

    @Test
    void aGuesserElsewhereNeverSlowsTheOwnerAndSuccessOrQuietForgetsTheMistakes() {
        for (int i = 0; i < 10; i++) {
            delays.failed("amina|address:203.0.113.9");
        }
        assertThat(delays.retryAfter("amina|address:203.0.113.9")).isPositive();
        assertThat(delays.retryAfter("amina|address:10.0.0.5")).isZero();
        delays.failed("budi|address:10.0.0.5");
        delays.succeeded("budi|address:10.0.0.5");
        assertThat(delays.retryAfter("budi|address:10.0.0.5")).isZero();
        clock.advance(LoginDelays.FORGET_AFTER.plusSeconds(1));
        assertThat(delays.retryAfter("amina|address:203.0.113.9")).isZero();
    }

    @Test
    void aFloodOfInventedUsernamesKeepsMemoryBounded() {
        LoginDelays small = new LoginDelays(10, clock);
        for (int i = 0; i < 100; i++) {
            small.failed("user" + i + "|address:198.51.100.1");
        }
        for (int i = 0; i < 5; i++) {
            small.failed("victim|address:198.51.100.1");
        }
        assertThat(small.retryAfter("victim|address:198.51.100.1")).isPositive();
    }
}
