package dev.deskassist.core.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to answer a webhook call, whatever the HTTP framework: a status, an optional
 * {@code Retry-After} and a small JSON body naming the outcome. Nothing is answered 2xx before
 * the event is persisted.
 */
public record Acceptance(int status, Outcome outcome, String reason, Duration retryAfter) {

    /** How {@link Pipeline#accept} handled a call. */
    public enum Outcome {
        /** Verified, persisted, will be processed: 202. */
        ACCEPTED,
        /** The same delivery was accepted before: 200, nothing stored twice. */
        DUPLICATE,
        /** Authentic, but nothing to do (our own update, an event kind we do not handle): 202. */
        IGNORED,
        /** Not signed, badly signed, stale or replayed: 401. */
        UNAUTHENTICATED,
        /** Unreadable, too large or too deeply nested: 400 or 413. */
        MALFORMED,
        /** No adapter of that name: 404. */
        UNKNOWN_HELPDESK,
        /** Stopping, or the store cannot persist (full disk, unreachable): 503 with Retry-After. */
        UNAVAILABLE
    }

    public Acceptance {
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
    }

    /** 202: persisted, will be processed. */
    public static Acceptance accepted() {
        return new Acceptance(202, Outcome.ACCEPTED, "", null);
    }

    /** 200: this delivery was accepted before. */
    public static Acceptance duplicate() {
        return new Acceptance(200, Outcome.DUPLICATE, "", null);
    }

    /** 202: authentic, nothing to do. */
    public static Acceptance ignored(String reason) {
        return new Acceptance(202, Outcome.IGNORED, reason, null);
    }

    /** 401: the sender could not prove who it is. */
    public static Acceptance unauthenticated(String reason) {
        return new Acceptance(401, Outcome.UNAUTHENTICATED, reason, null);
    }

    /** 400, or 413 for a body over the limit. */
    public static Acceptance malformed(int status, String reason) {
        return new Acceptance(status, Outcome.MALFORMED, reason, null);
    }

    /** 404: no adapter of that name. */
    public static Acceptance unknownHelpdesk() {
        return new Acceptance(404, Outcome.UNKNOWN_HELPDESK, "no adapter for this helpdesk", null);
    }

    /** 503 with {@code Retry-After}: not persisted, deliver again later. */
    public static Acceptance unavailable(String reason, Duration retryAfter) {
        return new Acceptance(503, Outcome.UNAVAILABLE, reason, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** True for 2xx answers: the sender must not deliver again. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public Optional<Duration> retryAfterValue() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@code {"status":"accepted","reason":"..."}}; the reason holds no body text or secrets. */
    public String body() {
        StringBuilder sb = new StringBuilder("{\"status\":\"").append(outcome.name().toLowerCase(java.util.Locale.ROOT))
                .append('"');
        if (!reason.isEmpty()) {
            sb.append(",\"reason\":\"").append(reason.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
