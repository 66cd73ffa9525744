package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedSecretVerifierTest {

    private static WebhookRequest request(Map<String, String> headers, String body) {
        return WebhookRequest.ofSingleValued("POST", "/webhooks/freshdesk", headers,
                body.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-01-05T09:00:00Z"));
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static WebhookRejectedException rejected(WebhookVerifier v, Map<String, String> headers) {
        return assertThrows(WebhookRejectedException.class, () -> v.verify(request(headers, "{}")));
    }

    @Test
    void basicPasswordWithFixedUser() {
        SharedSecretVerifier v = SharedSecretVerifier.basicPassword("freshdesk", List.of("pässwörd-1"));
        assertDoesNotThrow(() -> v.verify(request(basic("freshdesk", "pässwörd-1"), "{}")));
        assertDoesNotThrow(() -> v.verify(request(Map.of("authorization", "basic  "
                + Base64.getEncoder().encodeToString("freshdesk:pässwörd-1".getBytes(StandardCharsets.UTF_8))), "{}")),
                "scheme and header name ignore case");

        WebhookRejectedException wrongUser = rejected(v, basic("someone", "pässwörd-1"));
        assertEquals(Reason.BAD_CREDENTIALS, wrongUser.reason());
        assertEquals(Optional.of(SharedSecretVerifier.BASIC_CHALLENGE), wrongUser.challenge());
        assertEquals(Reason.BAD_CREDENTIALS, rejected(v, basic("freshdesk", "pässwörd-2")).reason());
        assertEquals(Reason.BAD_CREDENTIALS, rejected(v, Map.of("Authorization", "Basic !!notbase64")).reason());
        assertEquals(Reason.BAD_CREDENTIALS, rejected(v, Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))).reason());

        WebhookRejectedException missing = rejected(v, Map.of());
        assertEquals(Reason.MISSING_CREDENTIALS, missing.reason());
        assertTrue(missing.reason().isAuthenticationFailure());
        assertEquals(Optional.of(SharedSecretVerifier.BASIC_CHALLENGE), missing.challenge());
        assertEquals(Reason.MISSING_CREDENTIALS, rejected(v, Map.of("Authorization", "Bearer pässwörd-1")).reason());
        assertEquals(Reason.MISSING_CREDENTIALS, rejected(v, Map.of("Authorization", "Basic")).reason());
    }

    @Test
    void basicPasswordWithAnyUser() {
        SharedSecretVerifier v = SharedSecretVerifier.basicPassword(null, List.of("pw"));
        assertDoesNotThrow(() -> v.verify(request(basic("whoever", "pw"), "{}")));
        assertDoesNotThrow(() -> v.verify(request(basic("", "pw"), "{}")));
        assertEquals(Reason.BAD_CREDENTIALS, rejected(v, basic("pw", "x")).reason());
    }

    @Test
    void basicUsernameForApiKeySenders() {
        SharedSecretVerifier v = SharedSecretVerifier.basicUsername(List.of("api-key-123"));
        assertDoesNotThrow(() -> v.verify(request(basic("api-key-123", "X"), "{}")));
        assertEquals(Reason.BAD_CREDENTIALS, rejected(v, basic("X", "api-key-123")).reason());
    }

    @Test
    void namedHeaderAndBearer() {
        SharedSecretVerifier header = SharedSecretVerifier.header("X-DeskAssist-Secret", List.of("s3cret-value"));
        assertDoesNotThrow(() -> header.verify(request(Map.of("x-deskassist-secret", " s3cret-value "), "{}")));
        WebhookRejectedException bad = rejected(header, Map.of("X-DeskAssist-Secret", "s3cret-valuE"));
        assertEquals(Reason.BAD_CREDENTIALS, bad.reason());
        assertTrue(bad.challenge().isEmpty());
        assertEquals(Reason.MISSING_CREDENTIALS, rejected(header, Map.of("X-DeskAssist-Secret", "  ")).reason());

        SharedSecretVerifier bearer = SharedSecretVerifier.bearer(List.of("tok"));
        assertDoesNotThrow(() -> bearer.verify(request(Map.of("Authorization", "Bearer tok"), "{}")));
        assertEquals(Reason.BAD_CREDENTIALS, rejected(bearer, Map.of("Authorization", "Bearer tok2")).reason());
        assertEquals(Reason.MISSING_CREDENTIALS, rejected(bearer, Map.of("Authorization", "tok")).reason());
    }

    @Test
    void twoSecretsDuringRotation() {
        SharedSecretVerifier v = SharedSecretVerifier.header("X-Secret", List.of("new", "old"));
        assertDoesNotThrow(() -> v.verify(request(Map.of("X-Secret", "new"), "{}")));
        assertDoesNotThrow(() -> v.verify(request(Map.of("X-Secret", "old"), "{}")));
        assertEquals(Reason.BAD_CREDENTIALS, rejected(v, Map.of("X-Secret", "older")).reason());
        assertThrows(IllegalArgumentException.class, () -> SharedSecretVerifier.header("X-Secret", List.of()));
        assertThrows(IllegalArgumentException.class, () -> SharedSecretVerifier.header("X-Secret", List.of("a", "b", "c")));
        assertThrows(IllegalArgumentException.class, () -> SharedSecretVerifier.basicPassword(" ", List.of("a")));
    }

    @Test
    void boundsTheBodyAndOffersNoDeliveryKey() {
        SharedSecretVerifier v = SharedSecretVerifier.header("X-Secret", List.of("k")).maxBodyBytes(10);
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class,
                () -> v.verify(request(Map.of("X-Secret", "k"), "x".repeat(11))));
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals(Optional.empty(), v.deliveryKey(request(Map.of("X-Secret", "k"), "{}")),
                "identical unsigned bodies can be different events");
    }

    @Test
    void secretsStayOutOfMessages() {
        SharedSecretVerifier v = SharedSecretVerifier.basicPassword("hookuser7", List.of("topsecretvalue"));
        WebhookRejectedException e = rejected(v, basic("hookuser7", "topsecretvaluX"));
        assertFalse(e.getMessage().contains("topsecret"));
        assertFalse(v.toString().contains("topsecret"));
        assertFalse(v.toString().contains("hookuser7"), "the fixed user name is not shown either");
    }
}
