package org.latentlab.playground.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.ui.FeaturePage;

/** Entry page of the playground feature. */
@Route("playground")
@Menu(order = 40, icon = "vaadin:scatter-chart", title = "nav.playground")
@AnonymousAllowed
public class PlaygroundView extends FeaturePage {

    public PlaygroundView() {
        super("playground.title", "playground.intro");
        addNotice("playground.status");
    }
}
