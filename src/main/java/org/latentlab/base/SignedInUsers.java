package org.latentlab.base;

import java.util.Optional;

/**
 * Who an account name stands for, for security's remember-me sign-in (a browser that comes back with its
 * remember-me cookie, e.g. to another node after its own went away). The accounts feature implements it; base only
 * needs this much.
 */
public interface SignedInUsers {

    Optional<SignedInUser> byUsername(String username);
}
