package org.latentlab.classroom;

/**
 * What a form sends to create an account; checked by the service, never trusted.
 *
 * @param joinCode optional: a student may join a class while registering
 */
public record NewAccount(String username, String displayName, String password, String passwordRepeat,
        String joinCode) {

    public NewAccount(String username, String displayName, String password, String passwordRepeat) {
        this(username, displayName, password, passwordRepeat, null);
    }

    @Override
    public String toString() {
        // Passwords never reach a log line.
        return "NewAccount[username=" + username + ", displayName=" + displayName + "]";
    }
}
