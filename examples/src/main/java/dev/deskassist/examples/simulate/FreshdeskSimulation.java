package dev.deskassist.examples.simulate;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.pipeline.PipelineListener;
import dev.deskassist.core.pipeline.PipelineRun;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.examples.webhook.Engines;
import dev.deskassist.examples.webhook.LoopbackStack;
import dev.deskassist.freshdesk.FreshdeskAdapter;
import dev.deskassist.freshdesk.FreshdeskConfig;
import dev.deskassist.freshdesk.testkit.FakeFreshdesk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code simulate freshdesk}: the whole round trip offline. Starts a fake Freshdesk on loopback
 * with sample tickets, starts DeskAssist (Jetty, the pipeline with its durable intake in a
 * temporary directory, the offline engines, the poller), sends automation-rule webhooks (Basic
 * auth, the API-key form, Zulip's template, a body broken by an unescaped quote, a byte-identical
 * repeat, wrong and missing credentials, no ticket id), lets the poller find a ticket whose
 * webhook never came, and prints what came in, what DeskAssist decided and the exact API calls
 * that went out.
 */
public final class FreshdeskSimulation {

    static final String SECRET = "simulated-webhook-secret-0123";
    /** The poller's pace here; a real one is minutes ({@code freshdesk.pollInterval}, at least 30 s). */
    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final List<Result> results = new CopyOnWriteArrayList<>();
    private final Supplier<DeskAssist> engines;

    /** On the Nordwind sample's offline engines. */
    public FreshdeskSimulation() {
        this(() -> Engines.create("offline", null));
    }

    /** On the engines {@code engines} builds (e.g. a config directory's); the simulation closes what it gets. */
    public FreshdeskSimulation(Supplier<DeskAssist> engines) {
        this.engines = java.util.Objects.requireNonNull(engines, "engines");
    }

