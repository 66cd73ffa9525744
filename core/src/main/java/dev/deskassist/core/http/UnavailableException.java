package dev.deskassist.core.http;

/**
 * The call was not attempted: the circuit breaker is open after repeated failures, or the
 * client-side rate limiter had no permit in time. Try again later.
 */
public class UnavailableException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String service, String method, String path, String why, Throwable cause) {
        super(service, 0, method, path, "unavailable", why, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
