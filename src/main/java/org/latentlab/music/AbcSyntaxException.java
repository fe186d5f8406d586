package org.latentlab.music;

import java.io.Serial;

import org.latentlab.base.InvalidInputException;

/**
 * ABC text we cannot read. The message key and its arguments name the tune ({@code 12 "Frère Jacques"}), the line
 * and column and the symbol, so a view can show it in the user's language; {@link #getMessage()} gives the same in
 * English for logs and the command line.
 */
class AbcSyntaxException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String english;

    AbcSyntaxException(String english, String messageKey, Object... arguments) {
        super("abc", messageKey, arguments);
        this.english = english;
    }

    @Override
    public String getMessage() {
        return english;
    }
}
