package dev.deskassist.core.audit;

/** A decision record could not be written. */
public class AuditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
