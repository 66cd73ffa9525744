package dev.deskassist.examples.bench;

import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.HelpdeskConfig;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.examples.UsageException;
import dev.deskassist.freshdesk.FreshdeskAdapter;
import dev.deskassist.freshdesk.FreshdeskConfig;
import dev.deskassist.freshdesk.testkit.FakeFreshdesk;
import dev.deskassist.servicenow.ServiceNowAdapter;
import dev.deskassist.servicenow.ServiceNowConfig;
import dev.deskassist.servicenow.testkit.BusinessRuleCall;
import dev.deskassist.servicenow.testkit.FakeServiceNow;
import dev.deskassist.zendesk.ZendeskAdapter;
import dev.deskassist.zendesk.ZendeskConfig;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One helpdesk as {@code bench-webhook} drives it: its fake on loopback, an adapter configured
 * against that fake, and webhook requests authenticated the way the helpdesk sends them.
 */
abstract class BenchTarget implements AutoCloseable {

    static final String SECRET = "bench-webhook-secret-0123456789";
    static final MediaType JSON = MediaType.get("application/json");

    final FakeHelpdesk fake;

    BenchTarget(FakeHelpdesk fake) {
        this.fake = fake;
        fake.recordCalls(false);
    }

    /** The target for a helpdesk name. */
    static BenchTarget of(String helpdesk) throws IOException {
        return switch (helpdesk) {
            case "zendesk" -> new Zendesk();
            case "freshdesk" -> new Freshdesk();
            case "servicenow" -> new ServiceNow();
            default -> throw new UsageException("--helpdesk must be zendesk, freshdesk or servicenow, not " + helpdesk);
        };
    }

    /** The helpdesk's id of the n-th bench ticket. */
    String ticketId(long n) {
        return String.valueOf(n);
    }

    /** The inverse of {@link #ticketId}. */
    long number(String ticketId) {
        return Long.parseLong(ticketId);
    }

    /** Adds a German billing ticket with one follow-up. */
    void addTicket(String id) {
        FakeHelpdesk.TicketState s = fake.addTicket(id, SUBJECT + number(id), BODY);
        synchronized (s) {
            s.requesterName = "Anna Müller";
            s.requesterEmail = "anna@example.de";
        }
        fake.customerComment(id, "Ist das erledigt?");
    }

    /** The adapter's settings against the fake. */
    abstract HelpdeskConfig config();

    /** The adapter against the fake, its HTTP calls through {@code http}. */
    abstract HelpdeskAdapter adapter(OkHttpClient http);

    LoopGuard guard() {
        return new LoopGuard(config().integrationUserIds(), config().markerTag().orElse(null));
    }

    /** A genuine webhook for the ticket, as the helpdesk would send it. */
    abstract Request webhook(HttpUrl endpoint, String ticketId, String delivery);

    @Override
    public void close() {
        fake.close();
    }

    static final String SUBJECT = "Rechnung doppelt abgebucht ";
    static final String BODY = "Hallo, mir wurde die Rechnung doppelt abgebucht. Bitte erstatten Sie den Betrag.\n\n"
            + "Grüße\nAnna";

    private static final class Zendesk extends BenchTarget {
        private final ZendeskConfig config;

        Zendesk() throws IOException {
            this(new FakeZendesk(FakeHelpdesk.Faults.NONE));
        }

        private Zendesk(FakeZendesk fake) {
            super(fake);
            Map<String, String> p = new HashMap<>();
            p.put("zendesk.baseUrl", fake.url());
            p.put("zendesk.email", "bot@example.com");
            p.put("zendesk.apiToken", "t");
            p.put("zendesk.webhookSecret", SECRET);
            p.put("zendesk.integrationUserIds", fake.integrationUserId());
            p.put("zendesk.fieldIds", "category=1,language=2");
            p.put("zendesk.groupIds", "billing=11,access=12,technical=13,shipping=14");
            config = ZendeskConfig.of(p::get);
        }

        @Override
        void addTicket(String id) {
            ((FakeZendesk) fake).addTicket(id, SUBJECT + id, BODY, "Anna Müller", "anna@example.de", "Müller GmbH",
                    List.of("kunde"), List.of("Ist das erledigt?"));
        }

