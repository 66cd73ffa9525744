package dev.deskassist.examples.simulate;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.LoopGuard;
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
import dev.deskassist.servicenow.ServiceNowAdapter;
import dev.deskassist.servicenow.ServiceNowConfig;
import dev.deskassist.servicenow.testkit.BusinessRuleCall;
import dev.deskassist.servicenow.testkit.FakeServiceNow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code simulate servicenow}: the whole round trip offline. Starts a fake ServiceNow on loopback
 * with four sample incidents, starts DeskAssist (Jetty, the pipeline with its durable intake in a
 * temporary directory, the offline engines), sends the shipped business rule's signed calls (a
 * duplicate, a forgery, a replay, our own update, a non-ASCII body, another table among them),
 * loses one call on purpose so that the poller finds the change, and prints what came in, what
 * DeskAssist decided and the exact API calls that went out.
 */
public final class ServiceNowSimulation {

    static final String SECRET = "simulated-servicenow-secret-0123";

    private static final String[] IDS = {
        FakeServiceNow.sysId("sample-1"), FakeServiceNow.sysId("sample-2"), FakeServiceNow.sysId("sample-3"),
        FakeServiceNow.sysId("sample-4")};

    private final Supplier<DeskAssist> engines;

    /** On the Nordwind sample's offline engines. */
    public ServiceNowSimulation() {
        this(() -> Engines.create("offline", null));
    }

    /** On the engines {@code engines} builds (e.g. a config directory's); the simulation closes what it gets. */
    public ServiceNowSimulation(Supplier<DeskAssist> engines) {
        this.engines = java.util.Objects.requireNonNull(engines, "engines");
    }

    /** Runs the simulation, printing to standard output; 0 when it ran through. */
    public int run() throws Exception {
        Path data = Files.createTempDirectory("deskassist-sim-servicenow");
        List<Result> results = new CopyOnWriteArrayList<>();
        try (FakeServiceNow fake = new FakeServiceNow("incident", "u_ai_labels", FakeHelpdesk.Faults.NONE)) {
            addSamples(fake);
            Map<String, String> p = new HashMap<>();
            p.put("servicenow.baseUrl", fake.url());
            p.put("servicenow.username", FakeServiceNow.INTEGRATION_USER);
            p.put("servicenow.password", "simulated-password");
            p.put("servicenow.webhookSecret", SECRET);
            p.put("servicenow.fieldIds", "category=category,language=u_language");
            // DeskAssist's categories onto the instance's choice values of incident.category
            p.put("servicenow.choiceValues", "category.billing=inquiry,category.login=inquiry,"
                    + "category.delivery=inquiry,category.outage=software,category.technical=software");
            p.put("servicenow.tagsField", "u_ai_labels");
            ServiceNowConfig config = ServiceNowConfig.of(p::get);
            PipelineListener listener = new PipelineListener() {
                @Override
                public void processed(PipelineRun run, Ticket ticket, Assistance a, ApplyResult r,
                                      WriteOutcome outcome) {
                    results.add(new Result(ticket, a, r, outcome, run.events(), fake.takeCallsFor(ticket.id())));
                }

                @Override
                public void skipped(PipelineRun run, Ticket ticket, String reason) {
                    fake.takeCallsFor(ticket.id());
                    System.out.println("   skipped: " + ticket.displayId() + ", " + reason);
                }

                @Override
                public void deadLettered(PipelineRun run, DeadLetterEntry entry) {
                    System.out.println("   dead-lettered: " + entry.ticketId() + " " + entry.reason());
                }
            };
            try (LoopbackStack stack = LoopbackStack.start(
                    new QuickPolling(new ServiceNowAdapter(config), Duration.ofSeconds(1), Duration.ofMinutes(1)),
                    new LoopGuard(config.integrationUserIds(), config.markerTag().orElse(null)), data,
                    PipelineSettings.builder().pollInterval(Duration.ofMillis(50)).build(), listener,
                    engines.get())) {
                exchange(fake, stack.pipeline(), stack.endpoint(), data, results);
            }
        }
        return 0;
    }

