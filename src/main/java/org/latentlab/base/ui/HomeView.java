package org.latentlab.base.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.CurrentUser;

/** The front page: what Latent Lab is and the three ways into it. */
@Route("")
@Menu(order = 0, icon = "vaadin:home", title = "nav.home")
@AnonymousAllowed
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(CurrentUser currentUser, List<HomeContribution> contributions) {
        addClassName("ll-page");
        Div hero = new Div(new LatentLogo(96));
        hero.addClassName("ll-hero");
        H1 title = new H1(currentUser.get()
                .map(user -> getTranslation("home.welcomeBack", user.displayName()))
                .orElse(getTranslation("home.title")));
        title.setId("home-title");
        hero.add(title, new Paragraph(getTranslation("home.tagline")));
        add(hero);

        contributions.stream().sorted(Comparator.comparingInt(HomeContribution::order))
                .map(HomeContribution::create).flatMap(Optional::stream).forEach(this::add);

        Div steps = new Div(
                step("vaadin:book", "home.step.read.title", "home.step.read.text", "lessons"),
                step("vaadin:flask", "home.step.train.title", "home.step.train.text", "lab"),
                step("vaadin:scatter-chart", "home.step.explore.title", "home.step.explore.text", "playground"));
        steps.addClassName("ll-cards");
        add(steps);

        if (currentUser.get().isEmpty()) {
            Paragraph account = new Paragraph(getTranslation("home.accountHint"));
            account.addClassName("ll-muted");
            add(account);
        }
    }

    private Div step(String icon, String titleKey, String textKey, String path) {
        Div card = new Div(new Icon(icon), new H2(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        card.addClassName("ll-card");
        Anchor link = new Anchor(path, getTranslation("home.open"));
        link.addClassName("ll-card-link");
        card.add(link);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
