package dev.deskassist.examples;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.PipelineListener;
import dev.deskassist.core.pipeline.PipelineRun;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.core.audit.AuditSink;
import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.examples.config.ConfigDirectory;
import dev.deskassist.examples.config.Setup;
import dev.deskassist.examples.simulate.SimulationConsole;
import dev.deskassist.examples.webhook.Engines;
import dev.deskassist.examples.webhook.LoopbackStack;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate zendesk}: the whole round trip offline. Starts a fake Zendesk on loopback with
 * four sample tickets (German and English), starts DeskAssist (Jetty, the pipeline with its durable
 * intake in a temporary directory, the offline engines or with {@code --config DIR} a config
 * directory's), sends signed webhooks (both
 * body shapes, a duplicate, a forgery, a replay, our own loop, broken JSON) and prints what came
 * in, what DeskAssist decided and the exact API calls that went out.
 */
@Command(name = "simulate", description = "The whole round trip offline: a fake helpdesk on loopback, the "
        + "pipeline with its durable store, webhooks in (forged, replayed and duplicate ones rejected), the poller, "
        + "triage, summary, draft and the exact API calls out.", synopsisSubcommandLabel = "zendesk|freshdesk|servicenow")
public final class SimulateCommand implements Callable<Integer> {

    static final String SECRET = "simulated-signing-secret-0123";
    static final String BOT = "7000";

    @Spec
    CommandSpec spec;

    /** Without a helpdesk: say which ones there are. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say which helpdesk to simulate: zendesk, freshdesk or "
                + "servicenow");
    }

    private static final String CONFIG_HELP = "A config directory: process the tickets with its taxonomy, model, "
            + "knowledge base, policies and engines instead of the Nordwind sample's (its helpdesk settings are not "
            + "used: the fake helpdesk is).";

    @Command(name = "freshdesk", description = "Fake Freshdesk: automation-rule webhooks, the poller, client-side "
            + "version checks.")
    int freshdesk(@Option(names = "--config", paramLabel = "DIR", description = CONFIG_HELP) Path config)
            throws Exception {
        try (Setup.AssistEngines engines = engines(config)) {
            return new dev.deskassist.examples.simulate.FreshdeskSimulation(engines::deskAssist).run();
        }
    }

    @Command(name = "servicenow", description = "Fake ServiceNow: business-rule calls, the poller, one atomic PATCH.")
    int servicenow(@Option(names = "--config", paramLabel = "DIR", description = CONFIG_HELP) Path config)
            throws Exception {
        try (Setup.AssistEngines engines = engines(config)) {
            return new dev.deskassist.examples.simulate.ServiceNowSimulation(engines::deskAssist).run();
        }
    }

    /**
     * The engines of a config directory's setup ({@link ConfigDirectory.Scope#ENGINES}), or of the
     * Nordwind sample without one.
     *
     * @throws ConfigFileException listing every problem of the directory
     */
    private static Setup.AssistEngines engines(Path config) {
        if (config == null) {
            return new Setup.AssistEngines(Engines.create("offline", null), java.util.Optional.empty());
        }
        UsageException.requireConfigDirectory(config);
        Setup setup = ConfigDirectory.load(config, System.getenv(), ConfigDirectory.Scope.ENGINES,
                java.time.Clock.systemUTC());
        System.out.println("Setup from " + config + ": " + setup.taxonomy().categories().size() + " categories, "
                + "engines: triage " + setup.engineSettings().triage() + ", draft " + setup.engineSettings().draft()
                + ", summary " + setup.engineSettings().summary());
        return setup.engines(AuditSink.NONE);
    }

    @Command(name = "zendesk", description = "Fake Zendesk with four sample tickets (German and English), signed "
            + "webhooks of both body shapes, a duplicate, a forgery, a replay, our own loop and broken JSON.")
    int zendesk(@Option(names = "--config", paramLabel = "DIR", description = CONFIG_HELP) Path config)
            throws Exception {
        try (Setup.AssistEngines engines = engines(config)) {
            return zendesk(engines);
        }
    }

