package org.latentlab.base.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * Something a feature puts on the home page for the signed-in user (e.g. "continue where you left off"). Features
 * register a Spring bean; the home page asks each one when it is built, in UI-thread context.
 */
public interface HomeContribution {

    /** The component to show, or empty if there is nothing for this user now. */
    Optional<Component> create();

    /** Lower comes first. */
    default int order() {
        return 0;
    }
}
