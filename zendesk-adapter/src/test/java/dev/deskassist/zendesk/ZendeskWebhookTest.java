package dev.deskassist.zendesk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.HmacSignatures;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.testkit.Fixtures;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZendeskWebhookTest {

    private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    private static final String TS = "2021-07-25T10:00:00Z";
    private static final Clock NOW = Clock.fixed(Instant.parse(TS).plusSeconds(60), ZoneOffset.UTC);

    private final ZendeskWebhook webhook = webhook(SECRET);

    private static ZendeskWebhook webhook(String... secrets) {
        return new ZendeskWebhook(ZendeskWebhook.scheme().secrets(List.of(secrets)).tolerance(Duration.ofMinutes(5))
                .clock(NOW).build());
    }

    private static WebhookRequest request(String body, String timestamp, String signature, String invocation) {
        Map<String, String> h = new HashMap<>();
        if (timestamp != null) {
            h.put("x-zendesk-webhook-signature-timestamp", timestamp);
        }
        if (signature != null) {
            h.put("X-Zendesk-Webhook-Signature", signature);
        }
        if (invocation != null) {
            h.put("x-zendesk-webhook-invocation-id", invocation);
        }
        return WebhookRequest.ofSingleValued("POST", "/webhooks/zendesk", h, body.getBytes(StandardCharsets.UTF_8),
                NOW.instant());
    }

    private static WebhookRequest signed(String body, String invocation) {
        return request(body, TS, ZendeskWebhook.sign(SECRET, TS, body.getBytes(StandardCharsets.UTF_8)), invocation);
    }

    @Test
    void signatureVectorsFromTheFixture() {
        JsonObject vectors = Fixtures.json("signature_test_vectors.json");
        JsonObject computed = vectors.getJsonArray("vectors").getJsonObject(1);
        byte[] body = computed.getString("body").getBytes(StandardCharsets.UTF_8);
        assertEquals(computed.getString("expected_signature"),
                ZendeskWebhook.sign(computed.getString("secret"), computed.getString("timestamp"), body));

        JsonObject legacy = vectors.getJsonArray("vectors").getJsonObject(0);
        byte[] legacyBody = legacy.getString("body").getBytes(StandardCharsets.UTF_8);
        assertEquals(legacy.getString("computed_timestamp_plus_body"),
                ZendeskWebhook.sign(legacy.getString("secret"), legacy.getString("timestamp"), legacyBody));
        // the old docs page signed body+timestamp; that signature must NOT verify under the current scheme
        ZendeskWebhook legacyHook = webhook(legacy.getString("secret"));
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class, () -> legacyHook.verify(
                request(legacy.getString("body"), legacy.getString("timestamp"), legacy.getString("docs_signature"),
                        null)));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
        assertDoesNotThrow(() -> legacyHook.verify(request(legacy.getString("body"), legacy.getString("timestamp"),
                legacy.getString("computed_timestamp_plus_body"), null)));
    }

    @Test
    void triggerBodyWithStringOrNumericId() {
        TicketEvent e = webhook.parse(signed("{\"ticket_id\":\"123\",\"event\":\"created\",\"actor_id\":\"55\"}",
                "inv-1"));
        assertEquals("123", e.ref().ticketId());
        assertEquals("zendesk", e.ref().helpdesk());
        assertEquals(TicketEvent.Type.CREATED, e.type());
        assertEquals("55", e.actorId());

        TicketEvent n = webhook.parse(signed("{\"ticket_id\":124}", null));
        assertEquals("124", n.ref().ticketId());
        assertEquals(TicketEvent.Type.UPDATED, n.type());
        assertNull(n.actorId());
    }

    @Test
    void triggerTagsPlaceholderIsSpaceSeparated() {
        TicketEvent e = webhook.parse(signed("{\"ticket_id\":\"9\",\"tags\":\"vip deskassist_processed\","
                + "\"actor_id\":\"{{current_user.id}}\"}", "i"));
        assertEquals(Set.of("vip", "deskassist_processed"), e.tags());
        assertNull(e.actorId(), "an unrendered placeholder is no actor");
    }

    @Test
    void capturedEventEnvelope() {
        String body = Fixtures.text("webhook_event_ticket_created_captured.json");
        TicketEvent e = webhook.parse(signed(body, null));
        assertEquals("5158", e.ref().ticketId());
        assertEquals(TicketEvent.Type.CREATED, e.type());
        assertEquals(signedContentHash(body), e.deliveryId(), "the signed body holds the event id");
        assertEquals("8447388090494", e.actorId());
        assertEquals(Set.of("ticket-info-test-tag"), e.tags());
        assertEquals(Instant.parse("2025-01-08T10:12:07.672717030Z"), e.occurredAt());
    }

    @Test
    void docsEventEnvelopeWithNullTags() {
        String body = Fixtures.text("webhook_event_ticket_attachment_linked_to_comment.json");
        TicketEvent e = webhook.parse(signed(body, "8350205582"));
        assertEquals("19395", e.ref().ticketId());
        assertEquals(TicketEvent.Type.UPDATED, e.type());
        assertEquals(signedContentHash(body), e.deliveryId(), "the unsigned invocation header is not the key");
        assertTrue(e.tags().isEmpty());
    }

    /** What the signature covers: timestamp, then raw body. */
    private static String signedContentHash(String body) {
        return "sha256:" + HmacSignatures.sha256Hex((TS + body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deliveryIdCoversWhatTheSignatureCoversNotTheInvocationHeader() {
        String body = "{\"ticket_id\":\"123\",\"event\":\"created\",\"actor_id\":\"55\"}";
        String first = webhook.parse(signed(body, "inv-1")).deliveryId();
        assertEquals(signedContentHash(body), first);
        // a captured delivery sent again with a new or no invocation id is the same delivery
        assertEquals(first, webhook.parse(signed(body, "inv-2")).deliveryId());
        assertEquals(first, webhook.parse(signed(body, null)).deliveryId());
        // another signed timestamp or another body is another delivery
        String later = "2021-07-25T10:00:01Z";
        assertNotEquals(first, webhook.parse(request(body, later,
                ZendeskWebhook.sign(SECRET, later, body.getBytes(StandardCharsets.UTF_8)), "inv-1")).deliveryId());
        assertNotEquals(first, webhook.parse(signed(body.replace("55", "56"), "inv-1")).deliveryId());
        // a stored body without its headers, parsed as verified, still gets a key
        WebhookRequest stored = request(body, null, null, null);
        assertEquals("sha256:" + HmacSignatures.sha256Hex(body.getBytes(StandardCharsets.UTF_8)),
                webhook.parseVerified(stored).deliveryId());
    }

    @Test
    void duringRotationBothSecretsAreAcceptedAndNoOther() {
        String next = "the-next-secret-of-the-rotation";
        ZendeskWebhook rotating = webhook(next, SECRET);
        String body = "{\"ticket_id\":\"123\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertEquals("123", rotating.parse(request(body, TS, ZendeskWebhook.sign(SECRET, TS, bytes), null))
                .ref().ticketId(), "the previous secret");
        assertEquals("123", rotating.parse(request(body, TS, ZendeskWebhook.sign(next, TS, bytes), null))
                .ref().ticketId(), "the new secret");
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(WebhookRejectedException.class, () -> rotating.parse(
                request(body, TS, ZendeskWebhook.sign("a-third-secret-nobody-set", TS, bytes), null))).reason());
        assertEquals(Reason.BAD_SIGNATURE, reject(request(body, TS, ZendeskWebhook.sign(next, TS, bytes), null)),
                "without rotation the new secret is not accepted yet");
    }

    @Test
    void rotationFromConfiguration() {
        String next = "the-next-secret-of-the-rotation";
        ZendeskWebhook fromConfig = ZendeskWebhook.of(ZendeskConfig.of(Map.of("zendesk.webhookSecret", next,
                "zendesk.webhookSecretPrevious", SECRET)::get));
        String ts = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String body = "{\"ticket_id\":\"7\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (String secret : List.of(next, SECRET)) {
            assertEquals("7", fromConfig.parse(request(body, ts, ZendeskWebhook.sign(secret, ts, bytes), null))
                    .ref().ticketId());
        }
        assertEquals(Reason.STALE_TIMESTAMP, assertThrows(WebhookRejectedException.class, () -> fromConfig.parse(
                request(body, TS, ZendeskWebhook.sign(next, TS, bytes), null))).reason(), "a real clock by default");
    }

    @Test
    void bodiesOverTheBoundAreRejectedBeforeHashing() {
        ZendeskWebhook small = ZendeskWebhook.of(ZendeskConfig.of(Map.of("zendesk.webhookSecret", SECRET,
                "zendesk.webhookMaxBodyBytes", "64")::get));
        String body = "{\"ticket_id\":\"7\",\"padding\":\"" + "x".repeat(64) + "\"}";
        String ts = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class, () -> small.parse(request(body, ts,
                ZendeskWebhook.sign(SECRET, ts, body.getBytes(StandardCharsets.UTF_8)), null)));
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void forgedSignatureIsRejected() {
        String body = "{\"ticket_id\":\"123\"}";
        String forged = ZendeskWebhook.sign("not-the-secret", TS, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.BAD_SIGNATURE, reject(request(body, TS, forged, null)));
        // a valid signature over another body does not carry over
        String other = ZendeskWebhook.sign(SECRET, TS, "{\"ticket_id\":\"124\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.BAD_SIGNATURE, reject(request(body, TS, other, null)));
    }

    @Test
    void missingHeadersAreRejected() {
        String body = "{\"ticket_id\":\"123\"}";
        assertEquals(Reason.MISSING_SIGNATURE, reject(request(body, TS, null, null)));
        assertEquals(Reason.MISSING_SIGNATURE, reject(request(body, null, "abc=", null)));
    }

    @Test
    void staleAndFutureTimestampsAreRejected() {
        String body = "{\"ticket_id\":\"123\"}";
        String old = "2021-07-25T09:50:00Z";
        assertEquals(Reason.STALE_TIMESTAMP, reject(request(body, old,
                ZendeskWebhook.sign(SECRET, old, body.getBytes(StandardCharsets.UTF_8)), null)));
        String future = "2021-07-25T10:10:00Z";
        assertEquals(Reason.STALE_TIMESTAMP, reject(request(body, future,
                ZendeskWebhook.sign(SECRET, future, body.getBytes(StandardCharsets.UTF_8)), null)));
        String garbage = "yesterday";
        assertEquals(Reason.MALFORMED, reject(request(body, garbage,
                ZendeskWebhook.sign(SECRET, garbage, body.getBytes(StandardCharsets.UTF_8)), null)));
    }

    @Test
    void malformedBodiesAreRejectedAfterVerification() {
        assertEquals(Reason.MALFORMED, reject(signed("{\"ticket_id\": 12", null)));
        assertEquals(Reason.MALFORMED, reject(signed("[1,2]", null)));
        assertEquals(Reason.MALFORMED, reject(signed("{\"event\":\"created\"}", null)));
        assertEquals(Reason.MALFORMED, reject(signed("{\"ticket_id\":\"{{ticket.id}}\"}", null)));
        assertEquals(Reason.UNSUPPORTED_EVENT, reject(signed("{\"ticket_id\":\"1\",\"event\":\"deleted\"}", null)));
        assertEquals(Reason.UNSUPPORTED_EVENT, reject(signed(
                "{\"type\":\"zen:event-type:user.created\",\"detail\":{\"id\":\"5\"}}", null)));
    }

    @Test
    void rejectionMessagesQuoteNeitherBodyNorSignature() {
        String body = "{\"ticket_id\":\"123\",\"secret_text\":\"Jane Doe\"}";
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class,
                () -> webhook.parse(request(body, TS, "Zm9yZ2Vk", null)));
        assertTrue(!e.getMessage().contains("Jane") && !e.getMessage().contains("Zm9yZ2Vk"), e.getMessage());
    }

    private Reason reject(WebhookRequest r) {
        return assertThrows(WebhookRejectedException.class, () -> webhook.parse(r)).reason();
    }
}
