package dev.deskassist.servicenow.testkit;

import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.servicenow.ServiceNowWebhook;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The call the shipped business rule makes, built in Java: the same ASCII body (non-ASCII escaped
 * as {@code \\uXXXX}) and the same signature headers, for tests, the simulation and the benchmark.
 */
public final class BusinessRuleCall {

    private BusinessRuleCall() {
    }

    /** The body the rule sends for one version of a record. */
    public static String body(String table, String sysId, String number, String event, long modCount, String actor,
                              String eventId) {
        StringBuilder sb = new StringBuilder("{");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("table", table);
        f.put("sys_id", sysId);
        f.put("number", number);
        f.put("event", event);
        f.put("sys_mod_count", String.valueOf(modCount));
        f.put("actor", actor);
        f.put("event_id", eventId);
        f.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(k).append("\":\"").append(ascii(v)).append('"');
        });
        return sb.append('}').toString();
    }

    /** JSON string content with quotes, backslashes and everything outside printable ASCII escaped. */
    static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The signature headers for a body signed with {@code secret} at {@code signedAt}, over its UTF-8
     * bytes (the same as ASCII for what the rule sends; a test may send something else).
     */
    public static Map<String, String> headers(String secret, String body, Instant signedAt) {
        String ts = String.valueOf(signedAt.toEpochMilli());
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put(ServiceNowWebhook.TIMESTAMP_HEADER, ts);
        h.put(ServiceNowWebhook.SIGNATURE_HEADER,
                ServiceNowWebhook.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)));
        return h;
    }

    /** The call as the adapter receives it. */
    public static WebhookRequest request(String secret, String body, Instant signedAt) {
        return WebhookRequest.ofSingleValued("POST", "/webhooks/servicenow", headers(secret, body, signedAt),
                body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    /** The call as an HTTP request to a running server (the simulation). */
    public static HttpRequest http(URI endpoint, String secret, String body, Instant signedAt) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10));
        headers(secret, body, signedAt).forEach(b::header);
        return b.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }
}
