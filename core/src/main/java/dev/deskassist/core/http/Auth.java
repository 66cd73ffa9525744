package dev.deskassist.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import okhttp3.Request;

/**
 * How requests authenticate. {@code toString()} never shows the secret, so an Auth can sit in a
 * config that gets logged.
 */
@FunctionalInterface
public interface Auth {

    void apply(Request.Builder request);

    /**
     * Called once when the service answered 401 to {@code rejected}, a request this Auth signed.
     * Returns true when fresh credentials are now in place and {@link ApiClient} should send the
     * request once more (a second 401 is final); false (the default) for fixed credentials.
     *
     * @throws HttpApiException when fresh credentials cannot be obtained
     */
    default boolean refreshAfterUnauthorized(Request rejected) {
        return false;
    }

    /**
     * OAuth bearer tokens from {@code source}: a token is cached until shortly before it expires
     * (a minute, or half its life when shorter), and a 401 makes one refresh and one re-send.
     */
    static Auth oauth(TokenSource source) {
        return new TokenAuth(source, java.time.Clock.systemUTC());
    }

    /** As {@link #oauth(TokenSource)} with a clock for tests. */
    static Auth oauth(TokenSource source, java.time.Clock clock) {
        return new TokenAuth(source, clock);
    }

    /** No authentication (a local model server, a test). */
    static Auth none() {
        return new Auth() {
            @Override
            public void apply(Request.Builder request) {
            }

            @Override
            public String toString() {
                return "Auth[none]";
            }
        };
    }

    /** {@code Authorization: Bearer <token>} (OAuth, OpenAI-compatible servers). */
    static Auth bearer(String token) {
        return header("Authorization", "Bearer " + Objects.requireNonNull(token, "token"), "bearer");
    }

    /** HTTP Basic with user and password (or API key and "X" for Freshdesk). */
    static Auth basic(String user, String password) {
        String raw = Objects.requireNonNull(user, "user") + ":" + Objects.requireNonNull(password, "password");
        return header("Authorization", "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)),
                // a user that is not an email may itself be the secret (Freshdesk's API key): never shown
                user.contains("@") ? "basic user=" + user.replaceAll("(?<=.).(?=[^@]*@)", "*") : "basic");
    }

    /** A fixed secret header such as {@code api-key} (Azure OpenAI) or {@code x-api-key} (Anthropic). */
    static Auth apiKeyHeader(String name, String key) {
        return header(name, Objects.requireNonNull(key, "key"), "header " + name);
    }

    private static Auth header(String name, String value, String description) {
        return new Auth() {
            @Override
            public void apply(Request.Builder request) {
                request.header(name, value);
            }

            @Override
            public String toString() {
                return "Auth[" + description + ", secret hidden]";
            }
        };
    }
}
