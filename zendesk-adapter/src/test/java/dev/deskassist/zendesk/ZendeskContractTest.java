package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.adapter.testkit.HelpdeskAdapterContract;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** The adapter contract, against {@link FakeZendesk}. */
class ZendeskContractTest extends HelpdeskAdapterContract {

    private static final String SECRET = "contract-secret";
    private static final Map<String, String> FIELD_IDS = Map.of(CATEGORY, "360001", LANGUAGE, "360002");

    @Override
    protected FakeHelpdesk newFake() throws IOException {
        return new FakeZendesk();
    }

    @Override
    protected HelpdeskAdapter newAdapter(FakeHelpdesk fake) {
        Map<String, String> p = new HashMap<>();
        p.put("zendesk.baseUrl", fake.url());
        p.put("zendesk.email", "bot@example.com");
        p.put("zendesk.apiToken", "token");
        p.put("zendesk.webhookSecret", SECRET);
        p.put("zendesk.integrationUserIds", fake.integrationUserId());
        p.put("zendesk.fieldIds", "category=" + FIELD_IDS.get(CATEGORY) + ",language=" + FIELD_IDS.get(LANGUAGE));
        p.put("zendesk.readTimeout", "300ms");
        p.put("zendesk.maxRetries", "2");
        p.put("zendesk.initialBackoff", "5ms");
        p.put("zendesk.maxBackoff", "20ms");
        return new ZendeskAdapter(ZendeskConfig.of(p::get));
    }

    @Override
    protected String fieldKey(String logicalName) {
        return FIELD_IDS.get(logicalName);
    }

    private static WebhookRequest request(String body, String timestamp, String signature, String delivery) {
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", "application/json");
        if (timestamp != null) {
            h.put(ZendeskWebhook.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            h.put(ZendeskWebhook.SIGNATURE_HEADER, signature);
        }
        h.put(ZendeskWebhook.INVOCATION_HEADER, delivery);
        return WebhookRequest.ofSingleValued("POST", "/webhooks/zendesk", h, body.getBytes(StandardCharsets.UTF_8),
                Instant.now());
    }

    private static WebhookRequest signed(String secret, String body, String delivery, Instant at) {
        String ts = at.truncatedTo(ChronoUnit.SECONDS).toString();
        return request(body, ts, ZendeskWebhook.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)), delivery);
    }

    @Override
    protected WebhookRequest signedWebhook(String ticketId, String deliveryId, Instant signedAt) {
        return signed(SECRET, SignedWebhook.triggerBody(ticketId, "created", "555"), deliveryId, signedAt);
    }

    @Override
    protected WebhookRequest unsignedWebhook(String ticketId) {
        return request(SignedWebhook.triggerBody(ticketId, "created", "555"), null, null, "unsigned-1");
    }

    @Override
    protected WebhookRequest forgedWebhook(String ticketId) {
        return signed("guessed-secret", SignedWebhook.triggerBody(ticketId, "created", "555"), "forged-1",
                Instant.now());
    }

    @Override
    protected WebhookRequest malformedWebhook() {
        return signed(SECRET, "{\"ticket_id\": ", "malformed-1", Instant.now());
    }
}
