package dev.deskassist.core.http;

import java.time.Duration;

/**
 * 5xx: the service failed; the request may succeed later. A 503 may carry {@code Retry-After},
 * surfaced by {@link #retryAfter()}.
 */
public class ServerErrorException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public ServerErrorException(String service, int status, String method, String path, ErrorDetails details) {
        this(service, status, method, path, details, null);
    }

    public ServerErrorException(String service, int status, String method, String path, ErrorDetails details,
                                Duration retryAfter) {
        super(service, status, method, path, details.code(), details.message(), retryAfter, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
