package org.latentlab.base.ui;

/**
 * Where the sign-in and registration pages are, for the shell's links and the security configuration's login page.
 * Accounts are the {@code classroom} feature's, which depends on {@code base}, so base cannot name its views: the
 * feature provides this as a bean, built from its views' own routes.
 */
public interface AccountPages {

    /** The sign-in page's location, without a leading slash (e.g. {@code login}). */
    String signIn();

    /** The registration page's location, without a leading slash. */
    String register();
}
