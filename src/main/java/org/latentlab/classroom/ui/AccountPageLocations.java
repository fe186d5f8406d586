package org.latentlab.classroom.ui;

import org.latentlab.base.ui.AccountPages;
import org.latentlab.base.ui.RouteLocation;
import org.springframework.stereotype.Component;

/** The shell's links to sign-in and registration, from the views' own routes. */
@Component
class AccountPageLocations implements AccountPages {

    @Override
    public String signIn() {
        return RouteLocation.of(LoginView.class);
    }

    @Override
    public String register() {
        return RouteLocation.of(RegisterView.class);
    }
}
