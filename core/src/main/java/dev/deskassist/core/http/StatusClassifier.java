package dev.deskassist.core.http;

import java.util.Objects;

/**
 * Decides what an error status means for one service, the one place where helpdesks differ in
 * reading the same code: for most a 403 is an authentication problem (a token without the needed
 * scope), for ServiceNow an ACL, business rule or data policy that said no
 * ({@code standard().withStatus(403, ErrorKind.REJECTED)}). A classifier may also look at the
 * error body's code.
 */
@FunctionalInterface
public interface StatusClassifier {

    /** The kind of a non-2xx answer. */
    ErrorKind classify(int status, ErrorDetails details);

    /**
     * 401 and 403 authentication, 404 not found, 409 conflict, 400 and 422 validation, 429 rate
     * limited, 5xx server error, any other status a client error.
     */
    static StatusClassifier standard() {
        return StatusClassifiers.STANDARD;
    }

    /** This classifier with {@code status} always meaning {@code kind}. */
    default StatusClassifier withStatus(int status, ErrorKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (status < 300 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        return StatusClassifiers.override(this, status, kind);
    }
}
