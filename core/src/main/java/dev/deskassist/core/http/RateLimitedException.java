package dev.deskassist.core.http;

import java.time.Duration;

/**
 * 429: the service asks us to slow down, usually with a {@code Retry-After} delay, which
 * {@link #retryAfter()} returns in full. {@link ApiClient} waits in-process only for delays up to
 * {@link ApiClientConfig#maxRetryAfter()}; a longer one is thrown at once so that a caller with a
 * queue (the pipeline) schedules the retry instead of holding a thread.
 */
public class RateLimitedException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public RateLimitedException(String service, String method, String path, Duration retryAfter,
                                ErrorDetails details) {
        super(service, 429, method, path, details.code(),
                retryAfter == null ? details.message() : "retry after " + retryAfter.toSeconds() + " s", retryAfter,
                null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
