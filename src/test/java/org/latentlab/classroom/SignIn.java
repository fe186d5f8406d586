package org.latentlab.classroom;

import org.latentlab.base.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Puts an account into the security context, as a real sign-in would. It uses the application context's own
 * strategy: Vaadin installs one per context, so the static holder may belong to another test's context.
 */
@Component
public class SignIn {

    private final SecurityContextHolderStrategy securityContexts;

    SignIn(SecurityContextHolderStrategy securityContexts) {
        this.securityContexts = securityContexts;
    }

    public SignedInUser as(AccountSummary account) {
        SignedInUser user = new SignedInUser(account.id(), account.username(), account.displayName(), account.role(),
                null);
        var context = securityContexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        securityContexts.setContext(context);
        return user;
    }

    public void out() {
        securityContexts.clearContext();
    }
}
