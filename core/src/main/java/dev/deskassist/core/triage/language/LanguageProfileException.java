package dev.deskassist.core.triage.language;

/**
 * A language profile resource is missing or unreadable; the message names the resource. Thrown
 * while building a detector, never while detecting.
 */
public class LanguageProfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LanguageProfileException(String message) {
        super(message);
    }

    public LanguageProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
