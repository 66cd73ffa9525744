package dev.deskassist.examples;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.examples.webhook.DeadLetter;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.examples.webhook.Middleware;
import dev.deskassist.examples.webhook.MiddlewareSettings;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import dev.deskassist.examples.webhook.WebhookMiddleware;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code simulate zendesk}: the whole round trip offline. Starts a fake Zendesk on loopback with
 * four sample tickets (German and English), starts the middleware, sends signed webhooks (both
 * body shapes, a duplicate, a forgery, a replay, our own loop, broken JSON) and prints what came
 * in, what DeskAssist decided and the exact API calls that went out.
 */
public final class SimulateCommand implements Command {

    static final String SECRET = "simulated-signing-secret";
    static final String BOT = "7000";

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "simulate zendesk: fake Zendesk + middleware + signed webhooks, printing the round trip";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("zendesk")) {
            throw new UsageException("usage: simulate zendesk");
        }
        Path deadLetters = Files.createTempDirectory("deskassist-sim-dead-letter");
        Map<String, Result> results = new ConcurrentHashMap<>();
        try (FakeZendesk fake = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            addSampleTickets(fake);
            Map<String, String> p = new HashMap<>();
            p.put("deskassist.bind", "127.0.0.1");
            p.put("deskassist.port", "0");
            p.put("deskassist.deadLetterDir", deadLetters.toString());
            p.put("zendesk.baseUrl", fake.url());
            p.put("zendesk.email", "deskassist-bot@example.com");
            p.put("zendesk.apiToken", "simulated-token");
            p.put("zendesk.webhookSecret", SECRET);
            p.put("zendesk.integrationUserIds", BOT);
            p.put("zendesk.fieldIds", "category=360001,language=360002");
            p.put("zendesk.groupIds", "billing=2001,access=2002,technical=2003,shipping=2004");
            MiddlewareSettings settings = MiddlewareSettings.from(p::get);
            WebhookMiddleware.Listener listener = new WebhookMiddleware.Listener() {
                @Override
                public void processed(TicketEvent event, Ticket ticket, Assistance a, ApplyResult r, long received) {
                    results.put(event.deliveryId(), new Result(ticket, a, r, fake.takeCallsFor(ticket.id())));
                }

                @Override
                public void deadLettered(DeadLetter letter) {
                    System.out.println("   dead-lettered: ticket " + letter.ticketId() + " " + letter.errorType());
                }
            };
            try (WebhookMiddleware m = Middleware.zendesk(settings, null, listener).start()) {
                URI endpoint = URI.create("http://127.0.0.1:" + m.port() + "/webhooks/zendesk");
                HttpClient http = HttpClient.newHttpClient();
                System.out.println("Fake Zendesk at " + fake.url() + ", middleware at " + endpoint);
                System.out.println();
                System.out.println("== Webhooks in");
                Instant now = Instant.now();
                List<String> order = new ArrayList<>();
                send(http, "trigger body, ticket created", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "created", "10101"), "inv-1", now), order, "inv-1");
                send(http, "event subscription envelope, ticket.created", SignedWebhook.zendesk(endpoint, SECRET,
                        envelope("104"), "inv-2", now), order, "inv-2");
                send(http, "trigger body, ticket created", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("102", "created", "10102"), "inv-3", now), order, "inv-3");
                send(http, "trigger body, comment added", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("103", "comment_added", "10103"), "inv-4", now), order, "inv-4");
                send(http, "the same delivery again (Zendesk retry)", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "created", "10101"), "inv-1", now), order, null);
                send(http, "forged: signed with another secret", SignedWebhook.zendesk(endpoint, "guessed-secret",
                        SignedWebhook.triggerBody("102", "updated", "1"), "inv-6", now), order, null);
                send(http, "replay: a genuine request captured an hour ago", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "updated", "10101"), "inv-7", now.minusSeconds(3600)), order,
                        null);
                send(http, "our own update coming back (actor = integration user)", SignedWebhook.zendesk(endpoint,
                        SECRET, SignedWebhook.triggerBody("101", "updated", BOT), "inv-8", now), order, null);
                send(http, "broken JSON", SignedWebhook.zendesk(endpoint, SECRET, "{\"ticket_id\": ", "inv-9", now),
                        order, null);
                m.awaitIdle(Duration.ofSeconds(20));
                send(http, "customer follow-up on ticket 101, plan unchanged", SignedWebhook.zendesk(endpoint, SECRET,
                        SignedWebhook.triggerBody("101", "comment_added", "10101"), "inv-10", Instant.now()), order,
                        "inv-10");
                m.awaitIdle(Duration.ofSeconds(20));

                System.out.println();
                for (String delivery : order) {
                    Result r = results.get(delivery);
                    if (r != null) {
                        print(r);
                    }
                }
                WebhookMiddleware.Stats s = m.stats();
                System.out.printf("== Totals: %d accepted, %d processed, %d duplicates, %d ignored, %d rejected (signature/"
                        + "replay), %d rejected (malformed), %d dead-lettered; %d API calls%n", s.accepted(),
                        s.processed(), s.duplicates(), s.ignored(), s.rejectedSignature(), s.rejectedMalformed(),
                        s.deadLettered(), fake.calls().size() + results.values().stream().mapToInt(x -> x.calls().size()).sum());
            }
        }
        return 0;
    }

    private record Result(Ticket ticket, Assistance assistance, ApplyResult apply, List<FakeZendesk.Call> calls) {
    }

    private static void send(HttpClient http, String what, HttpRequest req, List<String> order, String delivery)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        System.out.printf("  %-55s -> %d %s in %.1f ms%n", what, resp.statusCode(), resp.body(),
                (System.nanoTime() - start) / 1e6);
        if (delivery != null) {
            order.add(delivery);
        }
    }

    private static void print(Result r) {
        Ticket t = r.ticket();
        Assistance a = r.assistance();
        System.out.printf("== Ticket %s \"%s\" from %s (%s)%n", t.id(), t.subject(), t.requester().name(),
                t.requester().organization());
        System.out.printf("   triage : category %s (%.0f%%), priority %s, language %s, group %s%n",
                a.triage().category().valueOr("none"), a.triage().category().confidence() * 100,
                a.triage().priority().value().name().toLowerCase(Locale.ROOT), a.triage().languageCode(),
                a.triage().group().valueOr("none"));
        a.summary().ifPresent(s -> System.out.println("   summary: " + s.customerWants() + " | next: " + s.nextStep()));
        a.draft().ifPresent(d -> System.out.println("   draft  : " + d.body().replace("\n\n", " / ").replace("\n", " ")));
        System.out.println("   API calls out:");
        for (FakeZendesk.Call c : r.calls()) {
            System.out.printf("     %s %s -> %d%n", c.method(), c.path(), c.status());
            if (!c.body().isEmpty()) {
                System.out.println("       " + c.body());
            }
        }
        System.out.println("   applied: " + (r.apply().changedAnything() ? r.apply().changed() : "nothing (no request)")
                + ", " + r.apply().requests() + " write request(s), skipped " + r.apply().skipped().size() + " unchanged");
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

    static void addSampleTickets(FakeZendesk fake) {
        SimulateCommandSamples.add(fake);
    }
}
