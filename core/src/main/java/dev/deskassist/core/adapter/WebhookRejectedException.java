package dev.deskassist.core.adapter;

import dev.deskassist.core.DeskAssistException;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook request was refused; {@link #reason()} says why in a form a server can map to a
 * status code (401 when {@link Reason#isAuthenticationFailure()}, 400 for malformed input,
 * 202-and-ignore for events we do not handle). When the sender authenticates with HTTP Basic,
 * {@link #challenge()} holds the {@code WWW-Authenticate} value a 401 should carry. The message
 * never quotes the body, a signature or a credential.
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
        /** No shared secret came (no {@code Authorization} or secret header) for an unsigned webhook. */
        MISSING_CREDENTIALS,
        /** A shared secret came but matches none of the configured ones. */
        BAD_CREDENTIALS,
        /** The body or a header cannot be read (not JSON, no ticket id, unreadable timestamp, too large). */
        MALFORMED,
        /** A valid, authentic event of a kind this adapter does not handle. */
        UNSUPPORTED_EVENT;

        /** True when the sender could not prove who it is; answer 401. */
        public boolean isAuthenticationFailure() {
            return this == BAD_SIGNATURE || this == MISSING_SIGNATURE || this == STALE_TIMESTAMP
                    || this == MISSING_CREDENTIALS || this == BAD_CREDENTIALS;
        }
    }

    private final Reason reason;
    private final String challenge;

    public WebhookRejectedException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public WebhookRejectedException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    /**
     * @param challenge the {@code WWW-Authenticate} value for the 401, e.g. {@code Basic realm="deskassist"};
     *                  {@code null} for none
     */
    public WebhookRejectedException(Reason reason, String message, String challenge, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
        this.reason = reason;
        this.challenge = challenge;
    }

    public Reason reason() {
        return reason;
    }

    /** The {@code WWW-Authenticate} value to answer with, for senders that authenticate with HTTP Basic. */
    public Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }
}
