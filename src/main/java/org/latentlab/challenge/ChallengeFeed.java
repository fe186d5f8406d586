package org.latentlab.challenge;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.latentlab.base.ClusterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Open challenge pages subscribe here to hear about changes of one challenge, made on any node (the leaderboard
 * updates live by server push). Listeners run on the thread that made the change and must hand over to their UI themselves.
 */
@Component
public class ChallengeFeed {

    private static final Logger log = LoggerFactory.getLogger(ChallengeFeed.class);

    private final Map<Long, Set<Consumer<ChallengeChanged>>> listeners = new ConcurrentHashMap<>();

    ChallengeFeed(ClusterEvents events) {
        events.subscribe(ChallengeChanged.class, this::changed);
    }

    /** Returns what to call to stop listening (on detach). */
    public Runnable subscribe(long challengeId, Consumer<ChallengeChanged> listener) {
        listeners.computeIfAbsent(challengeId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(challengeId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    private void changed(ChallengeChanged change) {
        for (Consumer<ChallengeChanged> listener : listeners.getOrDefault(change.challengeId(), Set.of())) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("A challenge page could not be updated: {}", e.getMessage());
            }
        }
    }
}
