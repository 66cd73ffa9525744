package dev.deskassist.zendesk.testkit;

import dev.deskassist.zendesk.ZendeskWebhook;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Builds webhook requests signed the way Zendesk signs them, for the simulation, benchmark and tests. */
public final class SignedWebhook {

    private SignedWebhook() {
    }

    /** A POST of {@code body} signed with {@code secret} at {@code signedAt}, with an invocation id header. */
    public static HttpRequest zendesk(URI endpoint, String secret, String body, String invocationId, Instant signedAt) {
        String ts = signedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(ZendeskWebhook.TIMESTAMP_HEADER, ts)
                .header(ZendeskWebhook.SIGNATURE_HEADER, ZendeskWebhook.sign(secret, ts, bytes))
                .header(ZendeskWebhook.INVOCATION_HEADER, invocationId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private static final okhttp3.MediaType JSON = okhttp3.MediaType.get("application/json");

    /**
     * The same signed POST as an OkHttp request (the benchmark's sender). The URL is parsed once
     * by the caller: it shares the machine with what it measures.
     */
    public static okhttp3.Request zendeskOkHttp(okhttp3.HttpUrl endpoint, String secret, String body,
                                                String invocationId, Instant signedAt) {
        String ts = signedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new okhttp3.Request.Builder().url(endpoint)
                .header(ZendeskWebhook.TIMESTAMP_HEADER, ts)
                .header(ZendeskWebhook.SIGNATURE_HEADER, ZendeskWebhook.sign(secret, ts, bytes))
                .header(ZendeskWebhook.INVOCATION_HEADER, invocationId)
                .post(okhttp3.RequestBody.create(bytes, JSON)).build();
    }

    /** The recommended trigger body for a ticket. */
    public static String triggerBody(String ticketId, String event, String actorId) {
        return "{\"ticket_id\":\"" + ticketId + "\",\"event\":\"" + event + "\",\"actor_id\":\"" + actorId + "\"}";
    }
}
