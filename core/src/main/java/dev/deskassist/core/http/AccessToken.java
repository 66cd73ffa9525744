package dev.deskassist.core.http;

import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth access token and when it expires ({@code null} when the server did not say).
 * {@code toString()} hides the value.
 */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("access token must not be blank");
        }
    }

    @Override
    public String toString() {
        return "AccessToken[hidden, expiresAt=" + expiresAt + "]";
    }
}
