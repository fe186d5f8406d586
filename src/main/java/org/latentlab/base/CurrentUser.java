package org.latentlab.base;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is signed in for the current request, if anyone. */
@Component
public class CurrentUser {

    // The strategy bean, not the static holder: Vaadin keeps the security context in the Vaadin session.
    private final SecurityContextHolderStrategy securityContexts;

    public CurrentUser(SecurityContextHolderStrategy securityContexts) {
        this.securityContexts = securityContexts;
    }

    public Optional<SignedInUser> get() {
        Authentication authentication = securityContexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; services call this so that no action runs for an anonymous caller by mistake. */
    public SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
    }
}
