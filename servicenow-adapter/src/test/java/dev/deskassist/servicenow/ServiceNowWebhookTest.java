package dev.deskassist.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.servicenow.testkit.BusinessRuleCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ServiceNowWebhookTest {

    private static final String SECRET = "4f6c1d0e9a8b7c6d5e4f3a2b1c0d9e8f";
    private static final String SYS_ID = "8e67d33b97d1b5108686b680f053af2b";

    private static ServiceNowWebhook webhook(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("servicenow.baseUrl", "https://dev139850.service-now.com",
                "servicenow.username", "deskassist.integration", "servicenow.password", "pw",
                "servicenow.webhookSecret", SECRET));
        p.putAll(extra);
        return ServiceNowWebhook.of(ServiceNowConfig.of(p::get));
    }

    private static String body(String event, long modCount) {
        return BusinessRuleCall.body("incident", SYS_ID, "INC0010003", event, modCount, "abel.tuter",
                "b2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7");
    }

    @Test
    void theSignatureIsWhatGenerateMacGivesForABase64EncodedKey() throws Exception {
        String ts = "1695761534000";
        String body = body("updated", 1);
        // generateMac(base64Encode(secret), "HmacSHA256", ts + body): the key is the base64 of the secret,
        // which the instance decodes again, and the MAC comes back base64
        byte[] key = Base64.getDecoder().decode(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.US_ASCII)));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((ts + body).getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, ServiceNowWebhook.sign(SECRET, ts, body.getBytes(StandardCharsets.US_ASCII)));

        WebhookRequest r = WebhookRequest.ofSingleValued("POST", "/webhooks/servicenow", Map.of(
                ServiceNowWebhook.TIMESTAMP_HEADER, String.valueOf(Instant.now().toEpochMilli())), new byte[0],
                Instant.now());
        // and the verifier accepts exactly that, at a fresh timestamp
        String now = String.valueOf(Instant.now().toEpochMilli());
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String sig = Base64.getEncoder().encodeToString(mac.doFinal((now + body).getBytes(StandardCharsets.US_ASCII)));
        TicketEvent e = webhook(Map.of()).parse(WebhookRequest.ofSingleValued("POST", "/webhooks/servicenow",
                Map.of(ServiceNowWebhook.TIMESTAMP_HEADER, now, ServiceNowWebhook.SIGNATURE_HEADER, sig),
                body.getBytes(StandardCharsets.US_ASCII), Instant.now()));
        assertEquals(SYS_ID, e.ref().ticketId());
        assertEquals(Reason.MISSING_SIGNATURE, assertThrows(WebhookRejectedException.class,
                () -> webhook(Map.of()).parse(r)).reason());
    }

    @Test
    void aCallBecomesAnEventKeyedByVersion() {
        Instant signed = Instant.now().minusSeconds(2);
        TicketEvent e = webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, body("created", 0), signed));
        assertEquals("servicenow", e.ref().helpdesk());
        assertEquals(SYS_ID, e.ref().ticketId());
        assertEquals(TicketEvent.Type.CREATED, e.type());
        assertEquals(SYS_ID + "@0", e.deliveryId());
        assertEquals("abel.tuter", e.actorId());
        assertEquals(signed.toEpochMilli(), e.occurredAt().toEpochMilli());

        TicketEvent again = webhook(Map.of()).parse(BusinessRuleCall.request(SECRET,
                BusinessRuleCall.body("incident", SYS_ID, "INC0010003", "updated", 0, "abel.tuter",
                        "another-event-id-0001"), Instant.now()));
        assertEquals(e.deliveryId(), again.deliveryId(), "one version is one delivery whatever its event_id");
        assertEquals(TicketEvent.Type.UPDATED,
                webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, body("update", 5), Instant.now())).type());
        assertEquals(TicketEvent.Type.COMMENT_ADDED,
                webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, body("commented", 5), Instant.now())).type());
    }

    @Test
    void withoutAModCountTheEventIdIsTheKey() {
        String body = "{\"table\":\"incident\",\"sys_id\":\"" + SYS_ID + "\",\"event\":\"updated\","
                + "\"event_id\":\"b2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7\"}";
        TicketEvent e = webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, body, Instant.now()));
        assertEquals("event:b2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7", e.deliveryId());
        assertNull(e.actorId());
    }

    @Test
    void nonAsciiBodiesOtherTablesAndOtherEventsAreTyped() {
        String escaped = BusinessRuleCall.body("incident", SYS_ID, "INC0010003", "updated", 2, "j\u00fcrgen.m\u00fcller",
                "b2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7");
        assertTrue(escaped.contains("j\\u00fcrgen"), escaped);
        assertEquals("j\u00fcrgen.m\u00fcller",
                webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, escaped, Instant.now())).actorId());

        String raw = escaped.replace("\\u00fc", "\u00fc");
        Map<String, String> h = BusinessRuleCall.headers(SECRET, raw, Instant.now());
        h.put(ServiceNowWebhook.SIGNATURE_HEADER, ServiceNowWebhook.sign(SECRET, h.get(ServiceNowWebhook.TIMESTAMP_HEADER),
                raw.getBytes(StandardCharsets.UTF_8)));
        WebhookRequest utf8 = WebhookRequest.ofSingleValued("POST", "/", h, raw.getBytes(StandardCharsets.UTF_8),
                Instant.now());
        assertEquals(Reason.MALFORMED, assertThrows(WebhookRejectedException.class,
                () -> webhook(Map.of()).parse(utf8)).reason());

        String caseCall = BusinessRuleCall.body("sn_customerservice_case", SYS_ID, "CS0000871", "updated", 2, "x",
                "b2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7");
        assertEquals(Reason.UNSUPPORTED_EVENT, assertThrows(WebhookRejectedException.class,
                () -> webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, caseCall, Instant.now()))).reason());
        assertEquals(SYS_ID, webhook(Map.of("servicenow.table", "sn_customerservice_case"))
                .parse(BusinessRuleCall.request(SECRET, caseCall, Instant.now())).ref().ticketId());
        assertEquals(Reason.UNSUPPORTED_EVENT, assertThrows(WebhookRejectedException.class,
                () -> webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, body("deleted", 2), Instant.now())))
                .reason());
        assertEquals(Reason.MALFORMED, assertThrows(WebhookRejectedException.class,
                () -> webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, body("updated", 2).replace(SYS_ID, "INC1"),
                        Instant.now()))).reason());
    }

    @Test
    void aStaleOrForgedCallIsAnAuthenticationFailure() {
        assertEquals(Reason.STALE_TIMESTAMP, assertThrows(WebhookRejectedException.class,
                () -> webhook(Map.of()).parse(BusinessRuleCall.request(SECRET, body("updated", 1),
                        Instant.now().minusSeconds(600)))).reason());
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(WebhookRejectedException.class,
                () -> webhook(Map.of()).parse(BusinessRuleCall.request("not-the-secret-at-all", body("updated", 1),
                        Instant.now()))).reason());
    }

    @Test
    void httpBasicIsTheAlternative() {
        ServiceNowWebhook basic = webhook(Map.of("servicenow.webhookAuth", "basic", "servicenow.webhookUser", "servicenow"));
        String auth = "Basic " + Base64.getEncoder().encodeToString(("servicenow:" + SECRET).getBytes(StandardCharsets.UTF_8));
        TicketEvent e = basic.parse(WebhookRequest.ofSingleValued("POST", "/webhooks/servicenow",
                Map.of("Authorization", auth), body("updated", 3).getBytes(StandardCharsets.US_ASCII), Instant.now()));
        assertEquals(SYS_ID + "@3", e.deliveryId());
        WebhookRejectedException wrong = assertThrows(WebhookRejectedException.class, () -> basic.parse(
                WebhookRequest.ofSingleValued("POST", "/", Map.of("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("servicenow:guess-guess-guess".getBytes(StandardCharsets.UTF_8))),
                        body("updated", 3).getBytes(StandardCharsets.US_ASCII), Instant.now())));
        assertEquals(Reason.BAD_CREDENTIALS, wrong.reason());
        assertTrue(wrong.challenge().isPresent());
    }

    @Test
    void theShippedScriptSignsAndSendsWhatTheVerifierReads() {
        String script = ServiceNowWebhook.businessRuleScript();
        for (String s : List.of(ServiceNowWebhook.SIGNATURE_HEADER, ServiceNowWebhook.TIMESTAMP_HEADER, "'HmacSHA256'",
                "GlideStringUtil.base64Encode(secret)", "getNumericValue()", "ts + body", "sys_mod_count", "event_id",
                "gs.generateGUID()", "sys_updated_by", "\\\\u", "RESTMessageV2('DeskAssist', 'notify')",
                "deskassist.webhook.secret")) {
            assertTrue(script.contains(s), "the script lacks " + s);
        }
        assertTrue(script.chars().allMatch(c -> c < 128), "the script itself is ASCII, safe to paste");
    }
}
