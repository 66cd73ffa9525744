package dev.deskassist.core.draft;

/** A guardrail policy file is malformed; the message names the file and the offending entry. */
public class PolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
