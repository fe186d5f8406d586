package org.latentlab.challenge.ui;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import org.latentlab.base.ui.FeaturePage;

/** Entry page of the challenges feature. */
@Route("challenges")
@Menu(order = 50, icon = "vaadin:trophy", title = "nav.challenges")
@PermitAll
public class ChallengesView extends FeaturePage {

    public ChallengesView() {
        super("challenges.title", "challenges.intro");
        addNotice("challenges.status");
    }
}
