package org.latentlab.base.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.Language;
import org.latentlab.base.LanguageSelection;

/**
 * The shell around every page: the brand, the navigation (only what the user may open), the language switch and
 * the account area. Menu titles are message keys, so features add entries with {@code @Menu} and base needs no
 * knowledge of them.
 */
@Layout
@AnonymousAllowed
@CssImport("./styles/latent-lab.css")
@JsModule("./components/accessible-tabs.ts")
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final CurrentUser currentUser;
    private final LanguageSelection languageSelection;
    private final AuthenticationContext authenticationContext;
    private final AccountPages accountPages;
    private final Div accountArea = new Div();
    private final Select<Language> languageSwitch = new Select<>();
    private final SideNav nav = new SideNav();

    MainLayout(CurrentUser currentUser, LanguageSelection languageSelection,
            AuthenticationContext authenticationContext, AccountPages accountPages) {
        this.currentUser = currentUser;
        this.accountPages = accountPages;
        this.languageSelection = languageSelection;
        this.authenticationContext = authenticationContext;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), navbarContent());
        addToDrawer(brand(), new Scroller(nav));
    }

    private Component brand() {
        Div brand = new Div(new LatentLogo(40), new Span(getTranslation("app.name")));
        brand.addClassName("ll-brand");
        Anchor link = new Anchor(RouteLocation.of(HomeView.class), brand);
        link.addClassName("ll-brand-link");
        return link;
    }

    private Component navbarContent() {
        Span spacer = new Span();
        spacer.addClassName("ll-spacer");

        languageSwitch.setItems(Language.values());
        languageSwitch.setItemLabelGenerator(Language::nativeName);
        languageSwitch.setAriaLabel(getTranslation("language.switch"));
        languageSwitch.setId("language-switch");
        languageSwitch.addClassName("ll-language-switch");
        languageSwitch.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                getUI().ifPresent(ui -> {
                    languageSelection.choose(ui, event.getValue());
                    // Every text on the page is re-created in the new language: load the page again, without a
                    // ?lang= it may have been opened with, which would otherwise win over the new choice.
                    Location here = ui.getActiveViewLocation();
                    Map<String, List<String>> query = new LinkedHashMap<>(here.getQueryParameters().getParameters());
                    query.remove("lang");
                    String target = new Location(here.getPath(), new QueryParameters(query))
                            .getPathWithQueryParameters();
                    ui.getPage().setLocation(target.isEmpty() ? "." : target);
                });
            }
        });

        accountArea.addClassName("ll-account");
        Div navbar = new Div(spacer, languageSwitch, accountArea);
        navbar.addClassName("ll-navbar");
        return navbar;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        languageSwitch.setValue(Language.fromLocale(getLocale()));
        refreshNavigation();
        refreshAccountArea();
    }

    private void refreshNavigation() {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String title = getTranslation(entry.title());
            SideNavItem item = entry.icon() == null
                    ? new SideNavItem(title, entry.path())
                    : new SideNavItem(title, entry.path(), new Icon(entry.icon()));
            nav.addItem(item);
        }
    }

    private void refreshAccountArea() {
        accountArea.removeAll();
        currentUser.get().ifPresentOrElse(user -> {
            Span name = new Span(user.displayName());
            name.addClassName("ll-user-name");
            name.setId("signed-in-user");
            Span role = new Span(getTranslation("role." + user.role().name().toLowerCase(Locale.ROOT)));
            role.getElement().getThemeList().add("badge contrast small");
            Button signOut = new Button(getTranslation("account.signOut"), click -> authenticationContext.logout());
            signOut.addThemeVariants(ButtonVariant.TERTIARY);
            signOut.setId("sign-out");
            accountArea.add(name, role, signOut);
        }, () -> {
            Anchor signIn = new Anchor(accountPages.signIn(), getTranslation("account.signIn"));
            signIn.setId("sign-in-link");
            Anchor register = new Anchor(accountPages.register(), getTranslation("account.register"));
            register.setId("register-link");
            register.addClassName("ll-register-link");
            accountArea.add(signIn, register);
        });
    }
}
