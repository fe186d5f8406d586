package org.latentlab.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import org.latentlab.base.ui.FieldErrors;
import org.latentlab.classroom.NewAccount;

/** Username, name and password twice: the fields of setup, registration and the admin's "new teacher". */
class AccountForm extends FormLayout {

    // Generous client-side limits keep accidental pastes short; the server checks the real rules.
    private static final int FIELD_LIMIT = 200;

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField passwordRepeat = new PasswordField();
    final TextField joinCode = new TextField();
    final FieldErrors errors;

    AccountForm(Component owner, boolean withJoinCode) {
        username.setLabel(owner.getTranslation("account.username"));
        username.setHelperText(owner.getTranslation("account.username.help"));
        username.setId("username");
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        displayName.setLabel(owner.getTranslation("account.displayName"));
        displayName.setId("display-name");
        password.setLabel(owner.getTranslation("account.password"));
        password.setHelperText(owner.getTranslation("account.password.help"));
        password.setId("password");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        passwordRepeat.setLabel(owner.getTranslation("account.passwordRepeat"));
        passwordRepeat.setId("password-repeat");
        passwordRepeat.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        username.setMaxLength(FIELD_LIMIT);
        displayName.setMaxLength(FIELD_LIMIT);
        password.setMaxLength(FIELD_LIMIT);
        passwordRepeat.setMaxLength(FIELD_LIMIT);
        joinCode.setMaxLength(FIELD_LIMIT);
        add(username, displayName, password, passwordRepeat);
        errors = new FieldErrors(owner).field("username", username).field("displayName", displayName)
                .field("password", password).field("passwordRepeat", passwordRepeat);
        if (withJoinCode) {
            joinCode.setLabel(owner.getTranslation("register.joinCode"));
            joinCode.setHelperText(owner.getTranslation("register.joinCode.help"));
            joinCode.setId("join-code");
            add(joinCode);
            errors.field("joinCode", joinCode);
        }
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    NewAccount value() {
        return new NewAccount(username.getValue(), displayName.getValue(), password.getValue(),
                passwordRepeat.getValue(), joinCode.getValue());
    }
}
