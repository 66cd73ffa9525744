package dev.deskassist.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.Request;

/**
 * {@link Auth#oauth(TokenSource)}: a cached bearer token, fetched again shortly before expiry or
 * after a 401. One fetch at a time; threads that find the token already replaced after their 401
 * re-send with the new one instead of fetching again.
 */
final class TokenAuth implements Auth {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final TokenSource source;
    private final Clock clock;
    private AccessToken token;
    private Instant refreshAt;

    TokenAuth(TokenSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void apply(Request.Builder request) {
        request.header("Authorization", "Bearer " + current().value());
    }

    @Override
    public synchronized boolean refreshAfterUnauthorized(Request rejected) {
        String sent = rejected.header("Authorization");
        if (token != null && !("Bearer " + token.value()).equals(sent)) {
            // another thread refreshed since this request was signed
            return true;
        }
        fetch();
        return true;
    }

    private synchronized AccessToken current() {
        if (token == null || (refreshAt != null && !clock.instant().isBefore(refreshAt))) {
            fetch();
        }
        return token;
    }

    private void fetch() {
        token = null;
        Instant now = clock.instant();
        AccessToken fresh = Objects.requireNonNull(source.fetch(), "token source returned null");
        Instant expires = fresh.expiresAt();
        if (expires == null) {
            refreshAt = null;
        } else {
            Duration life = Duration.between(now, expires);
            Duration margin = life.compareTo(MARGIN.multipliedBy(2)) < 0 ? life.dividedBy(2) : MARGIN;
            refreshAt = expires.minus(margin);
        }
        token = fresh;
    }

    @Override
    public String toString() {
        return "Auth[oauth " + source + ", token hidden]";
    }
}
