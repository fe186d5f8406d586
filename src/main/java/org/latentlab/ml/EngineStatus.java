package org.latentlab.ml;

import java.time.Duration;

/**
 * What the deep-learning engine is and how it runs, for the admin page and {@code /actuator/health}.
 *
 * @param loadTime how long loading PyTorch took (zero while warming up)
 * @param readyTime how long the whole warm-up took, PyTorch and shipped models (zero while warming up)
 * @param problem why the engine is not available, in words an admin can act on; null when it is
 */
public record EngineStatus(
        EngineState state,
        String engineName,
        String engineVersion,
        String djlVersion,
        int intraOpThreads,
        int interOpThreads,
        String cacheDir,
        boolean offline,
        Duration loadTime,
        Duration readyTime,
        String problem) {

    public boolean available() {
        return state == EngineState.READY;
    }

    public boolean warmingUp() {
        return state == EngineState.WARMING_UP;
    }

    EngineStatus ready(Duration warmUp) {
        return new EngineStatus(EngineState.READY, engineName, engineVersion, djlVersion, intraOpThreads,
                interOpThreads, cacheDir, offline, loadTime, warmUp, problem);
    }
}
