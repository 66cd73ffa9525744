package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.HmacWebhookVerifier.Encoding;
import dev.deskassist.core.adapter.HmacWebhookVerifier.SignedContent;
import dev.deskassist.core.adapter.HmacWebhookVerifier.TimestampFormat;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.json.JsonFields;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HmacWebhookVerifierTest {

    static final String SIG = "X-Zendesk-Webhook-Signature";
    static final String TS = "X-Zendesk-Webhook-Signature-Timestamp";

    /** Zendesk's vectors (core test resources, provenance in FIXTURES.md). */
    private static final List<JsonObject> VECTORS = JsonFields.objects(JsonFields.parseObject(
            resource("adapter/zendesk_signature_test_vectors.json")), "vectors");

    static String resource(String name) {
        try (InputStream in = HmacWebhookVerifierTest.class.getResourceAsStream("/dev/deskassist/core/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject vector(String id) {
        return VECTORS.stream().filter(v -> id.equals(JsonFields.text(v, "id"))).findFirst().orElseThrow();
    }

    private static HmacWebhookVerifier.Builder zendesk(String secret, Instant now) {
        return HmacWebhookVerifier.builder(SIG).timestampHeader(TS).secret(secret)
                .clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static WebhookRequest request(Map<String, String> headers, String body) {
        return WebhookRequest.ofSingleValued("POST", "/webhooks/zendesk", headers,
                body.getBytes(StandardCharsets.UTF_8), Instant.parse("2021-07-25T10:00:30Z"));
    }

    private static Map<String, String> signed(String signature, String timestamp) {
        Map<String, String> h = new HashMap<>();
        h.put(SIG, signature);
        h.put(TS, timestamp);
        return h;
    }

    private static Reason reasonOf(HmacWebhookVerifier v, WebhookRequest r) {
        return assertThrows(WebhookRejectedException.class, () -> v.verify(r)).reason();
    }

    @Test
    void reproducesZendesksCurrentSchemeOnTheComputedVector() {
        JsonObject v = vector("test_secret_computed");
        String secret = JsonFields.text(v, "secret");
        String ts = JsonFields.text(v, "timestamp");
        String body = JsonFields.text(v, "body");
        HmacWebhookVerifier verifier = zendesk(secret, Instant.parse(ts)).build();
        assertEquals(JsonFields.text(v, "expected_signature"), verifier.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)));
        assertDoesNotThrow(() -> verifier.verify(request(signed(JsonFields.text(v, "expected_signature"), ts), body)));
    }

    @Test
    void legacyDocsVectorSignsBodyThenTimestampAndIsRejectedUnderZendesksOrder() {
        JsonObject v = vector("legacy_docs_example");
        String secret = JsonFields.text(v, "secret");
        String ts = JsonFields.text(v, "timestamp");
        String body = JsonFields.text(v, "body");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HmacWebhookVerifier verifier = zendesk(secret, Instant.parse(ts)).build();
        assertEquals(JsonFields.text(v, "computed_timestamp_plus_body"), verifier.sign(secret, ts, bytes));
        assertEquals(Reason.BAD_SIGNATURE, reasonOf(verifier, request(signed(JsonFields.text(v, "docs_signature"), ts), body)));

        HmacWebhookVerifier bodyFirst = zendesk(secret, Instant.parse(ts))
                .signedContent(SignedContent.BODY_THEN_TIMESTAMP, "").build();
        assertEquals(JsonFields.text(v, "docs_signature"), bodyFirst.sign(secret, ts, bytes));
        assertDoesNotThrow(() -> bodyFirst.verify(request(signed(JsonFields.text(v, "docs_signature"), ts), body)));
    }

    @Test
    void rejectsWithTheReasonsZendeskUsesInZendesksOrder() {
        Instant now = Instant.parse("2021-07-25T10:00:00Z");
        HmacWebhookVerifier v = zendesk("s3cret", now).maxBodyBytes(100).build();
        String ts = "2021-07-25T10:00:00Z";
        String body = "{\"ticket_id\":\"1\"}";
        String good = v.sign("s3cret", ts, body.getBytes(StandardCharsets.UTF_8));

        assertDoesNotThrow(() -> v.verify(request(signed(good, ts), body)));
        assertEquals(Reason.MISSING_SIGNATURE, reasonOf(v, request(Map.of(TS, ts), body)));
        assertEquals(Reason.MISSING_SIGNATURE, reasonOf(v, request(Map.of(SIG, good), body)));
        assertEquals(Reason.MISSING_SIGNATURE, reasonOf(v, request(signed(" ", ts), body)));
        assertEquals(Reason.MALFORMED, reasonOf(v, request(signed("bad", ts), "x".repeat(101))),
                "size is checked before the signature");
        assertEquals(Reason.BAD_SIGNATURE, reasonOf(v, request(signed(good, ts), body + " ")));
        assertEquals(Reason.BAD_SIGNATURE, reasonOf(v, request(signed(good, "2021-07-25T10:00:01Z"), body)));
        assertEquals(Reason.BAD_SIGNATURE, reasonOf(v, request(signed("bad", "yesterday"), body)),
                "the signature is checked before the timestamp is read");
        String garbageTs = "yesterday";
        assertEquals(Reason.MALFORMED, reasonOf(v, request(signed(
                v.sign("s3cret", garbageTs, body.getBytes(StandardCharsets.UTF_8)), garbageTs), body)));
        assertTrue(Reason.BAD_SIGNATURE.isAuthenticationFailure() && Reason.MISSING_SIGNATURE.isAuthenticationFailure()
                && Reason.STALE_TIMESTAMP.isAuthenticationFailure() && !Reason.MALFORMED.isAuthenticationFailure());
    }

    @Test
    void toleranceAppliesInBothDirections() {
        Instant now = Instant.parse("2021-07-25T10:00:00Z");
        HmacWebhookVerifier v = zendesk("s3cret", now).tolerance(Duration.ofMinutes(5)).build();
        String body = "{}";
        for (String ts : List.of("2021-07-25T09:55:00Z", "2021-07-25T10:05:00Z")) {
            assertDoesNotThrow(() -> v.verify(request(signed(v.sign("s3cret", ts, body.getBytes()), ts), body)), ts);
        }
        for (String ts : List.of("2021-07-25T09:54:59Z", "2021-07-25T10:05:01Z")) {
            WebhookRejectedException e = assertThrows(WebhookRejectedException.class,
                    () -> v.verify(request(signed(v.sign("s3cret", ts, body.getBytes()), ts), body)), ts);
            assertEquals(Reason.STALE_TIMESTAMP, e.reason());
            assertTrue(e.getMessage().contains("tolerance is 300 s"));
        }
    }

    @Test
    void acceptsEitherOfTwoSecretsDuringRotation() {
        Instant now = Instant.parse("2021-07-25T10:00:00Z");
        String ts = now.toString();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HmacWebhookVerifier v = zendesk("new-secret", now).secrets(List.of("new-secret", "old-secret")).build();
        assertDoesNotThrow(() -> v.verify(request(signed(v.sign("new-secret", ts, body), ts), "{}")));
        assertDoesNotThrow(() -> v.verify(request(signed(v.sign("old-secret", ts, body), ts), "{}")));
        assertEquals(Reason.BAD_SIGNATURE, reasonOf(v, request(signed(v.sign("other", ts, body), ts), "{}")));
        assertThrows(IllegalArgumentException.class, () -> HmacWebhookVerifier.builder(SIG).secrets(List.of("a", "b", "c")));
        assertThrows(IllegalArgumentException.class, () -> HmacWebhookVerifier.builder(SIG).secrets(List.of(" ")));
        assertThrows(IllegalArgumentException.class, () -> HmacWebhookVerifier.builder(SIG).timestampHeader(TS).build(),
                "no secret");
    }

    @Test
    void hexWithPrefixAndEpochSecondsForABusinessRuleWeWrite() {
        Instant now = Instant.ofEpochSecond(1_767_600_000L);
        HmacWebhookVerifier v = HmacWebhookVerifier.builder("X-DeskAssist-Signature")
                .timestampHeader("X-DeskAssist-Timestamp").timestampFormat(TimestampFormat.EPOCH_SECONDS)
                .signedContent(SignedContent.TIMESTAMP_THEN_BODY, ".").encoding(Encoding.HEX).signaturePrefix("sha256=")
                .secret("k").clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        String ts = "1767600000";
        String body = "{\"sys_id\":\"abc\",\"text\":\"Grüße\"}";
        String sig = v.sign("k", ts, body.getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256=" + HmacSignatures.hex("k", (ts + "." + body).getBytes(StandardCharsets.UTF_8)), sig);
        Map<String, String> h = Map.of("x-deskassist-signature", "SHA256=" + sig.substring(7).toUpperCase(),
                "X-DeskAssist-Timestamp", ts);
        assertDoesNotThrow(() -> v.verify(request(h, body)), "prefix and hex compared ignoring case");
        assertEquals(Reason.BAD_SIGNATURE, reasonOf(v, request(Map.of("X-DeskAssist-Signature", sig.substring(7),
                "X-DeskAssist-Timestamp", ts), body)), "prefix missing");
        String old = "1767599000";
        assertEquals(Reason.STALE_TIMESTAMP, reasonOf(v, request(Map.of("X-DeskAssist-Signature",
                v.sign("k", old, body.getBytes(StandardCharsets.UTF_8)), "X-DeskAssist-Timestamp", old), body)));
    }

    @Test
    void bodyOnlySchemeNeedsNoTimestamp() {
        HmacWebhookVerifier v = HmacWebhookVerifier.builder("X-Signature").signedContent(SignedContent.BODY, "")
                .secret("k").build();
        String sig = v.sign("k", null, "{}".getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrow(() -> v.verify(request(Map.of("X-Signature", sig), "{}")));
        assertEquals(List.of("X-Signature"), v.headers());
        assertEquals(Optional.of("sha256:" + HmacSignatures.sha256Hex("{}".getBytes(StandardCharsets.UTF_8))),
                v.deliveryKey(request(Map.of(), "{}")));
    }

    @Test
    void deliveryKeyCoversTimestampAndBodyButNotUnsignedHeaders() {
        Instant now = Instant.parse("2021-07-25T10:00:00Z");
        HmacWebhookVerifier v = zendesk("s3cret", now).build();
        String ts = now.toString();
        String body = "{\"ticket_id\":\"7\"}";
        Map<String, String> first = signed(v.sign("s3cret", ts, body.getBytes(StandardCharsets.UTF_8)), ts);
        first.put("X-Zendesk-Webhook-Invocation-Id", "1");
        Map<String, String> resent = new HashMap<>(first);
        resent.put("X-Zendesk-Webhook-Invocation-Id", "2");
        Map<String, String> noId = new HashMap<>(first);
        noId.remove("X-Zendesk-Webhook-Invocation-Id");

        String key = v.deliveryKey(request(first, body)).orElseThrow();
        assertEquals("sha256:" + HmacSignatures.sha256Hex((ts + body).getBytes(StandardCharsets.UTF_8)), key);
        assertEquals(key, v.deliveryKey(request(resent, body)).orElseThrow());
        assertEquals(key, v.deliveryKey(request(noId, body)).orElseThrow());
        assertNotEquals(key, v.deliveryKey(request(signed("x", "2021-07-25T10:00:01Z"), body)).orElseThrow());
        assertNotEquals(key, v.deliveryKey(request(first, body + " ")).orElseThrow());
        assertEquals(Optional.empty(), v.deliveryKey(request(Map.of(SIG, "x"), body)));
    }

    @Test
    void secretsAndSignaturesStayOutOfMessages() {
        Instant now = Instant.parse("2021-07-25T10:00:00Z");
        HmacWebhookVerifier v = zendesk("topsecretvalue", now).build();
        String ts = now.toString();
        String sig = v.sign("wrong", ts, "{\"x\":\"customer text\"}".getBytes(StandardCharsets.UTF_8));
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class,
                () -> v.verify(request(signed(sig, ts), "{\"x\":\"customer text\"}")));
        assertFalse(e.getMessage().contains(sig));
        assertFalse(e.getMessage().contains("customer"));
        assertFalse(v.toString().contains("topsecretvalue"));
        assertTrue(e.challenge().isEmpty(), "signed webhooks get no Basic challenge");
    }
}
