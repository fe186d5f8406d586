package org.latentlab.classroom.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.latentlab.classroom.SetupService;
import org.springframework.stereotype.Component;

/** While the server has no admin, every page leads to the one-time setup page. */
@Component
class SetupGate implements VaadinServiceInitListener {

    private final SetupService setup;

    SetupGate(SetupService setup) {
        this.setup = setup;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiInit -> uiInit.getUI().addBeforeEnterListener(enter -> {
            if (enter.getNavigationTarget() != SetupView.class && setup.setupNeeded()) {
                enter.forwardTo(SetupView.class);
            }
        }));
    }
}
