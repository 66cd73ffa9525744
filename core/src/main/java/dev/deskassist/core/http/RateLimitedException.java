package dev.deskassist.core.http;

import java.time.Duration;
import java.util.Optional;

/** 429: the service asks us to slow down, usually with a {@code Retry-After} delay. */
public class RateLimitedException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String service, String method, String path, Duration retryAfter,
                                ErrorDetails details) {
        super(service, 429, method, path, details.code(),
                retryAfter == null ? details.message() : "retry after " + retryAfter.toSeconds() + " s", null);
        this.retryAfter = retryAfter;
    }

    /** The delay the service asked for, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