    private int zendesk(Setup.AssistEngines engines) throws Exception {
        Path data = Files.createTempDirectory("deskassist-sim");
        List<Result> results = new CopyOnWriteArrayList<>();
        try (FakeZendesk fake = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            SimulateCommandSamples.add(fake);
            Map<String, String> p = new HashMap<>();
            p.put("zendesk.baseUrl", fake.url());
            p.put("zendesk.email", "deskassist-bot@example.com");
            p.put("zendesk.apiToken", "simulated-token");
            p.put("zendesk.webhookSecret", SECRET);
            p.put("zendesk.integrationUserIds", BOT);
            p.put("zendesk.fieldIds", "category=360001,language=360002");
            p.put("zendesk.groupIds", "billing=2001,access=2002,technical=2003,shipping=2004");
            PipelineListener listener = new PipelineListener() {
                @Override
                public void processed(PipelineRun run, Ticket ticket, Assistance a, ApplyResult r,
                                      WriteOutcome outcome) {
                    results.add(new Result(ticket, a, r, outcome, run.events(), fake.takeCallsFor(ticket.id())));
                }

                @Override
                public void skipped(PipelineRun run, Ticket ticket, String reason) {
                    fake.takeCallsFor(ticket.id());
                    System.out.println("   skipped: ticket " + ticket.id() + ", " + reason);
                }

                @Override
                public void deadLettered(PipelineRun run, DeadLetterEntry entry) {
                    System.out.println("   dead-lettered: ticket " + entry.ticketId() + " " + entry.reason());
                }
            };
            PipelineSettings settings = PipelineSettings.builder().pollInterval(Duration.ofMillis(50)).build();
            try (LoopbackStack stack = LoopbackStack.start(p::get, data, settings, listener, null,
                    engines.deskAssist())) {
                URI endpoint = stack.zendeskEndpoint();
                HttpClient http = HttpClient.newHttpClient();
                System.out.println("Fake Zendesk at " + fake.url() + ", DeskAssist at " + endpoint
                        + " (durable intake in " + data + ")");
                System.out.println();
                System.out.println("== Webhooks in");
                Instant now = Instant.now();
                HttpRequest first = SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "created", "10101"), "inv-1", now);
                send(http, "trigger body, ticket created", first);
                send(http, "event subscription envelope, ticket.created", SignedWebhook.zendesk(endpoint, SECRET,
                        envelope("104"), "inv-2", now));
                send(http, "trigger body, ticket created", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("102", "created", "10102"), "inv-3", now));
                send(http, "trigger body, comment added", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("103", "comment_added", "10103"), "inv-4", now));
                send(http, "the same signed delivery again, new invocation id", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "created", "10101"), "inv-5", now));
                send(http, "forged: signed with another secret", SignedWebhook.zendesk(endpoint,
                        "guessed-secret-0123456789", SignedWebhook.triggerBody("102", "updated", "1"), "inv-6", now));
                send(http, "replay: a genuine request captured an hour ago", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "updated", "10101"), "inv-7", now.minusSeconds(3600)));
                send(http, "our own update coming back (actor = integration user)", SignedWebhook.zendesk(endpoint,
                        SECRET, SignedWebhook.triggerBody("101", "updated", BOT), "inv-8", now));
                send(http, "broken JSON", SignedWebhook.zendesk(endpoint, SECRET, "{\"ticket_id\": ", "inv-9", now));
                stack.awaitIdle(Duration.ofSeconds(20));
                send(http, "an agent's edit on ticket 101 (nothing new from the customer)", SignedWebhook.zendesk(
                        endpoint, SECRET, SignedWebhook.triggerBody("101", "updated", "5005"), "inv-10",
                        Instant.now()));
                stack.awaitIdle(Duration.ofSeconds(20));
                fake.customerComment("101", "Ich habe immer noch keine Antwort, bitte melden Sie sich!");
                send(http, "customer follow-up on ticket 101", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "comment_added", "10101"), "inv-11", Instant.now()));
                stack.awaitIdle(Duration.ofSeconds(20));

                System.out.println();
                results.forEach(SimulateCommand::print);
                Map<String, Long> c = stack.pipeline().health().counters();
                System.out.printf("== Totals: %d accepted, %d processed, %d duplicates, %d ignored, %d unauthenticated "
                        + "(signature/replay), %d malformed, %d dead-lettered%n", c.get("accepted"), c.get("processed"),
                        c.get("duplicates"), c.get("ignored"), c.get("unauthenticated"), c.get("malformed"),
                        c.get("deadLettered"));
            }
        }
        return 0;
    }

    private record Result(Ticket ticket, Assistance assistance, ApplyResult apply, WriteOutcome outcome, int events,
                          List<FakeZendesk.Call> calls) {
    }

    private static void send(HttpClient http, String what, HttpRequest req) throws Exception {
        SimulationConsole.send(http, 62, what, req);
    }

    private static void print(Result r) {
        Ticket t = r.ticket();
        Assistance a = r.assistance();
        System.out.printf("== Ticket %s \"%s\" from %s (%s)%n", t.id(), t.subject(), t.requester().name(),
                t.requester().organization());
        SimulationConsole.printAssistance(a, r.calls());
        System.out.println("   applied: " + (r.apply().changedAnything() ? r.apply().changed() : "nothing (no request)")
                + ", " + r.apply().requests() + " request(s), skipped " + r.apply().skipped().size() + ", outcome "
                + r.outcome() + (r.events() > 1 ? ", " + r.events() + " events folded into this run" : ""));
        System.out.println();
    }

    private static String envelope(String id) {
        return "{\"account_id\":22129848,\"detail\":{\"actor_id\":\"10104\",\"assignee_id\":null,\"brand_id\":\"1\","
                + "\"created_at\":\"2026-01-05T09:00:00Z\",\"description\":\"…\",\"group_id\":null,\"id\":\"" + id + "\","
                + "\"is_public\":true,\"priority\":\"NORMAL\",\"requester_id\":\"10104\",\"status\":\"NEW\","
                + "\"subject\":\"…\",\"tags\":[],\"type\":\"INCIDENT\",\"updated_at\":\"2026-01-05T09:00:00Z\","
                + "\"via\":{\"channel\":\"web_service\"}},\"event\":{},\"id\":\"2f0c1a52-5b7e-4d0e-9a43-6c1f0e7d9b21\","
                + "\"subject\":\"zen:ticket:" + id + "\",\"time\":\"" + Instant.now() + "\","
                + "\"type\":\"zen:event-type:ticket.created\",\"zendesk_event_version\":\"2022-11-06\"}";
    }
}
