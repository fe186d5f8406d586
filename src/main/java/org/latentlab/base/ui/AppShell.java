package org.latentlab.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: the Lumo theme, server push (live training and leaderboards need it), viewport. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@Meta(name = "color-scheme", content = "light")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Latent Lab");
        settings.setViewport("width=device-width, initial-scale=1");
    }
}
