package org.latentlab.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.latentlab.test.TestClock;

class RateLimitsTest {

    private final TestClock clock = new TestClock().stop();
    private final RateLimits limits = new RateLimits(new RateLimits.Settings(5, 100, 10, 3, 4, 2, 10, 1000,
            Duration.ZERO), clock);

    @Test
    void aClientOverItsAllowanceIsToldHowLongToWaitAndOthersAreNotAffected() {
        for (int i = 0; i < 10; i++) {
            limits.take(RateLimits.Limit.DECODE, "address:203.0.113.5", 1);
        }
        assertThatThrownBy(() -> limits.take(RateLimits.Limit.DECODE, "address:203.0.113.5", 1))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.retryAfter()).isPositive();
                    assertThat(e.messageKey()).isEqualTo("limits.tooMany");
                });
        limits.take(RateLimits.Limit.DECODE, "address:203.0.113.6", 1);
        // Each limit has its own allowance.
        limits.take(RateLimits.Limit.MAP, "address:203.0.113.5", 1);
    }

    @Test
    void anAllowanceComesBackAtTheSustainedRate() {
        limits.take(RateLimits.Limit.DECODE, "address:203.0.113.7", Long.MAX_VALUE);
        assertThatThrownBy(() -> limits.take(RateLimits.Limit.DECODE, "address:203.0.113.7", 1))
                .isInstanceOf(TooManyRequestsException.class);
        // Five a second: one comes back after a fifth of a second, not before.
        clock.advance(Duration.ofMillis(199));
        assertThatThrownBy(() -> limits.take(RateLimits.Limit.DECODE, "address:203.0.113.7", 1))
                .isInstanceOf(TooManyRequestsException.class);
        clock.advance(Duration.ofMillis(1));
        limits.take(RateLimits.Limit.DECODE, "address:203.0.113.7", 1);
    }

    @Test
    void aBatchCostsOneTokenPerDecodeAndNeverMoreThanTheWholeAllowance() {
        limits.take(RateLimits.Limit.BATCH_DECODE, "user:7", 60);
        assertThatThrownBy(() -> limits.take(RateLimits.Limit.BATCH_DECODE, "user:7", 60))
                .isInstanceOf(TooManyRequestsException.class);
        // A request larger than the allowance costs the whole allowance (a fresh client may make it once).
        limits.take(RateLimits.Limit.BATCH_DECODE, "user:8", 1_000_000);
        assertThatThrownBy(() -> limits.take(RateLimits.Limit.BATCH_DECODE, "user:8", 1))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void checkingTakesNothing() {
        for (int i = 0; i < 100; i++) {
            limits.check(RateLimits.Limit.WRONG_JOIN_CODE, "user:9");
        }
        limits.take(RateLimits.Limit.WRONG_JOIN_CODE, "user:9", 1);
        limits.take(RateLimits.Limit.WRONG_JOIN_CODE, "user:9", 1);
        assertThatThrownBy(() -> limits.check(RateLimits.Limit.WRONG_JOIN_CODE, "user:9"))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void memoryIsBoundedWithoutFreeingAClientThatIsStillOverItsLimit() {
        RateLimits small = new RateLimits(new RateLimits.Settings(1, 100, 10, 3, 4, 2, 10, 3, Duration.ZERO),
                clock);
        small.take(RateLimits.Limit.DECODE, "flooder", 2);
        small.take(RateLimits.Limit.DECODE, "a", 1);
        small.take(RateLimits.Limit.DECODE, "b", 1);
        assertThatThrownBy(() -> small.take(RateLimits.Limit.DECODE, "newcomer", 1))
                .isInstanceOf(TemporarilyUnavailableException.class);
        assertThatThrownBy(() -> small.take(RateLimits.Limit.DECODE, "flooder", 1))
                .isInstanceOf(TooManyRequestsException.class);
    }
}
