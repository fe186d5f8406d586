package org.latentlab.lab;

import java.util.Map;

import org.latentlab.base.ui.RouteLocation;
import org.latentlab.lab.ui.DesignView;
import org.latentlab.lab.ui.LabView;

/**
 * Where the Lab's pages are, for links from other modules (whose code may not name the views) and from the Lab
 * itself. Built from the views' own routes, so a renamed route cannot leave a link behind.
 */
public final class LabRoutes {

    private LabRoutes() {
    }

    /** The Lab with one experiment chosen ({@code slug} as {@link Experiment#slug()} gives it). */
    public static String experiment(String slug) {
        return RouteLocation.of(LabView.class, Map.of(), Map.of("experiment", slug));
    }

    /** The network designer, starting from an experiment's settings. */
    public static String design(String slug) {
        return RouteLocation.of(DesignView.class, Map.of(), Map.of("experiment", slug));
    }
}
