package org.latentlab.base.ui;

import com.vaadin.flow.server.VaadinSession;

import org.latentlab.base.CurrentUser;

/**
 * Who an action in a page comes from, for {@link org.latentlab.base.RateLimits}: the signed-in account (the same
 * allowance in every tab), or the visitor's browser session.
 */
public final class ClientKeys {

    private ClientKeys() {
    }

    public static String current(CurrentUser currentUser) {
        return currentUser.get().map(user -> "user:" + user.userId())
                .orElseGet(() -> "session:" + VaadinSession.getCurrent().getSession().getId());
    }
}
