package dev.deskassist.core.http;

/**
 * Obtains a fresh OAuth access token, e.g. {@link OAuthTokenEndpoint} (client credentials or
 * password grant). {@link Auth#oauth(TokenSource)} caches what it returns and asks again shortly
 * before expiry or after a 401.
 */
@FunctionalInterface
public interface TokenSource {

    /**
     * @throws HttpApiException typed: {@link AuthenticationException} when the client credentials are
     *                          refused, retryable kinds when the token server is unavailable
     */
    AccessToken fetch();
}
