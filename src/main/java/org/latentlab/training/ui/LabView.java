package org.latentlab.training.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import org.latentlab.base.ui.FeaturePage;

/** Entry page of the lab feature. */
@Route("lab")
@Menu(order = 30, icon = "vaadin:flask", title = "nav.lab")
@PermitAll
public class LabView extends FeaturePage {

    public LabView() {
        super("lab.title", "lab.intro");
        addNotice("lab.status");
    }
}
