package dev.deskassist.servicenow;

import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.adapter.testkit.HelpdeskAdapterContract;
import dev.deskassist.servicenow.testkit.BusinessRuleCall;
import dev.deskassist.servicenow.testkit.FakeServiceNow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The adapter contract, against {@link FakeServiceNow}. */
class ServiceNowContractTest extends HelpdeskAdapterContract {

    private static final String SECRET = "contract-signing-secret";
    private static final Map<String, String> FIELDS = Map.of(CATEGORY, "category", LANGUAGE, "u_language");

    @Override
    protected FakeHelpdesk newFake() throws IOException {
        return new FakeServiceNow();
    }

    @Override
    protected HelpdeskAdapter newAdapter(FakeHelpdesk fake) {
        Map<String, String> p = new HashMap<>();
        p.put("servicenow.baseUrl", fake.url());
        p.put("servicenow.username", fake.integrationUserId());
        p.put("servicenow.password", "secret");
        p.put("servicenow.webhookSecret", SECRET);
        p.put("servicenow.fieldIds", "category=category,language=u_language");
        p.put("servicenow.tagsField", "u_ai_labels");
        p.put("servicenow.readTimeout", "300ms");
        p.put("servicenow.maxRetries", "2");
        p.put("servicenow.initialBackoff", "5ms");
        p.put("servicenow.maxBackoff", "20ms");
        return new ServiceNowAdapter(ServiceNowConfig.of(p::get));
    }

    @Override
    protected String fieldKey(String logicalName) {
        return FIELDS.get(logicalName);
    }

    @Override
    protected String ticketId(int n) {
        return "9d385017c611228701d22104cc95" + String.format("%04x", n);
    }

    private static String body(String ticketId) {
        return BusinessRuleCall.body("incident", ticketId, "INC0010001", "updated", 3, "abel.tuter",
                "3f1dd0a1c0a8016401c5a33be04be441");
    }

    @Override
    protected WebhookRequest signedWebhook(String ticketId, String deliveryId, Instant signedAt) {
        return BusinessRuleCall.request(SECRET, body(ticketId), signedAt);
    }

    @Override
    protected WebhookRequest unsignedWebhook(String ticketId) {
        return WebhookRequest.ofSingleValued("POST", "/webhooks/servicenow", Map.of("Content-Type", "application/json"),
                body(ticketId).getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    @Override
    protected WebhookRequest forgedWebhook(String ticketId) {
        return BusinessRuleCall.request("guessed-secret-of-16", body(ticketId), Instant.now());
    }

    @Override
    protected WebhookRequest malformedWebhook() {
        return BusinessRuleCall.request(SECRET, "{\"sys_id\": ", Instant.now());
    }
}
