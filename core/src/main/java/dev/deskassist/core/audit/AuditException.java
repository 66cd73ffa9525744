package dev.deskassist.core.audit;

import dev.deskassist.core.DeskAssistException;

/** A decision record could not be written. */
public class AuditException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