        @Override
        HelpdeskAdapter adapter(OkHttpClient http) {
            return new ZendeskAdapter(config, http);
        }

        @Override
        HelpdeskConfig config() {
            return config;
        }

        @Override
        Request webhook(HttpUrl endpoint, String ticketId, String delivery) {
            return SignedWebhook.zendeskOkHttp(endpoint, SECRET, SignedWebhook.triggerBody(ticketId, "created", "1"),
                    delivery, Instant.now());
        }
    }

    private static final class Freshdesk extends BenchTarget {
        private final FreshdeskConfig config;
        private final String authorization;

        Freshdesk() throws IOException {
            this(new FakeFreshdesk(FakeHelpdesk.Faults.NONE));
        }

        private Freshdesk(FakeFreshdesk fake) {
            super(fake);
            fake.define("cf_category", "custom_dropdown", "billing", "refund", "returns", "delivery", "login",
                    "cancellation", "outage", "complaint-legal", "data-protection", "other");
            Map<String, String> p = new HashMap<>();
            p.put("freshdesk.baseUrl", fake.url());
            p.put("freshdesk.apiToken", FakeFreshdesk.API_KEY);
            p.put("freshdesk.webhookSecret", SECRET);
            p.put("freshdesk.integrationUserIds", fake.integrationUserId());
            p.put("freshdesk.fieldIds", "category=cf_category");
            p.put("freshdesk.groupIds", "billing=2001,login=2002,delivery=2004");
            // the bench measures webhooks; the poller would only add list calls
            p.put("freshdesk.poll", "false");
            config = FreshdeskConfig.of(p::get);
            authorization = "Basic " + Base64.getEncoder().encodeToString(("freshdesk:" + SECRET)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        HelpdeskAdapter adapter(OkHttpClient http) {
            return new FreshdeskAdapter(config, http);
        }

        @Override
        HelpdeskConfig config() {
            return config;
        }

        @Override
        Request webhook(HttpUrl endpoint, String ticketId, String delivery) {
            return new Request.Builder().url(endpoint).header("Authorization", authorization)
                    .post(RequestBody.create(FakeFreshdesk.webhookBody(ticketId, "created").getBytes(
                            StandardCharsets.UTF_8), JSON)).build();
        }
    }

    private static final class ServiceNow extends BenchTarget {
        private final ServiceNowConfig config;

        ServiceNow() throws IOException {
            this(new FakeServiceNow("incident", "u_ai_labels", FakeHelpdesk.Faults.NONE));
        }

        private ServiceNow(FakeServiceNow fake) {
            super(fake);
            Map<String, String> p = new HashMap<>();
            p.put("servicenow.baseUrl", fake.url());
            p.put("servicenow.username", FakeServiceNow.INTEGRATION_USER);
            p.put("servicenow.password", "bench-password");
            p.put("servicenow.webhookSecret", SECRET);
            p.put("servicenow.fieldIds", "category=category,language=u_language");
            p.put("servicenow.choiceValues", "category.billing=inquiry");
            p.put("servicenow.tagsField", "u_ai_labels");
            // the bench measures webhooks; the poller would only add list calls
            p.put("servicenow.pollEnabled", "false");
            config = ServiceNowConfig.of(p::get);
        }

        @Override
        String ticketId(long n) {
            return String.format("%032x", n);
        }

        @Override
        long number(String ticketId) {
            return Long.parseLong(ticketId, 16);
        }

        @Override
        HelpdeskAdapter adapter(OkHttpClient http) {
            return new ServiceNowAdapter(config, http);
        }

        @Override
        HelpdeskConfig config() {
            return config;
        }

        @Override
        Request webhook(HttpUrl endpoint, String ticketId, String delivery) {
            String body = BusinessRuleCall.body("incident", ticketId, "INC" + number(ticketId), "updated", 1,
                    "anna.mueller", delivery);
            Request.Builder b = new Request.Builder().url(endpoint);
            BusinessRuleCall.headers(SECRET, body, Instant.now()).forEach(b::header);
            return b.post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON)).build();
        }
    }
}
