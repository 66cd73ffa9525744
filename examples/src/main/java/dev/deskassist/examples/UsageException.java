package dev.deskassist.examples;

/** A command was called with wrong or missing options; the message says which. */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
