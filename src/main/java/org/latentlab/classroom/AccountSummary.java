package org.latentlab.classroom;

import java.time.Instant;

import org.latentlab.base.Role;

/** An account as other parts of the app may see it: never with its password hash. */
public record AccountSummary(long id, String username, String displayName, Role role, Instant createdAt) {
}
