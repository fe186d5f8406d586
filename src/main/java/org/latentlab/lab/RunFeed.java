package org.latentlab.lab;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.latentlab.base.ClusterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pages on this node follow runs here, whichever worker trains them: every {@link RunUpdate} from any node reaches
 * the subscribers of its run, and waiting pages hear any state change (their place in the queue may have moved).
 * It also remembers each training run's latest point, so a status read on this node shows the live curve's length.
 */
@Component
public class RunFeed {

    private static final Logger log = LoggerFactory.getLogger(RunFeed.class);

    private final Map<UUID, Set<Consumer<RunUpdate>>> followers = new ConcurrentHashMap<>();
    private final Set<Runnable> queueWatchers = ConcurrentHashMap.newKeySet();
    private final Map<UUID, RunUpdate.Progressed> latest = new ConcurrentHashMap<>();

    RunFeed(ClusterEvents events) {
        events.subscribe(RunUpdate.StateChanged.class, this::deliver);
        events.subscribe(RunUpdate.Progressed.class, this::deliver);
        events.subscribe(ClusterEvents.Reconnected.class, reconnected -> queueWatchers.forEach(Runnable::run));
    }

    /** Listens to one run; listeners run on the bus's thread. Returns what to call to stop (on detach). */
    public Runnable follow(UUID runId, Consumer<RunUpdate> listener) {
        followers.computeIfAbsent(runId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> followers.computeIfPresent(runId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Called whenever any run's state changes (a waiting page's position may have moved), or after a reconnect. */
    public Runnable watchQueue(Runnable watcher) {
        queueWatchers.add(watcher);
        return () -> queueWatchers.remove(watcher);
    }

    /** The latest point this node heard of a run that is training. */
    Optional<RunUpdate.Progressed> latest(UUID runId) {
        return Optional.ofNullable(latest.get(runId));
    }

    private void deliver(RunUpdate update) {
        switch (update) {
            case RunUpdate.Progressed progressed -> latest.put(update.runId(), progressed);
            case RunUpdate.StateChanged changed when changed.state().ended() -> latest.remove(update.runId());
            default -> {
            }
        }
        for (Consumer<RunUpdate> listener : followers.getOrDefault(update.runId(), Set.of())) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                log.warn("A run page could not be updated: {}", e.toString());
            }
        }
        if (update instanceof RunUpdate.StateChanged) {
            queueWatchers.forEach(Runnable::run);
        }
    }
}
