package org.latentlab.base;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Per-client rate limits (Bucket4j token buckets, per node): what one browser, account or address may ask for, so
 * that one client's flood cannot take the server from everyone else. A person using the app never meets them: a
 * drag on the Playground's map decodes at most about 60 times a second, a class of 30 registers within the sign-up
 * limit of one school address. A client over its limit gets a {@link TooManyRequestsException} saying when to try
 * again (the JSON API answers 429 with Retry-After).
 */
@Component
public class RateLimits {

    /** The limits, each with its own buckets. */
    public enum Limit {
        /** One decoded point (the map's decode API): per browser session, or per address without one. */
        DECODE,
        /** Decodes asked for as a batch: a grid (n x n) or a path (steps); per account or browser session. */
        BATCH_DECODE,
        /** The map's points of a model (a few hundred kilobytes each). */
        MAP,
        /** Challenge submissions, each of which refreshes every open leaderboard; per student. */
        SUBMISSION,
        /** New accounts; per address. */
        REGISTRATION,
        /** Wrong class join codes; per student. */
        WRONG_JOIN_CODE,
        /** Failed sign-ins from one address, whatever the usernames (against trying a few passwords on many). */
        FAILED_SIGN_IN
    }

    /**
     * @param decodePerSecond         sustained decodes per second of one client (a drag needs about 60)
     * @param batchDecodesPerMinute   decodes per minute in grids and paths (a 20 x 20 grid is 400)
     * @param mapsPerMinute           map point sets per minute
     * @param submissionsPerMinute    challenge submissions per minute of one student
     * @param registrationsPerHour    new accounts per hour from one address (a class registers at once)
     * @param wrongJoinCodesPerHour   wrong join codes per hour of one student
     * @param failedSignInsPerHour    failed sign-ins per hour from one address (a school is one address)
     * @param maxClients              clients remembered per limit; idle ones are forgotten first
     * @param refusedDecodeDelay      how long a refused map decode is held before its 429 goes out (0: at once).
     *                                A flooding client, refused anyway, then gets one answer per delay on each of
     *                                its connections instead of thousands a second, each costing the server CPU
     *                                that sign-in and pages need; a person never meets it (see DECODE)
     */
    @ConfigurationProperties("latentlab.limits")
    public record Settings(
            @DefaultValue("150") int decodePerSecond,
            @DefaultValue("4000") int batchDecodesPerMinute,
            @DefaultValue("60") int mapsPerMinute,
            @DefaultValue("12") int submissionsPerMinute,
            @DefaultValue("60") int registrationsPerHour,
            @DefaultValue("10") int wrongJoinCodesPerHour,
            @DefaultValue("300") int failedSignInsPerHour,
            @DefaultValue("100000") int maxClients,
            @DefaultValue("1s") Duration refusedDecodeDelay) {
    }

    private record Rule(long capacity, long refill, Duration period) {
    }

    private final Map<Limit, Rule> rules = new EnumMap<>(Limit.class);
    private final Map<Limit, Map<String, Bucket>> buckets = new EnumMap<>(Limit.class);
    private final int maxClients;
    private final Duration refusedDecodeDelay;
    private final TimeMeter time;

    RateLimits(Settings settings, Clock clock) {
        this.time = new ClockTime(clock);
        // Bursts of twice the sustained rate for drags, a whole minute's worth for batches.
        rules.put(Limit.DECODE, new Rule(2L * settings.decodePerSecond(), settings.decodePerSecond(),
                Duration.ofSeconds(1)));
        rules.put(Limit.BATCH_DECODE, new Rule(settings.batchDecodesPerMinute(), settings.batchDecodesPerMinute(),
                Duration.ofMinutes(1)));
        rules.put(Limit.MAP, new Rule(settings.mapsPerMinute(), settings.mapsPerMinute(), Duration.ofMinutes(1)));
        rules.put(Limit.SUBMISSION, new Rule(settings.submissionsPerMinute(), settings.submissionsPerMinute(),
                Duration.ofMinutes(1)));
        rules.put(Limit.REGISTRATION, new Rule(settings.registrationsPerHour(), settings.registrationsPerHour(),
                Duration.ofHours(1)));
        rules.put(Limit.WRONG_JOIN_CODE, new Rule(settings.wrongJoinCodesPerHour(),
                settings.wrongJoinCodesPerHour(), Duration.ofHours(1)));
        rules.put(Limit.FAILED_SIGN_IN, new Rule(settings.failedSignInsPerHour(), settings.failedSignInsPerHour(),
                Duration.ofHours(1)));
        for (Limit limit : Limit.values()) {
            buckets.put(limit, new ConcurrentHashMap<>());
        }
        this.maxClients = settings.maxClients();
        this.refusedDecodeDelay = settings.refusedDecodeDelay();
    }

    /** See {@link Settings#refusedDecodeDelay()}. */
    public Duration refusedDecodeDelay() {
        return refusedDecodeDelay;
    }

    /** Takes {@code cost} from the client's allowance, or refuses saying when to try again. */
    public void take(Limit limit, String client, long cost) {
        ConsumptionProbe probe = bucket(limit, client).tryConsumeAndReturnRemaining(
                Math.min(cost, rules.get(limit).capacity()));
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Forgets every client's use of every limit: a fresh start (between tests, or after an incident). */
    public void forgetAll() {
        buckets.values().forEach(Map::clear);
    }

    /** Refuses, without taking anything, when the client has nothing left (e.g. before checking a join code). */
    public void check(Limit limit, String client) {
        EstimationProbe estimate = bucket(limit, client).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw new TooManyRequestsException(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(Limit limit, String client) {
        Map<String, Bucket> clients = buckets.get(limit);
        Bucket bucket = clients.get(client);
        if (bucket != null) {
            return bucket;
        }
        if (clients.size() >= maxClients) {
            forgetIdle(limit, clients);
        }
        Rule rule = rules.get(limit);
        return clients.computeIfAbsent(client, key -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(l -> l.capacity(rule.capacity()).refillGreedy(rule.refill(), rule.period())).build());
    }

    /** Full buckets say nothing a new bucket would not: dropping them bounds memory without freeing a flooder. */
    private void forgetIdle(Limit limit, Map<String, Bucket> clients) {
        long capacity = rules.get(limit).capacity();
        clients.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= capacity);
        if (clients.size() >= maxClients) {
            // Still full of active clients (a flood from very many addresses): refuse newcomers as busy.
            throw new TemporarilyUnavailableException(Duration.ofSeconds(5), "request", "limits.busy");
        }
    }

    /**
     * The buckets' time from the application's clock rather than the JVM's nanosecond counter, so that a test can
     * stop time: with 150 decodes a second a token comes back every 7 ms, sooner than a busy machine answers.
     */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
