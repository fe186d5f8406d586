package org.latentlab.base;

/**
 * An application event that every node must hear, not only the one where it happened: a record (serialized as JSON,
 * a few hundred bytes at most) that refreshes pages or caches, such as a changed challenge or a run's progress.
 * Publish it like any event ({@code ApplicationEventPublisher}); listeners that must act once, such as recording
 * progress, keep listening with {@code @EventListener} on the node that published it, while pages and caches on
 * every node subscribe through {@link ClusterEvents}.
 */
public interface BroadcastEvent {
}