    private static void exchange(FakeServiceNow fake, Pipeline pipeline, URI endpoint, Path data, List<Result> results)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        System.out.println("Fake ServiceNow at " + fake.url() + ", DeskAssist at " + endpoint + " (durable intake in "
                + data + ")");
        System.out.println();
        System.out.println("== Business-rule calls in");
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            send(http, fake.number(IDS[i]) + " created", call(endpoint, fake, IDS[i], "created", "customer", now));
        }
        send(http, "the same version again (new event_id)", call(endpoint, fake, IDS[0], "created", "customer", now));
        send(http, "forged: signed with another secret", BusinessRuleCall.http(endpoint, "guessed-secret-0123456789",
                body(fake, IDS[1], "updated", "customer"), now));
        send(http, "replay: a genuine call captured an hour ago", BusinessRuleCall.http(endpoint, SECRET,
                body(fake, IDS[1], "updated", "customer"), now.minusSeconds(3600)));
        send(http, "our own update coming back (actor = integration user)", BusinessRuleCall.http(endpoint, SECRET,
                BusinessRuleCall.body("incident", IDS[2], fake.number(IDS[2]), "updated", 9,
                        FakeServiceNow.INTEGRATION_USER, "c0ffee00c0ffee00c0ffee00c0ffee00"), now));
        String nonAscii = body(fake, IDS[1], "updated", "customer").replace("customer.", "k\u00fcnde.");
        send(http, "a body with a raw non-ASCII character", BusinessRuleCall.http(endpoint, SECRET, nonAscii, now));
        send(http, "a call from a rule on another table", BusinessRuleCall.http(endpoint, SECRET,
                BusinessRuleCall.body("problem", IDS[1], "PRB0040001", "updated", 1, "abel.tuter",
                        "0123456789abcdef0123456789abcdef"), now));
        pipeline.awaitIdle(Duration.ofSeconds(20));

        System.out.println();
        System.out.println("== A lost call: " + fake.number(IDS[3]) + " changes, its business-rule call never arrives");
        fake.customerComment(IDS[3], "Still failing, every order since 09:00 returns 500. Please call me!");
        long start = System.nanoTime();
        while (results.stream().noneMatch(r -> r.ticket().id().equals(IDS[3]))
                && System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
            Thread.sleep(100);
        }
        pipeline.awaitIdle(Duration.ofSeconds(20));
        System.out.printf("   the poller found it after %.1f s%n", (System.nanoTime() - start) / 1e9);
        List<FakeHelpdesk.Call> polls = fake.calls().stream().filter(c -> c.method().equals("GET")
                && c.path().startsWith("/api/now/table/incident?")).toList();
        if (!polls.isEmpty()) {
            FakeHelpdesk.Call last = polls.get(polls.size() - 1);
            System.out.println("   poll: " + last.method() + " " + last.path() + " -> " + last.status());
        }

        System.out.println();
        System.out.println("== A customer follow-up on " + fake.number(IDS[0]) + " after an agent changed its category");
        fake.edit(IDS[0], s -> s.fields.put("category", "hardware"));
        fake.customerComment(IDS[0], "Hallo? Ich warte immer noch auf die Erstattung.");
        send(http, fake.number(IDS[0]) + " updated by the customer", call(endpoint, fake, IDS[0], "updated",
                "customer", Instant.now()));
        pipeline.awaitIdle(Duration.ofSeconds(20));

        System.out.println();
        results.forEach(ServiceNowSimulation::print);
        Map<String, Long> c = pipeline.health().counters();
        System.out.printf("== Totals: %d accepted, %d polled, %d processed, %d duplicates, %d ignored, %d "
                        + "unauthenticated (signature/replay), %d malformed, %d dead-lettered%n", c.get("accepted"),
                c.get("polled"), c.get("processed"), c.get("duplicates"), c.get("ignored"), c.get("unauthenticated"),
                c.get("malformed"), c.get("deadLettered"));
    }

    private static String body(FakeServiceNow fake, String id, String event, String actor) {
        FakeHelpdesk.TicketState s = fake.ticket(id);
        long modCount;
        String who;
        synchronized (s) {
            modCount = s.version - 1;
            who = actor.equals("customer") ? fake.callerUserName(s) : actor;
        }
        return BusinessRuleCall.body("incident", id, fake.number(id), event, modCount, who,
                FakeServiceNow.sysId("event:" + id + ":" + System.nanoTime()));
    }

    private static HttpRequest call(URI endpoint, FakeServiceNow fake, String id, String event, String actor,
                                    Instant at) {
        return BusinessRuleCall.http(endpoint, SECRET, body(fake, id, event, actor), at);
    }

    private static void send(HttpClient http, String what, HttpRequest req) throws Exception {
        SimulationConsole.send(http, 58, what, req);
    }

    private record Result(Ticket ticket, Assistance assistance, ApplyResult apply, WriteOutcome outcome, int events,
                          List<FakeHelpdesk.Call> calls) {
    }

    private static void print(Result r) {
        Ticket t = r.ticket();
        Assistance a = r.assistance();
        System.out.printf("== %s (sys_id %s) \"%s\" from %s (%s), sys_mod_count %s%n", t.displayId(), t.id(),
                t.subject(), t.requester().name(), t.requester().organization(), t.version());
        SimulationConsole.printAssistance(a, r.calls());
        System.out.println("   applied: " + (r.apply().changedAnything() ? r.apply().changed() : "nothing (no request)")
                + ", " + r.apply().requests() + " request(s)"
                + (r.apply().keptHuman().isEmpty() ? "" : ", kept the human's " + r.apply().keptHuman())
                + ", outcome " + r.outcome() + (r.events() > 1 ? ", " + r.events() + " events folded into this run" : ""));
        r.apply().skipped().forEach(s -> System.out.println("   skipped: " + s));
        System.out.println();
    }

    private static void addSamples(FakeServiceNow fake) {
        sample(fake, IDS[0], "Rechnung doppelt abgebucht",
                "Hallo, mir wurde die Rechnung für März doppelt abgebucht. Bitte erstatten Sie den Betrag sofort, "
                        + "ich brauche das Geld.\n\nViele Grüße\nAnna Müller",
                "Anna Müller", "anna.mueller@example.de", "Müller Bau GmbH");
        sample(fake, IDS[1], "Cannot log in after password reset",
                "Hi, since resetting my password I cannot log in, the page says my account is locked. Can you help?"
                        + "\n\nThanks,\nTom", "Tom Baker", "tom@example.com", "Baker & Sons");
        FakeHelpdesk.TicketState s = sample(fake, IDS[2], "Paket nicht angekommen",
                "Guten Tag, mein Paket ist seit einer Woche nicht da und die Sendungsverfolgung zeigt nichts. "
                        + "Ich bitte um Rückmeldung.", "Jonas Weber", "j.weber@example.de", "Weber KG");
        synchronized (s) {
            s.addComment(s.requesterId, "Gibt es schon Neuigkeiten zu meiner Lieferung? Das Paket ist immer noch nicht da.",
                    true);
        }
        sample(fake, IDS[3], "API returns errors in production",
                "Our production integration returns error 500 on every order since 09:00. This is urgent!",
                "Priya Shah", "priya@example.com", "Shah Retail Ltd");
    }

    private static FakeHelpdesk.TicketState sample(FakeServiceNow fake, String id, String subject, String description,
                                                   String name, String email, String org) {
        FakeHelpdesk.TicketState s = fake.addTicket(id, subject, description);
        synchronized (s) {
            s.requesterName = name;
            s.requesterEmail = email;
            s.organization = org;
        }
        return s;
    }

}
