package org.latentlab.lab;

import java.util.UUID;

/**
 * Where a finished run opens in the Playground. The playground module provides it: it uses trained runs, so the
 * lab module cannot name the Playground's route without a cycle.
 */
public interface PlaygroundLink {

    /** The Playground showing the model the run {@code runId} trained. */
    String forRun(UUID runId);
}
