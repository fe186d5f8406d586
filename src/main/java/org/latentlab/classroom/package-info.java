/**
 * Accounts, roles, the first-run setup, classes and join codes. Other features see who is signed in through
 * {@code base.CurrentUser}; they ask this module about classes through {@link org.latentlab.classroom.ClassroomService}.
 */
package org.latentlab.classroom;