    /** Runs the simulation, printing to standard output. */
    public int run() throws Exception {
        Path data = Files.createTempDirectory("deskassist-sim-freshdesk");
        try (FakeFreshdesk fake = new FakeFreshdesk(FakeHelpdesk.Faults.NONE)) {
            // the Nordwind sample's categories, but not "outage": a value that is no choice is skipped, not sent
            fake.define("cf_category", "custom_dropdown", "billing", "refund", "returns", "delivery", "login",
                    "cancellation");
            fake.define("cf_sentiment", "custom_dropdown", "Positive", "Neutral", "Negative");
            addSampleTickets(fake);
            Map<String, String> p = new HashMap<>();
            p.put("freshdesk.baseUrl", fake.url());
            p.put("freshdesk.apiToken", FakeFreshdesk.API_KEY);
            p.put("freshdesk.webhookSecret", SECRET);
            p.put("freshdesk.integrationUserIds", fake.integrationUserId());
            p.put("freshdesk.fieldIds", "category=cf_category,language=cf_language,sentiment=cf_sentiment,"
                    + "escalation=cf_escalation");
            p.put("freshdesk.groupIds", "billing=2001,login=2002,delivery=2004");
            p.put("freshdesk.rateLimit", "100/min");
            FreshdeskConfig config = FreshdeskConfig.of(p::get);

            try (LoopbackStack stack = LoopbackStack.start(
                    new QuickPolling(new FreshdeskAdapter(config), POLL_EVERY, POLL_EVERY.multipliedBy(2)),
                    new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null)), data,
                    PipelineSettings.builder().pollInterval(Duration.ofMillis(50)).build(), listener(fake),
                    engines.get())) {
                simulate(fake, stack.pipeline(), stack.endpoint(), data);
            }
        }
        return 0;
    }

    private void simulate(FakeFreshdesk fake, Pipeline pipeline, URI endpoint, Path data) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        System.out.println("Fake Freshdesk at " + fake.url() + ", DeskAssist at " + endpoint + " (durable intake in "
                + data + ", polling every " + POLL_EVERY.toMillis() + " ms for this run)");
        System.out.println();
        System.out.println("== Webhooks in (automation rules, \"Requires authentication\" with our secret)");
        String password = basic("freshdesk", SECRET);
        send(http, endpoint, "ticket 101 created", password, FakeFreshdesk.webhookBody("101", "created"));
        send(http, endpoint, "ticket 102 created, Zulip's template body", password, "{\"freshdesk_webhook\":"
                + "{\"triggered_event\":\"{ticket_action:created}\",\"ticket_id\":\"102\"}}");
        send(http, endpoint, "ticket 103 customer reply, an unescaped quote breaks the JSON", password,
                "{\"ticket_id\":\"103\",\"event\":\"customer_reply\",\"subject\":\"Paket \"dringend\"\"}");
        send(http, endpoint, "ticket 104 created, the rule's \"API key\" authentication", basic(SECRET, "X"),
                FakeFreshdesk.webhookBody("104", "created"));
        send(http, endpoint, "ticket 101 again, byte-identical (Freshdesk sends no id)", password,
                FakeFreshdesk.webhookBody("101", "created"));
        send(http, endpoint, "wrong password", basic("freshdesk", "guessed-secret-0123456789"),
                FakeFreshdesk.webhookBody("102", "updated"));
        send(http, endpoint, "no credentials", null, FakeFreshdesk.webhookBody("102", "updated"));
        send(http, endpoint, "no ticket id in the body", password, "{\"event\":\"created\"}");
        settle(pipeline);

        System.out.println();
        System.out.println("== The poller");
        FakeHelpdesk.TicketState lost = fake.addTicket("105", "Refund for cancelled order",
                "Hello, I cancelled order 4711 last week but the refund has not arrived yet. When will I get it?");
        synchronized (lost) {
            lost.requesterName = "Lena Fischer";
            lost.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            lost.updatedAt = lost.createdAt;
            lost.rendered.clear();
        }
        System.out.println("  ticket 105 created; its webhook failed four times and Freshdesk gave up");
        fake.edit("102", s -> s.tags.add("vip"));
        System.out.println("  an agent tags ticket 102 (no rule fires; the poller lists it, nothing new from the customer)");
        settle(pipeline);

        System.out.println();
        System.out.println("== Follow-ups");
        fake.edit("103", s -> s.fields.put("cf_category", "returns"));
        fake.customerComment("103", "Das Paket ist immer noch nicht da. Ich möchte es jetzt zurückschicken!");
        send(http, endpoint, "an agent set 103's category to returns, then the customer wrote", password,
                FakeFreshdesk.webhookBody("103", "customer_reply"));
        settle(pipeline);

        System.out.println();
        results.forEach(FreshdeskSimulation::print);
        Map<String, Long> c = pipeline.health().counters();
        System.out.printf("== Totals: %d accepted, %d found by polling, %d processed, %d ignored, %d unauthenticated, "
                        + "%d malformed, %d dead-lettered%n", c.get("accepted"), c.get("polled"), c.get("processed"),
                c.get("ignored"), c.get("unauthenticated"), c.get("malformed"), c.get("deadLettered"));
        Map<String, Integer> other = new TreeMap<>();
        for (FakeHelpdesk.Call call : fake.calls()) {
            String path = call.path();
            other.merge(call.method() + " " + (path.contains("?") ? path.substring(0, path.indexOf('?')) : path),
                    1, Integer::sum);
        }
        System.out.println("   other API calls: " + other + " (field definitions once, cached; the poller's lists)");
    }

    /** Waits until the pipeline is idle and the poller has looked once more, twice over. */
    private static void settle(Pipeline pipeline) throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            pipeline.awaitIdle(IDLE);
            Thread.sleep(POLL_EVERY.toMillis() * 3);
        }
        pipeline.awaitIdle(IDLE);
    }

    private PipelineListener listener(FakeFreshdesk fake) {
        return new PipelineListener() {
            @Override
            public void processed(PipelineRun run, Ticket ticket, Assistance a, ApplyResult r, WriteOutcome outcome) {
                results.add(new Result(ticket, a, r, outcome, run.types(), fake.takeCallsFor(ticket.id())));
            }

            @Override
            public void skipped(PipelineRun run, Ticket ticket, String reason) {
                List<FakeHelpdesk.Call> calls = fake.takeCallsFor(ticket.id());
                System.out.println("   skipped: ticket " + ticket.id() + " " + run.types() + ", " + reason + " ("
                        + calls.size() + " read(s), no write)");
            }

            @Override
            public void deadLettered(PipelineRun run, DeadLetterEntry entry) {
                System.out.println("   dead-lettered: ticket " + entry.ticketId() + " " + entry.reason());
            }
        };
    }

    private record Result(Ticket ticket, Assistance assistance, ApplyResult apply, WriteOutcome outcome,
                          List<TicketEvent.Type> events, List<FakeHelpdesk.Call> calls) {
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpClient http, URI endpoint, String what, String authorization, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        SimulationConsole.send(http, 66, what, b.build());
    }

    private static void print(Result r) {
        Ticket t = r.ticket();
        Assistance a = r.assistance();
        System.out.printf("== Ticket %s \"%s\" from %s, events %s%n", t.id(), t.subject(), t.requester().name(),
                r.events());
        SimulationConsole.printAssistance(a, r.calls());
        ApplyResult ap = r.apply();
        System.out.println("   applied: " + (ap.changedAnything() ? ap.changed() : "nothing (no write)") + ", "
                + ap.requests() + " request(s), outcome " + r.outcome());
        if (!ap.skipped().isEmpty()) {
            System.out.println("   skipped: " + ap.skipped());
        }
        System.out.println();
    }

    private static void addSampleTickets(FakeFreshdesk fake) {
        sample(fake, "101", "Rechnung doppelt abgebucht", "Hallo, mir wurde die Rechnung für März doppelt abgebucht. "
                + "Bitte erstatten Sie den Betrag sofort, ich brauche das Geld.\n\nViele Grüße\nAnna Müller",
                "Anna Müller", List.of());
        sample(fake, "102", "Cannot log in after password reset", "Hi, since resetting my password I cannot log in, "
                + "the page says my account is locked. Can you help?\n\nThanks,\nTom", "Tom Baker", List.of());
        sample(fake, "103", "Paket nicht angekommen", "Guten Tag, mein Paket ist seit einer Woche nicht da und die "
                + "Sendungsverfolgung zeigt nichts. Ich bitte um Rückmeldung.", "Jonas Weber",
                List.of("Gibt es schon Neuigkeiten zu meiner Lieferung? Das Paket ist immer noch nicht da."));
        sample(fake, "104", "API returns errors in production", "Our production integration returns error 500 on every "
                + "order since 09:00. This is urgent!", "Priya Shah", List.of());
    }

    private static void sample(FakeFreshdesk fake, String id, String subject, String description, String requester,
                               List<String> followUps) {
        FakeHelpdesk.TicketState s = fake.addTicket(id, subject, description);
        synchronized (s) {
            s.requesterName = requester;
            followUps.forEach(f -> s.addComment(s.requesterId, f, true));
        }
    }

}
