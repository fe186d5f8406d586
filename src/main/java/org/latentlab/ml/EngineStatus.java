package org.latentlab.ml;

import java.time.Duration;

/**
 * What the deep-learning engine is and how it runs, for the admin page and {@code /actuator/health}.
 *
 * @param problem why the engine is not available, in words an admin can act on; null when it is
 */
public record EngineStatus(
        boolean available,
        String engineName,
        String engineVersion,
        String djlVersion,
        int intraOpThreads,
        int interOpThreads,
        String cacheDir,
        boolean offline,
        Duration loadTime,
        String problem) {
}
