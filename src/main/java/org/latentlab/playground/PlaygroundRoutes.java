package org.latentlab.playground;

import java.util.Map;
import java.util.UUID;

import org.latentlab.base.ui.RouteLocation;
import org.latentlab.playground.ui.PlaygroundView;

/**
 * Where the Playground is, for links from other modules (whose code may not name the view). Built from the view's
 * own route, so a renamed route cannot leave a link behind.
 */
public final class PlaygroundRoutes {

    private PlaygroundRoutes() {
    }

    /** The Playground showing the model a Lab run trained. */
    public static String run(UUID runId) {
        return RouteLocation.of(PlaygroundView.class, Map.of(), Map.of("run", runId.toString()));
    }
}
