package dev.deskassist.zendesk;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZendeskWebhookTest {

    private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    private static final String TS = "2021-07-25T10:00:00Z";
    private static final Clock NOW = Clock.fixed(Instant.parse(TS).plusSeconds(60), ZoneOffset.UTC);

    private final ZendeskWebhook webhook = new ZendeskWebhook(SECRET, Duration.ofMinutes(5), NOW);

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
        ZendeskWebhook legacyHook = new ZendeskWebhook(legacy.getString("secret"), Duration.ofMinutes(5), NOW);
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
        assertEquals(signedKey("{\"ticket_id\":\"123\",\"event\":\"created\",\"actor_id\":\"55\"}"), e.deliveryId());
        assertEquals("55", e.actorId());

        TicketEvent n = webhook.parse(signed("{\"ticket_id\":124}", null));
        assertEquals("124", n.ref().ticketId());
        assertEquals(TicketEvent.Type.UPDATED, n.type());
        assertEquals(signedKey("{\"ticket_id\":124}"), n.deliveryId());
        assertNull(n.actorId());
    }

    /** sha256 of the signed timestamp and the body: what the signature covers, nothing unsigned. */
    private static String signedKey(String body) {
        return "sha256:" + HexFormat.of().formatHex(sha256((TS + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void deliveryIdIgnoresTheUnsignedInvocationHeader() {
        String body = "{\"ticket_id\":\"123\",\"event\":\"created\"}";
        String first = webhook.parse(signed(body, "inv-1")).deliveryId();
        // the same signed delivery re-sent with another invocation id, or none, is the same delivery
        assertEquals(first, webhook.parse(signed(body, "inv-2")).deliveryId());
        assertEquals(first, webhook.parse(signed(body, null)).deliveryId());
        // signed again at another time, it is another delivery
        String later = "2021-07-25T10:00:01Z";
        String other = webhook.parse(request(body, later,
                ZendeskWebhook.sign(SECRET, later, body.getBytes(StandardCharsets.UTF_8)), "inv-1")).deliveryId();
        assertNotEquals(first, other);
        // read back without its signature headers (a trusted store), the body alone is hashed
        assertEquals("sha256:" + HexFormat.of().formatHex(sha256(body.getBytes(StandardCharsets.UTF_8))),
                webhook.parseVerified(request(body, null, null, "inv-1")).deliveryId());
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
        assertEquals(signedKey(body), e.deliveryId(), "the signed content, not the envelope's id alone");
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
        assertEquals(signedKey(body), e.deliveryId(), "the unsigned invocation header does not count");
        assertTrue(e.tags().isEmpty());
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
