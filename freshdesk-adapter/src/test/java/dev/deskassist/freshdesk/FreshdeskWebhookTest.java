package dev.deskassist.freshdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.SharedSecretVerifier;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.WebhookRejectedException;
import dev.deskassist.core.adapter.WebhookRejectedException.Reason;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication and lenient parsing of automation-rule webhooks; bodies from Zulip's Freshdesk fixtures. */
class FreshdeskWebhookTest {

    private static final String SECRET = "webhook-secret-0123456789";
    private static final String OLD_SECRET = "webhook-secret-previous-01";
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private static FreshdeskConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(Map.of("freshdesk.baseUrl", "https://acme.freshdesk.com",
                "freshdesk.apiToken", "key", "freshdesk.webhookSecret", SECRET));
        p.putAll(extra);
        return FreshdeskConfig.of(p::get);
    }

    private static final FreshdeskWebhook WEBHOOK = FreshdeskWebhook.of(config(Map.of()));

    private static WebhookRequest request(String body, Map<String, String> headers) {
        return WebhookRequest.ofSingleValued("POST", "/webhooks/freshdesk", headers,
                body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static TicketEvent parse(String body) {
        return WEBHOOK.parse(request(body, basic("freshdesk", SECRET)));
    }

    @Test
    void theRecommendedBodyNamesTheTicket() {
        TicketEvent e = parse("{\"ticket_id\":\"4711\",\"event\":\"created\"}");
        assertEquals("freshdesk", e.ref().helpdesk());
        assertEquals("4711", e.ref().ticketId());
        assertEquals(TicketEvent.Type.CREATED, e.type());
        assertNull(e.deliveryId(), "nothing tells a redelivery from a new event");
        assertNull(e.actorId());
        assertEquals(NOW, e.occurredAt());
        assertEquals(TicketEvent.Type.COMMENT_ADDED, parse("{\"ticket_id\":\"1\",\"event\":\"customer_reply\"}").type());
        assertEquals(TicketEvent.Type.UPDATED, parse("{\"ticket_id\":1,\"event\":\"updated\"}").type());
        assertEquals(TicketEvent.Type.UPDATED, parse("{\"ticket_id\":\"1\",\"event\":\"something_else\"}").type(),
                "the ticket is read either way");
    }

    @Test
    void twoByteIdenticalCallsAreTwoEvents() {
        String body = "{\"ticket_id\":\"4711\",\"event\":\"updated\"}";
        TicketEvent first = parse(body);
        TicketEvent second = parse(body);
        assertEquals(first.ref(), second.ref());
        assertNull(first.deliveryId());
        assertNull(second.deliveryId(), "no key to dedupe on: a body hash would drop the second, real update");
    }

    @Test
    void zulipsTemplateBodiesAreRead() {
        assertEquals(TicketEvent.Type.CREATED, parse(Fixtures.text("zulip_webhook_ticket_created.json")).type());
        assertEquals("11", parse(Fixtures.text("zulip_webhook_ticket_created.json")).ref().ticketId());
        TicketEvent images = parse(Fixtures.text("zulip_webhook_inline_images.json"));
        assertEquals("12", images.ref().ticketId());
        assertEquals(TicketEvent.Type.CREATED, images.type());
        assertEquals(TicketEvent.Type.COMMENT_ADDED, parse(Fixtures.text("zulip_webhook_private_note.json")).type());
        assertEquals(TicketEvent.Type.COMMENT_ADDED, parse(Fixtures.text("zulip_webhook_public_note.json")).type());
        assertEquals(TicketEvent.Type.UPDATED, parse(Fixtures.text("zulip_webhook_priority_changed.json")).type());
        assertEquals(TicketEvent.Type.UPDATED, parse(Fixtures.text("zulip_webhook_status_changed.json")).type());
        assertEquals(TicketEvent.Type.UPDATED,
                parse(Fixtures.text("zulip_webhook_status_changed_fixture_with_missing_key.json")).type());
        assertEquals(TicketEvent.Type.UPDATED, parse(Fixtures.text("zulip_webhook_unknown_payload.json")).type());
    }

    @Test
    void anUnescapedQuoteInAPlaceholderDoesNotLoseTheTicketId() {
        // {{ticket.subject}} rendered without escaping: the body is no longer JSON
        String body = "{\"ticket_id\":\"4711\",\"event\":\"customer_reply\",\"subject\":\"Order \"12\" is late\"}";
        TicketEvent e = parse(body);
        assertEquals("4711", e.ref().ticketId());
        assertEquals(TicketEvent.Type.COMMENT_ADDED, e.type());

        String zulipStyle = Fixtures.text("zulip_webhook_ticket_created.json")
                .replace("Test ticket subject", "Test \"ticket\" subject");
        TicketEvent z = parse(zulipStyle);
        assertEquals("11", z.ref().ticketId());
        assertEquals(TicketEvent.Type.CREATED, z.type(), "{ticket_action:created} found in the text");
    }

    @Test
    void aBrokenBodyNamingTwoTicketsIsRefused() {
        String body = "{\"ticket_id\":\"4711\",\"subject\":\"x\" \"ticket_id\":\"1\"}";
        WebhookRejectedException e = assertThrows(WebhookRejectedException.class, () -> parse(body));
        assertEquals(Reason.MALFORMED, e.reason());
    }

    @Test
    void aBodyWithoutAUsableTicketIdIsMalformed() {
        for (String body : new String[] {"{\"ticket_id\":\"{{ticket.id}}\"}", "{\"event\":\"created\"}",
                "not json at all", "{\"ticket_id\":\"0\"}", ""}) {
            WebhookRejectedException e = assertThrows(WebhookRejectedException.class, () -> parse(body), body);
            assertEquals(Reason.MALFORMED, e.reason(), body);
        }
    }

    @Test
    void basicAuthWithTheSecretAsPasswordOrAsApiKey() {
        String body = "{\"ticket_id\":\"5\"}";
        assertEquals("5", WEBHOOK.parse(request(body, basic("anyone", SECRET))).ref().ticketId());
        // "Requires authentication" with an API key: the secret arrives as the user name
        assertEquals("5", WEBHOOK.parse(request(body, basic(SECRET, "X"))).ref().ticketId());

        WebhookRejectedException wrong = assertThrows(WebhookRejectedException.class,
                () -> WEBHOOK.parse(request(body, basic("anyone", "not-the-secret-000"))));
        assertEquals(Reason.BAD_CREDENTIALS, wrong.reason());
        assertEquals(SharedSecretVerifier.BASIC_CHALLENGE, wrong.challenge().orElseThrow());
        WebhookRejectedException missing = assertThrows(WebhookRejectedException.class,
                () -> WEBHOOK.parse(request(body, Map.of())));
        assertEquals(Reason.MISSING_CREDENTIALS, missing.reason());
    }

    @Test
    void aFixedUserMustMatchAndTheSecretMustBeItsPassword() {
        FreshdeskWebhook fixed = FreshdeskWebhook.of(config(Map.of("freshdesk.webhookUser", "freshdesk")));
        String body = "{\"ticket_id\":\"5\"}";
        assertEquals("5", fixed.parse(request(body, basic("freshdesk", SECRET))).ref().ticketId());
        assertEquals(Reason.BAD_CREDENTIALS, assertThrows(WebhookRejectedException.class,
                () -> fixed.parse(request(body, basic("someone", SECRET)))).reason());
        assertEquals(Reason.BAD_CREDENTIALS, assertThrows(WebhookRejectedException.class,
                () -> fixed.parse(request(body, basic(SECRET, "X")))).reason(), "no API-key form with a fixed user");
    }

    @Test
    void aSecretHeaderInsteadOfBasic() {
        FreshdeskWebhook header = FreshdeskWebhook.of(config(Map.of("freshdesk.webhookHeader", "X-DeskAssist-Secret")));
        String body = "{\"ticket_id\":\"5\"}";
        assertEquals("5", header.parse(request(body, Map.of("X-DeskAssist-Secret", SECRET))).ref().ticketId());
        assertEquals(Reason.MISSING_CREDENTIALS, assertThrows(WebhookRejectedException.class,
                () -> header.parse(request(body, basic("freshdesk", SECRET)))).reason(), "only the header counts");
    }

    @Test
    void twoSecretsAreAcceptedWhileRotating() {
        FreshdeskWebhook rotating = FreshdeskWebhook.of(config(Map.of("freshdesk.webhookSecretPrevious", OLD_SECRET)));
        String body = "{\"ticket_id\":\"5\"}";
        assertEquals("5", rotating.parse(request(body, basic("freshdesk", OLD_SECRET))).ref().ticketId());
        assertEquals("5", rotating.parse(request(body, basic("freshdesk", SECRET))).ref().ticketId());
        assertEquals(Reason.BAD_CREDENTIALS, assertThrows(WebhookRejectedException.class,
                () -> WEBHOOK.parse(request(body, basic("freshdesk", OLD_SECRET)))).reason(), "not without rotation");
    }

    @Test
    void aBodyOverTheBoundIsRefusedBeforeParsing() {
        FreshdeskWebhook small = FreshdeskWebhook.of(config(Map.of("freshdesk.webhookMaxBodyBytes", "64")));
        String body = "{\"ticket_id\":\"5\",\"pad\":\"" + "x".repeat(100) + "\"}";
        assertEquals(Reason.MALFORMED, assertThrows(WebhookRejectedException.class,
                () -> small.parse(request(body, basic("freshdesk", SECRET)))).reason());
    }

    @Test
    void noSecretConfiguredIsAConfigurationError() {
        Map<String, String> p = Map.of("freshdesk.baseUrl", "https://acme.freshdesk.com", "freshdesk.apiToken", "k");
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> FreshdeskWebhook.of(FreshdeskConfig.of(p::get)));
        assertTrue(e.getMessage().contains("freshdesk.webhookSecret"), e.getMessage());
    }
}
