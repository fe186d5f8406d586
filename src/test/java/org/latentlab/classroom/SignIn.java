package org.latentlab.classroom;

import com.vaadin.flow.server.VaadinSession;

import org.latentlab.base.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts an account into the security context, as a real sign-in would. It uses the application context's own
 * strategy: Vaadin installs one per context, so the static holder may belong to another test's context (a context
 * cached from an earlier test class). Browserless view tests read the static holder, so signing in also makes this
 * context's strategy the static one again; without that, a view test that runs after a test with another context
 * sees nobody signed in and is sent to the home page.
 */
@Component
public class SignIn {

    private final SecurityContextHolderStrategy securityContexts;

    SignIn(SecurityContextHolderStrategy securityContexts) {
        this.securityContexts = securityContexts;
    }

    public SignedInUser as(AccountSummary account) {
        SecurityContextHolder.setContextHolderStrategy(securityContexts);
        SignedInUser user = new SignedInUser(account.id(), account.username(), account.displayName(), account.role(),
                null);
        var context = securityContexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        securityContexts.setContext(context);
        inVaadinSession(context);
        return user;
    }

    public void out() {
        SecurityContextHolder.setContextHolderStrategy(securityContexts);
        securityContexts.clearContext();
        inVaadinSession(null);
    }

    /**
     * Vaadin's strategy reads the context of the current Vaadin session's HTTP session before its thread-local one,
     * so a browserless test whose session holds an older context (anonymous, or another user) must find the new
     * one there too.
     */
    private static void inVaadinSession(SecurityContext context) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            String key = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;
            if (context == null) {
                session.getSession().removeAttribute(key);
            } else {
                session.getSession().setAttribute(key, context);
            }
        }
    }
}
