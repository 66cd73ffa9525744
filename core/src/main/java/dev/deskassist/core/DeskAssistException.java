package dev.deskassist.core;

/**
 * The root of every exception DeskAssist throws. {@link #isRetryable()} is the single notion of
 * "the same call may succeed later without changes" (rate limit, server error, timeout, conflict);
 * everything else needs a fix first: input, configuration, credentials or the helpdesk's answer.
 * Messages hold ids, keys and error codes, never secrets or ticket text.
 */
public class DeskAssistException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeskAssistException(String message) {
        super(message);
    }

    public DeskAssistException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same call may succeed later unchanged; false by default. */
    public boolean isRetryable() {
        return false;
    }

    /**
     * How long the remote side asked us to wait before trying again ({@code Retry-After}), when it
     * said so. Surfaced as sent, not capped: a caller that queues work (the pipeline) honours long
     * waits instead of re-sending early.
     */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return getCause() instanceof DeskAssistException d ? d.retryAfter() : java.util.Optional.empty();
    }
}
