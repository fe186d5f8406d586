package org.latentlab.classroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays after failed sign-ins, counted per username at one address: the first {@value #FREE_FAILURES}
 * mistakes cost nothing, then each further try must wait twice as long as the one before (2 s, 4 s, 8 s ... up to
 * 5 minutes), and 15 minutes without a failure forget them. Someone guessing a password from elsewhere therefore
 * never delays the owner's own sign-in, and nothing is ever locked outright. Memory is bounded: past
 * {@code maxKeys} keys the longest-quiet ones are forgotten first.
 */
final class LoginDelays {

    static final int FREE_FAILURES = 3;
    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {
    }

    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginDelays(int maxKeys, Clock clock) {
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** How long this key must still wait before its next try; zero when it may try now. */
    Duration retryAfter(String key) {
        Failures recorded = failures.get(key);
        Instant now = clock.instant();
        if (recorded == null || forgotten(recorded, now)) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, recorded.last().plus(delay(recorded.count())));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    void failed(String key) {
        Instant now = clock.instant();
        if (failures.size() >= maxKeys && !failures.containsKey(key)) {
            forgetQuietest(now);
        }
        failures.compute(key, (k, old) -> new Failures(old == null || forgotten(old, now) ? 1 : old.count() + 1,
                now));
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    /** The wait after {@code count} failures in a row. */
    static Duration delay(int count) {
        if (count <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES - 1, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static boolean forgotten(Failures recorded, Instant now) {
        return recorded.last().plus(FORGET_AFTER).isBefore(now);
    }

    private void forgetQuietest(Instant now) {
        failures.values().removeIf(recorded -> forgotten(recorded, now));
        if (failures.size() >= maxKeys) {
            failures.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().last()))
                    .limit(Math.max(1, maxKeys / 10)).map(Map.Entry::getKey).toList().forEach(failures::remove);
        }
    }
}
