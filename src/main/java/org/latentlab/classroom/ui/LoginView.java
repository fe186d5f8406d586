package org.latentlab.classroom.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.ui.FieldErrors;
import org.latentlab.base.ui.LatentLogo;
import org.latentlab.base.ui.RouteLocation;
import org.latentlab.classroom.LoginDelayedException;
import org.springframework.security.web.WebAttributes;

/** Sign in. The form posts to Spring Security; this page shows why a sign-in failed. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    LoginView() {
        addClassNames("ll-page", "ll-login");
        setAlignItems(Alignment.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(getTranslation("login.error.text")));
        // Spring Security's remember-me parameter, sent with the form's POST when ticked (as part of its address:
        // the form posts only its own fields). Off by default: school computers are shared. A native checkbox in
        // its label, so that the sign-in page needs no component beyond the form.
        Element box = new Element("input");
        box.setAttribute("type", "checkbox");
        box.setAttribute("id", "login-remember-me");
        box.addEventListener("change", e -> login.setAction(e.getEventData().get("element.checked").asBoolean()
                ? "login?remember-me=on" : "login")).addEventData("element.checked");
        box.getStyle().set("width", "1.1rem").set("height", "1.1rem").set("margin", "0")
                .set("accent-color", "var(--lumo-primary-color)");
        NativeLabel rememberMe = new NativeLabel();
        // Styled here, not in the stylesheet: the committed frontend bundles stay as they are.
        rememberMe.getStyle().set("display", "flex").set("align-items", "center")
                .set("gap", "var(--lumo-space-s)").set("cursor", "pointer");
        rememberMe.getElement().appendChild(box, new Element("span").setText(getTranslation("login.rememberMe")));
        // Inside the form, between the password and the Sign in button (the form's custom area), where it is ticked
        // before signing in, not after.
        rememberMe.getElement().setAttribute("slot", "custom-form-area");
        login.getElement().appendChild(rememberMe.getElement());
        Anchor register = new Anchor(RouteLocation.of(RegisterView.class), getTranslation("login.noAccount"));
        register.setId("login-register-link");
        Anchor home = new Anchor("", getTranslation("login.backHome"));
        add(new LatentLogo(72), login, register, home);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            Object problem = VaadinSession.getCurrent() == null ? null
                    : VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (problem instanceof LoginDelayedException delayed) {
                login.setI18n(i18n(getTranslation("login.error.wait", delayed.secondsToWait())));
            }
            login.setError(true);
        }
        if (parameters.containsKey("expired")) {
            login.setI18n(i18n(getTranslation("login.error.expired")));
            login.setError(true);
        }
        List<String> created = parameters.getOrDefault("created", List.of());
        if (!created.isEmpty()) {
            FieldErrors.success(getTranslation("login.accountCreated"));
        }
    }

    private LoginI18n i18n(String errorText) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("account.username"));
        form.setPassword(getTranslation("account.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(errorText);
        error.setUsername(getTranslation("validation.username.required"));
        error.setPassword(getTranslation("validation.password.required"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
