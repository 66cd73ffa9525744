package dev.deskassist.core.draft;

import dev.deskassist.core.DeskAssistException;

/** A guardrail policy file is malformed; the message names the file and the offending entry. */
public class PolicyException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
