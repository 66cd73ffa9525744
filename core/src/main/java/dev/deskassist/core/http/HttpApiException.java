package dev.deskassist.core.http;

import dev.deskassist.core.DeskAssistException;
import java.time.Duration;
import java.util.Optional;

/**
 * A call to a remote API (helpdesk or LLM provider) failed. Subclasses say how: authentication,
 * not found, validation, conflict, rate limited, server error, transport, unavailable. The
 * message names the service, method, path and status, never credentials or request bodies.
 */
public class HttpApiException extends DeskAssistException {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final int status;
    private final String method;
    private final String path;
    private final String errorCode;
    private final Duration retryAfter;

    public HttpApiException(String service, int status, String method, String path, String errorCode, String detail,
                            Throwable cause) {
        this(service, status, method, path, errorCode, detail, null, cause);
    }

    /** As above, with the wait the service asked for in {@code Retry-After} ({@code null} when it sent none). */
    public HttpApiException(String service, int status, String method, String path, String errorCode, String detail,
                            Duration retryAfter, Throwable cause) {
        super(message(service, status, method, path, errorCode, detail), cause);
        this.service = service;
        this.status = status;
        this.method = method;
        this.path = path;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    private static String message(String service, int status, String method, String path, String code,
                                  String detail) {
        StringBuilder sb = new StringBuilder(service).append(' ').append(method).append(' ').append(path);
        sb.append(status > 0 ? " -> HTTP " + status : " -> no response");
        if (code != null && !code.isBlank()) {
            sb.append(" ").append(code);
        }
        if (detail != null && !detail.isBlank()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    /** The configured name of the remote service, e.g. "zendesk" or "openai". */
    public String service() {
        return service;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    /** The request path without query string. */
    public String path() {
        return path;
    }

    /** The service's own error code when it sent one (e.g. "RecordInvalid"), else null. */
    public String errorCode() {
        return errorCode;
    }

    /** True when the same request may succeed later without changes (rate limit, 5xx, transport). */
    @Override
    public boolean isRetryable() {
        return false;
    }

    /**
     * The full {@code Retry-After} the service sent with this answer (a 429, or a 503), never
     * capped; else whatever a cause carries.
     */
    @Override
    public Optional<Duration> retryAfter() {
        return retryAfter != null ? Optional.of(retryAfter) : super.retryAfter();
    }
}
