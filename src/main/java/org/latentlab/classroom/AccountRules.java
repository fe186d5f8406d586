package org.latentlab.classroom;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.latentlab.base.InvalidInputException;

/**
 * What makes a username, a display name, a password and a class name acceptable. Every rule names the field and
 * the allowed range in its message. Lengths are checked before anything expensive happens to a value, so a
 * megabyte-long password costs nothing.
 */
final class AccountRules {

    static final int USERNAME_MIN = 3;
    static final int USERNAME_MAX = 32;
    static final int DISPLAY_NAME_MAX = 80;
    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 64;
    /** bcrypt reads only the first 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int PASSWORD_MAX_BYTES = 72;
    static final int CLASS_NAME_MAX = 80;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");

    private AccountRules() {
    }

    static String normalizeUsername(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    static String username(String raw) {
        String username = normalizeUsername(raw);
        if (username.isEmpty()) {
            throw new InvalidInputException("username", "validation.username.required");
        }
        if (username.length() < USERNAME_MIN || username.length() > USERNAME_MAX) {
            throw new InvalidInputException("username", "validation.username.length", USERNAME_MIN, USERNAME_MAX);
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "validation.username.characters");
        }
        return username;
    }

    static String displayName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("displayName", "validation.displayName.required");
        }
        if (name.length() > DISPLAY_NAME_MAX) {
            throw new InvalidInputException("displayName", "validation.displayName.length", DISPLAY_NAME_MAX);
        }
        if (CONTROL_CHARACTERS.matcher(name).find()) {
            throw new InvalidInputException("displayName", "validation.displayName.characters");
        }
        return name;
    }

    static String password(String password, String repeated, String username) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("password", "validation.password.required");
        }
        if (password.length() > PASSWORD_MAX || tooManyBytes(password)) {
            throw new InvalidInputException("password", "validation.password.long", PASSWORD_MAX);
        }
        if (password.length() < PASSWORD_MIN) {
            throw new InvalidInputException("password", "validation.password.short", PASSWORD_MIN);
        }
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidInputException("password", "validation.password.sameAsUsername");
        }
        if (!password.equals(repeated)) {
            throw new InvalidInputException("passwordRepeat", "validation.password.mismatch");
        }
        return password;
    }

    /** True for a password that could never have been accepted, so a login attempt with it needs no bcrypt. */
    static boolean impossiblePassword(String password) {
        return password == null || password.length() > PASSWORD_MAX || tooManyBytes(password);
    }

    static String className(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("className", "validation.className.required");
        }
        if (name.length() > CLASS_NAME_MAX) {
            throw new InvalidInputException("className", "validation.className.length", CLASS_NAME_MAX);
        }
        if (CONTROL_CHARACTERS.matcher(name).find()) {
            throw new InvalidInputException("className", "validation.className.characters");
        }
        return name;
    }

    private static boolean tooManyBytes(String password) {
        // Cheap pre-check: 18 characters can never exceed 72 bytes of UTF-8.
        return password.length() > PASSWORD_MAX_BYTES / 4
                && password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES;
    }
}
