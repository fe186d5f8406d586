package org.latentlab.base;

/** The embedded default: one node, so every event goes straight to this node's subscribers. */
class LocalClusterEvents extends ClusterEvents {

    @Override
    protected void send(BroadcastEvent event) {
        deliver(event);
    }
}
