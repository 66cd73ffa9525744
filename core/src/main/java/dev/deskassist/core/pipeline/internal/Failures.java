package dev.deskassist.core.pipeline.internal;

import dev.deskassist.core.DeskAssistException;
import dev.deskassist.core.adapter.WriteBackException;
import dev.deskassist.core.http.AuthenticationException;
import dev.deskassist.core.http.HttpApiException;
import dev.deskassist.core.http.NotFoundException;
import dev.deskassist.core.http.RateLimitedException;
import dev.deskassist.core.http.UnavailableException;
import dev.deskassist.core.pipeline.DeadLetterReason;
import dev.deskassist.core.pipeline.DeadLetterReason.Kind;

/**
 * Sorts a failed run's exception: worth trying again later, or a dead letter of some kind. The
 * reason's message is built from ids, status codes and error codes, never from a remote error's
 * free text, which may quote the ticket.
 */
public final class Failures {

    private Failures() {
    }

    /** True when the same run may succeed later unchanged. */
    public static boolean isRetryable(Throwable e) {
        return e instanceof DeskAssistException d && d.isRetryable();
    }

    /** Whether the helpdesk refused for its rate limit (429), directly or as the cause of a write-back failure. */
    public static boolean rateLimited(Throwable e) {
        return inChain(e, RateLimitedException.class);
    }

    /**
     * True when the remote call was never made: an open circuit or an empty client-side rate
     * limiter refused it ({@link UnavailableException}). Such a failure spends no attempt.
     */
    public static boolean notAttempted(Throwable e) {
        return inChain(e, UnavailableException.class);
    }

    /** Whether {@code e} or one of its causes is a {@code type}; a throwable that is its own cause ends the walk. */
    private static boolean inChain(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The dead-letter reason for a failure that is not retryable. */
    public static DeadLetterReason reason(Throwable e) {
        if (e instanceof WriteBackException w) {
            Kind kind = switch (w.kind()) {
                case NOT_FOUND -> Kind.NOT_FOUND;
                case AUTHENTICATION -> Kind.AUTHENTICATION;
                case REJECTED, CONFLICT -> Kind.REJECTED;
                case TRANSIENT -> Kind.RETRIES_EXHAUSTED;
            };
            HttpApiException http = httpCause(w);
            return new DeadLetterReason(kind, "write-back " + w.kind() + (http == null ? "" : ": " + describe(http)));
        }
        if (e instanceof HttpApiException h) {
            Kind kind = h instanceof NotFoundException ? Kind.NOT_FOUND
                    : h instanceof AuthenticationException ? Kind.AUTHENTICATION
                    : h.status() >= 400 && h.status() < 500 ? Kind.REJECTED : Kind.FAILED;
            return new DeadLetterReason(kind, describe(h));
        }
        if (e instanceof DeskAssistException d) {
            HttpApiException http = httpCause(d);
            return new DeadLetterReason(http instanceof NotFoundException ? Kind.NOT_FOUND
                    : http instanceof AuthenticationException ? Kind.AUTHENTICATION : Kind.FAILED,
                    d.getClass().getSimpleName() + (http == null ? "" : ": " + describe(http)));
        }
        return new DeadLetterReason(Kind.UNEXPECTED, e.getClass().getName());
    }

    /** The reason for giving up on a retryable failure after the retry horizon. */
    public static DeadLetterReason exhausted(Throwable last, int attempts) {
        return new DeadLetterReason(Kind.RETRIES_EXHAUSTED, attempts + " attempts, last: " + summary(last));
    }

    /** The failure in a few words for logs: the HTTP call and status when there was one, else the class. */
    public static String summary(Throwable e) {
        HttpApiException http = e instanceof HttpApiException h ? h : httpCause(e);
        return http != null ? describe(http) : e.getClass().getSimpleName();
    }

    /** e.g. {@code zendesk PUT /api/v2/tickets/42.json -> HTTP 422 RecordInvalid}: no remote free text. */
    public static String describe(HttpApiException h) {
        StringBuilder sb = new StringBuilder(h.getClass().getSimpleName()).append(' ');
        sb.append(h.service()).append(' ').append(h.method()).append(' ').append(h.path());
        sb.append(h.status() > 0 ? " -> HTTP " + h.status() : " -> no response");
        if (h.errorCode() != null && !h.errorCode().isBlank()) {
            sb.append(' ').append(h.errorCode());
        }
        return sb.toString();
    }

    private static HttpApiException httpCause(Throwable e) {
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            if (c instanceof HttpApiException h) {
                return h;
            }
        }
        return null;
    }
}
