package org.latentlab.base;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers {@link BroadcastEvent}s to subscribers on every node, this one included, once the transaction that
 * published them has committed. On the embedded database there is one node and delivery is direct
 * ({@link LocalClusterEvents}); on PostgreSQL every node listens on one channel ({@link PostgresClusterEvents}).
 * A notification can be lost (a node reconnecting to the database misses what was sent meanwhile), so pages treat
 * events as hints and re-read stored state when they (re)connect; a node that got its connection back publishes
 * {@link Reconnected} to its own subscribers.
 */
public abstract class ClusterEvents {

    /** This node's connection to the other nodes was lost and is back: re-read whatever might have been missed. */
    public record Reconnected() implements BroadcastEvent {
    }

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);

    private final Map<Class<?>, Set<Consumer<Object>>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Class<? extends BroadcastEvent>> types = new ConcurrentHashMap<>();

    /**
     * Calls {@code listener} with every event of this type from any node, on a thread of the bus (a page hands
     * over with {@code UI.access}). Returns what to call to stop listening (on detach).
     */
    @SuppressWarnings("unchecked")
    public <T extends BroadcastEvent> Runnable subscribe(Class<T> type, Consumer<? super T> listener) {
        types.put(type.getName(), type);
        Consumer<Object> untyped = event -> listener.accept((T) event);
        subscribers.computeIfAbsent(type, t -> ConcurrentHashMap.newKeySet()).add(untyped);
        return () -> subscribers.computeIfPresent(type, (t, set) -> {
            set.remove(untyped);
            return set.isEmpty() ? null : set;
        });
    }

    /** Relays every broadcast event of this node to all nodes once its transaction has committed (or at once). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void relay(BroadcastEvent event) {
        types.putIfAbsent(event.getClass().getName(), event.getClass());
        send(event);
    }

    /** Sends the event to every node, this one included. */
    protected abstract void send(BroadcastEvent event);

    /** The event type of a name that arrived from another node, if anyone here listens to it. */
    protected Class<? extends BroadcastEvent> type(String name) {
        return types.get(name);
    }

    /** Hands an event to this node's subscribers; one failing subscriber does not keep it from the others. */
    protected void deliver(BroadcastEvent event) {
        for (Consumer<Object> listener : subscribers.getOrDefault(event.getClass(), Set.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A subscriber to {} failed: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
