package org.latentlab.base;

/**
 * What an account may do. An admin is also a teacher: the first account created on a new server runs classes too.
 */
public enum Role {
    STUDENT,
    TEACHER,
    ADMIN;

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final class Names {
        public static final String STUDENT = "STUDENT";
        public static final String TEACHER = "TEACHER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }
}
