package org.latentlab;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a module: others may use only its top-level package (and named interfaces such as
 * {@code base.ui}), never its internals like another feature's views, and no two modules may depend on each other
 * in a cycle.
 */
class ModuleBoundariesTest {

    @Test
    void featuresReachEachOtherOnlyThroughTheirPublicPackages() {
        ApplicationModules.of(LatentLabApplication.class).verify();
    }
}
