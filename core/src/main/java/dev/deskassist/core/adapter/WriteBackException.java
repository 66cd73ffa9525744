package dev.deskassist.core.adapter;

import dev.deskassist.core.DeskAssistException;
import dev.deskassist.core.http.AuthenticationException;
import dev.deskassist.core.http.ConflictException;
import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.http.NotFoundException;
import dev.deskassist.core.http.ValidationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A write-back plan could not be applied completely. {@link #kind()} says whether trying again
 * later can help; {@link #partial()} says what was already applied before the failure, so a
 * caller keeps the event (dead letter) and loses nothing; {@link #retryAfter()} carries the
 * helpdesk's {@code Retry-After} when the cause had one. The message holds ids and error codes,
 * never ticket text.
 */
public class WriteBackException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    /** How the write-back failed. */
    public enum Kind {
        /** The helpdesk refused the change (validation, closed ticket); retrying the same plan will not help. */
        REJECTED,
        /** The ticket does not exist or is not visible to the integration user. */
        NOT_FOUND,
        /** Credentials are wrong or lack a permission. */
        AUTHENTICATION,
        /** The ticket kept changing under us; every bounded re-read and re-plan met another conflict. */
        CONFLICT,
        /** Rate limit, server error, timeout or open circuit; the same plan may succeed later. */
        TRANSIENT;

        /**
         * The one mapping from a failed HTTP call to a kind, shared by every adapter: 422/400
         * rejected, 404 not found, 401/403 authentication, 409 conflict, and whatever the HTTP kit
         * calls retryable (429, 5xx, transport, open circuit) transient.
         */
        public static Kind of(HttpApiException e) {
            Objects.requireNonNull(e, "e");
            if (e instanceof ValidationException) {
                return REJECTED;
            }
            if (e instanceof NotFoundException) {
                return NOT_FOUND;
            }
            if (e instanceof AuthenticationException) {
                return AUTHENTICATION;
            }
            if (e instanceof ConflictException) {
                return CONFLICT;
            }
            return e.isRetryable() ? TRANSIENT : REJECTED;
        }
    }

    private final TicketRef ref;
    private final Kind kind;
    private final transient ApplyResult partial;

    public WriteBackException(TicketRef ref, Kind kind, String message, ApplyResult partial, Throwable cause) {
        super(Objects.requireNonNull(ref, "ref") + ": " + kind + ": " + message, cause);
        this.ref = ref;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.partial = partial;
    }

    public TicketRef ref() {
        return ref;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the same plan may succeed later (transient failure or repeated conflicts). */
    @Override
    public boolean isRetryable() {
        return kind == Kind.TRANSIENT || kind == Kind.CONFLICT;
    }

    /** The wait the helpdesk asked for (its {@code Retry-After}), taken from the cause. */
    @Override
    public Optional<Duration> retryAfter() {
        return super.retryAfter();
    }

    /** What was applied before the failure; never null. */
    public ApplyResult partial() {
        return partial == null ? new ApplyResult(ref, null, null, 0, 0) : partial;
    }
}
