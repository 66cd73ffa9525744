package dev.deskassist.core.triage.language;

import dev.deskassist.core.DeskAssistException;

/**
 * A language profile resource is missing or unreadable; the message names the resource. Thrown
 * while building a detector, never while detecting.
 */
public class LanguageProfileException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public LanguageProfileException(String message) {
        super(message);
    }

    public LanguageProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
