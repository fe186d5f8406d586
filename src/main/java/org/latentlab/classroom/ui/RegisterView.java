package org.latentlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.CurrentUser;
import org.latentlab.base.InvalidInputException;
import org.latentlab.base.ui.RouteLocation;
import org.latentlab.classroom.AccountService;
import org.latentlab.classroom.AccountSummary;

/** Students create their own account, and may join their class with its code in the same step. */
@Route("register")
@AnonymousAllowed
public class RegisterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentUser currentUser;
    private final AccountForm form = new AccountForm(this, true);

    RegisterView(AccountService accounts, CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassNames("ll-page", "ll-narrow");
        if (accounts.registrationNeedsJoinCode()) {
            form.joinCode.setRequiredIndicatorVisible(true);
            form.joinCode.setHelperText(getTranslation("register.joinCode.helpRequired"));
        }
        Button create = new Button(getTranslation("register.submit"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("register-submit");
        create.setDisableOnClick(true);
        create.addClickListener(click -> {
            try {
                AccountSummary student = accounts.registerStudent(form.value());
                getUI().ifPresent(ui -> ui.navigate(LoginView.class,
                        QueryParameters.of("created", student.username())));
            } catch (InvalidInputException problem) {
                form.errors.show(problem);
            } finally {
                create.setEnabled(true);
            }
        });
        H1 title = new H1(getTranslation("register.title"));
        add(title, new Paragraph(getTranslation("register.intro")), form, create,
                new Anchor(RouteLocation.of(LoginView.class), getTranslation("register.haveAccount")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        // A teacher can hand out a link with the code filled in: /register?code=ABCD-EFGH
        event.getLocation().getQueryParameters().getSingleParameter("code")
                .filter(code -> code.length() <= 20)
                .ifPresent(form.joinCode::setValue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.title");
    }
}
