package org.latentlab.classroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (a username, an address) in a sliding window. A key with too many recent failures is
 * blocked until its oldest failure leaves the window. Memory is bounded: past {@code maxKeys} keys, expired ones
 * are dropped, and if the table is still full new keys count as blocked, so a flood of invented usernames cannot
 * wipe the record of a real attack.
 */
final class AttemptThrottle {

    private final int maxFailures;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    AttemptThrottle(int maxFailures, Duration window, int maxKeys, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** How long this key must still wait; zero when it may try now. */
    Duration retryAfter(String key) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return failures.size() >= maxKeys && !purgeExpired() ? window : Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            dropExpired(recent, now);
            if (recent.size() < maxFailures) {
                return Duration.ZERO;
            }
            return Duration.between(now, recent.peekFirst().plus(window));
        }
    }

    boolean blocked(String key) {
        return !retryAfter(key).isZero();
    }

    void recordFailure(String key) {
        if (!failures.containsKey(key) && failures.size() >= maxKeys && !purgeExpired()) {
            // The table is full of live failures: a new key already counts as blocked, nothing to remember.
            return;
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            dropExpired(recent, now);
            recent.addLast(now);
            // Only the newest failures matter for the decision; older ones need no memory.
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    void reset(String key) {
        failures.remove(key);
    }

    /** Drops keys whose failures all expired; true if there is room again. */
    private boolean purgeExpired() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                dropExpired(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
        return failures.size() < maxKeys;
    }

    private void dropExpired(Deque<Instant> recent, Instant now) {
        Instant cutoff = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }
}
