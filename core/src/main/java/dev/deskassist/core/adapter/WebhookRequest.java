package dev.deskassist.core.adapter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An inbound webhook call exactly as received: method, path, headers (looked up ignoring case),
 * the raw body bytes (signatures are computed over these, never over re-serialised JSON) and
 * when it arrived. Immutable; {@link #body()} returns a copy. {@code toString()} shows neither
 * headers nor body, which carry signatures and ticket text.
 */
public final class WebhookRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Instant receivedAt;

    private WebhookRequest(String method, String path, Map<String, List<String>> headers, byte[] body,
                           Instant receivedAt) {
        this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        this.path = Objects.requireNonNull(path, "path");
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    h.merge(k, List.copyOf(v), (a, b) -> {
                        List<String> all = new java.util.ArrayList<>(a);
                        all.addAll(b);
                        return List.copyOf(all);
                    });
                }
            });
        }
        this.headers = java.util.Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body.clone();
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A request with multi-valued headers, as HTTP servers deliver them. */
    public static WebhookRequest of(String method, String path, Map<String, List<String>> headers, byte[] body,
                                    Instant receivedAt) {
        return new WebhookRequest(method, path, headers, body, receivedAt);
    }

    /** A request with one value per header, convenient in tests and replays. */
    public static WebhookRequest ofSingleValued(String method, String path, Map<String, String> headers, byte[] body,
                                                Instant receivedAt) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k, List.of(v)));
        }
        return new WebhookRequest(method, path, h, body, receivedAt);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** All headers; the map ignores case on lookup. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, ignoring case. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.get(0));
    }

    /** A copy of the raw body bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8 (for parsing after verification). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public int bodyLength() {
        return body.length;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRequest w && method.equals(w.method) && path.equals(w.path)
                && headers.equals(w.headers) && Arrays.equals(body, w.body) && receivedAt.equals(w.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, Arrays.hashCode(body), receivedAt);
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + path + ", " + body.length + " bytes, at " + receivedAt + "]";
    }
}
