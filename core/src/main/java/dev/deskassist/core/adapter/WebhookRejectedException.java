package dev.deskassist.core.adapter;

import dev.deskassist.core.DeskAssistException;
import java.util.Objects;

/**
 * A webhook request was refused; {@link #reason()} says why in a form a server can map to a
 * status code (401 for signature problems, 400 for malformed input, 202-and-ignore for events
 * we do not handle). The message never quotes the body or a signature.
 */
public class WebhookRejectedException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    /** Why a webhook was refused. */
    public enum Reason {
        /** The signature header is present but does not match the body. */
        BAD_SIGNATURE,
        /** The signature or timestamp header is absent. */
        MISSING_SIGNATURE,
        /** The signed timestamp is outside the tolerance: a replay or a badly skewed clock. */
        STALE_TIMESTAMP,
        /** The body or a header cannot be read (not JSON, no ticket id, unreadable timestamp). */
        MALFORMED,
        /** A valid, signed event of a kind this adapter does not handle. */
        UNSUPPORTED_EVENT;

        /** True when the sender could not prove who it is; answer 401. */
        public boolean isAuthenticationFailure() {
            return this == BAD_SIGNATURE || this == MISSING_SIGNATURE || this == STALE_TIMESTAMP;
        }
    }

    private final Reason reason;

    public WebhookRejectedException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message);
        this.reason = reason;
    }

    public WebhookRejectedException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
