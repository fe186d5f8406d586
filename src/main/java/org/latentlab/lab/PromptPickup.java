package org.latentlab.lab;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.latentlab.base.ClusterEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A queued run starts on a worker with a free thread at once, not at JobRunr's next poll: JobRunr's open-source
 * edition looks for enqueued jobs every 5 s at the most on a SQL database (it refuses a shorter interval), which a
 * student would see as up to 5 s of "waiting" before their run's first point, and every run of a class burst pays it.
 * When any node queues a run ({@link RunUpdate.StateChanged} to {@link RunState#QUEUED} reaches every node), each
 * worker node asks its job server to look now. A full worker finds nothing to take; the job then waits for a free
 * thread or the next poll, as before. Web-only nodes have no job server and do nothing.
 *
 * <p>JobRunr has no public "look now"; its steward looks for new work whenever a worker thread turns idle, so this
 * reports one thread occupied and at once idle again: the count of busy threads is unchanged and the look-up is
 * JobRunr's own (guarded against running twice at once, taking only as many jobs as threads are free).
 */
@Component
class PromptPickup {

    private final ObjectProvider<BackgroundJobServer> server;
    private final AtomicBoolean lookingSoon = new AtomicBoolean();

    PromptPickup(ClusterEvents events, ObjectProvider<BackgroundJobServer> server) {
        this.server = server;
        events.subscribe(RunUpdate.StateChanged.class, changed -> {
            if (changed.state() == RunState.QUEUED) {
                lookSoon();
            }
        });
    }

    /**
     * Looks on a thread of its own (on one node the event arrives on the thread of the request that queued the run,
     * which should not wait for the job server's query). Requests that arrive while a look is pending share it.
     */
    private void lookSoon() {
        if (lookingSoon.compareAndSet(false, true)) {
            Thread.ofVirtual().name("training-pickup").start(() -> {
                // Cleared first, so a run queued while this looks asks for a look of its own.
                lookingSoon.set(false);
                server.ifAvailable(PromptPickup::lookNow);
            });
        }
    }

    private static void lookNow(BackgroundJobServer jobServer) {
        if (!jobServer.isRunning()) {
            return;
        }
        JobSteward steward = jobServer.getJobSteward();
        steward.notifyThreadOccupied();
        steward.notifyThreadIdle();
    }
}
