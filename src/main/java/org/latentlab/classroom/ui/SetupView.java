package org.latentlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.InvalidInputException;
import org.latentlab.base.ui.LatentLogo;
import org.latentlab.classroom.AccountSummary;
import org.latentlab.classroom.SetupService;

/** One-time first-run page: creates the admin account. Once an admin exists this address does not exist. */
@Route("setup")
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SetupService setup;

    SetupView(SetupService setup) {
        this.setup = setup;
        addClassNames("ll-page", "ll-narrow");
        AccountForm form = new AccountForm(this, false);
        TextField code = new TextField(getTranslation("setup.code"));
        code.setId("setup-code");
        code.setHelperText(getTranslation("setup.code.help"));
        code.setRequiredIndicatorVisible(true);
        code.setMaxLength(64);
        code.setWidthFull();
        form.addComponentAsFirst(code);
        form.errors.field("setupCode", code);
        Button create = new Button(getTranslation("setup.create"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("setup-create");
        create.setDisableOnClick(true);
        create.addClickListener(click -> {
            try {
                AccountSummary admin = setup.createFirstAdmin(code.getValue(), form.value());
                getUI().ifPresent(ui -> ui.navigate(LoginView.class,
                        com.vaadin.flow.router.QueryParameters.of("created", admin.username())));
            } catch (InvalidInputException problem) {
                form.errors.show(problem);
            } finally {
                create.setEnabled(true);
            }
        });
        H1 title = new H1(getTranslation("setup.title"));
        title.setId("setup-title");
        add(new LatentLogo(64), title, new Paragraph(getTranslation("setup.intro")), form, create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!setup.setupNeeded()) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title");
    }
}
