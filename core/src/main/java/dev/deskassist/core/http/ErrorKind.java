package dev.deskassist.core.http;

/**
 * What an error response means, as a {@link StatusClassifier} decides it; {@link ApiClient}
 * throws the matching exception type.
 */
public enum ErrorKind {
    /** {@link AuthenticationException}: credentials missing, wrong, expired or without a needed scope. */
    AUTHENTICATION,
    /** {@link RejectedException}: authenticated, but a permission or rule refuses the request. */
    REJECTED,
    /** {@link NotFoundException}. */
    NOT_FOUND,
    /** {@link ConflictException}: the record changed since it was read. */
    CONFLICT,
    /** {@link ValidationException}: the content was refused, with per-field problems. */
    VALIDATION,
    /** {@link RateLimitedException}, retryable, with the service's {@code Retry-After}. */
    RATE_LIMITED,
    /** {@link ServerErrorException}, retryable. */
    SERVER_ERROR,
    /** {@link ClientErrorException}: any other refusal; repeating will not help. */
    CLIENT_ERROR
}
