package dev.deskassist.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.adapter.testkit.FakeHelpdesk;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterQuery;
import dev.deskassist.core.pipeline.PipelineListener;
import dev.deskassist.core.pipeline.PipelineRun;
import dev.deskassist.core.pipeline.PipelineSettings;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole webhook path (Jetty, pipeline with durable intake, offline engines, Zendesk adapter)
 * against a fake Zendesk that misbehaves: random 429s, 500s and timeouts; an outage longer than
 * the circuit's open time; a ticket that does not exist and one that is closed. Every genuine
 * event must be applied exactly once, no healthy event may be dead-lettered, and no forged,
 * stale or re-sent delivery may be processed again — also after a restart on the same store.
 */
class ReliabilityTest {

    private static final String SECRET = "reliability-secret-0123456789";
    private static final int GENUINE = 300;
    private static final int OUTAGE = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Map<String, String> zendeskKeys(FakeZendesk fake) {
        Map<String, String> p = new HashMap<>();
        p.put("zendesk.baseUrl", fake.url());
        p.put("zendesk.email", "bot@example.com");
        p.put("zendesk.apiToken", "t");
        p.put("zendesk.webhookSecret", SECRET);
        p.put("zendesk.integrationUserIds", FakeHelpdesk.INTEGRATION_USER);
        p.put("zendesk.fieldIds", "category=1,language=2");
        p.put("zendesk.groupIds", "billing=11,access=12,technical=13,shipping=14");
        p.put("zendesk.readTimeout", "250ms");
        p.put("zendesk.callTimeout", "2s");
        p.put("zendesk.maxRetries", "1");
        p.put("zendesk.initialBackoff", "20ms");
        p.put("zendesk.maxBackoff", "200ms");
        p.put("zendesk.circuitOpenFor", "1s");
        p.put("zendesk.circuitMinimumCalls", "10");
        return p;
    }

    private static PipelineSettings settings() {
        return PipelineSettings.builder().workers(4).initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(50)).build();
    }

    /** Counts what the pipeline reports, per ticket. */
    private static final class Observed implements PipelineListener {
        final Map<String, AtomicInteger> written = new ConcurrentHashMap<>();
        final Set<String> dead = ConcurrentHashMap.newKeySet();

        @Override
        public void processed(PipelineRun run, Ticket ticket, Assistance a, ApplyResult r, WriteOutcome outcome) {
            if (r.changedAnything()) {
                written.computeIfAbsent(run.ref().ticketId(), k -> new AtomicInteger()).incrementAndGet();
            }
        }

        @Override
        public void deadLettered(PipelineRun run, DeadLetterEntry entry) {
            dead.add(run.ref().ticketId());
        }
    }

    @Test
    @Timeout(120)
    void everyGenuineEventAppliedExactlyOnceThroughFaultsAnOutageAndARestart(@TempDir Path data) throws Exception {
        FakeHelpdesk.Faults faults = new FakeHelpdesk.Faults(0.05, 0.05, 0.03, Duration.ofMillis(400), 1, 42);
        long start = System.nanoTime();
        try (FakeZendesk fake = new FakeZendesk(faults)) {
            fake.recordCalls(false);
            for (int i = 0; i < GENUINE + OUTAGE; i++) {
                fake.addTicket(String.valueOf(1000 + i), "Rechnung " + i, "Meine Rechnung ist doppelt abgebucht, bitte "
                        + "erstatten Sie den Betrag.", "Kunde " + i, "k" + i + "@example.de", "Org", List.of(), List.of());
            }
            for (int i = 0; i < 100; i++) {
                fake.addTicket(String.valueOf(5000 + i), "Forged target " + i, "Password reset does not work.",
                        "X", "x@example.com", "Org", List.of(), List.of());
            }
            fake.addTicket("7001", "Closed", "Danke, erledigt.", "Y", "y@example.com", "Org", List.of(), List.of());
            fake.close("7001");
            Observed seen = new Observed();
            Instant now = Instant.now();
            List<HttpRequest> resends = new ArrayList<>();
            Map<String, AtomicInteger> statusByKind = new ConcurrentHashMap<>();
            try (LoopbackStack stack = LoopbackStack.start(zendeskKeys(fake)::get, data, settings(), seen, null)) {
                URI endpoint = stack.zendeskEndpoint();
                Random rnd = new Random(7);
                List<HttpRequest> deliveries = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                for (int i = 0; i < GENUINE; i++) {
                    deliveries.add(signed(endpoint, 1000 + i, "inv-" + i, now, SECRET));
                    kinds.add("genuine");
                }
                for (int i = 0; i < 60; i++) {
                    // the same signed request again, with the unsigned invocation id kept, changed or dropped
                    int of = rnd.nextInt(GENUINE);
                    String invocation = i % 3 == 0 ? "inv-" + of : i % 3 == 1 ? "other-" + i : null;
                    HttpRequest again = signed(endpoint, 1000 + of, invocation, now, SECRET);
                    deliveries.add(again);
                    kinds.add("resent");
                    resends.add(again);
                }
                for (int i = 0; i < 40; i++) {
                    // a retry signed anew (distinct tickets): a new delivery for us, but the write-back is idempotent
                    deliveries.add(signed(endpoint, 1000 + (i * 7) % GENUINE, "inv-r" + i, now.plusSeconds(1), SECRET));
                    kinds.add("resigned");
                }
                for (int i = 0; i < 50; i++) {
                    deliveries.add(signed(endpoint, 5000 + i, "forged-" + i, now, "wrong-secret-0123456789-" + i));
                    kinds.add("forged");
                }
                for (int i = 0; i < 50; i++) {
                    deliveries.add(signed(endpoint, 5050 + i, "replay-" + i, now.minus(Duration.ofMinutes(30)), SECRET));
                    kinds.add("stale");
                }
                deliveries.add(signed(endpoint, 7000, "missing", now, SECRET));
                kinds.add("missing");
                deliveries.add(signed(endpoint, 7001, "closed", now, SECRET));
                kinds.add("closed");
                List<Integer> first = new ArrayList<>();
                List<Integer> rest = new ArrayList<>();
                for (int i = 0; i < deliveries.size(); i++) {
                    (i < GENUINE ? first : rest).add(i);
                }
                // the originals first, so that every re-send finds its original stored; the rest shuffled
                Collections.shuffle(first, rnd);
                Collections.shuffle(rest, rnd);
                sendAll(deliveries, kinds, first, statusByKind);
                sendAll(deliveries, kinds, rest, statusByKind);
                assertTrue(stack.awaitIdle(Duration.ofSeconds(60)), "processing finished");

                // an outage longer than the circuit's open time: events wait, none is dead-lettered
                fake.failNext(FakeHelpdesk.READS, 1_000_000, FakeHelpdesk.Fault.SERVER_ERROR);
                List<HttpRequest> during = new ArrayList<>();
                List<String> duringKinds = new ArrayList<>();
                List<Integer> duringOrder = new ArrayList<>();
                for (int i = 0; i < OUTAGE; i++) {
                    during.add(signed(endpoint, 1000 + GENUINE + i, "outage-" + i, Instant.now(), SECRET));
                    duringKinds.add("outage");
                    duringOrder.add(i);
                }
                sendAll(during, duringKinds, duringOrder, statusByKind);
                Thread.sleep(3_000);
                assertEquals(Set.of("7000", "7001"), seen.dead, "nothing dead-lettered during the outage");
                fake.clearFaults();
                assertTrue(stack.awaitIdle(Duration.ofSeconds(30)), "the outage's events processed after it");
            }

            // restart on the same store: the re-sent signed deliveries are still known
            try (LoopbackStack stack = LoopbackStack.start(zendeskKeys(fake)::get, data, settings(), seen, null)) {
                for (HttpRequest r : resends.subList(0, 10)) {
                    HttpRequest again = HttpRequest.newBuilder(stack.zendeskEndpoint()).headers(headers(r))
                            .POST(r.bodyPublisher().orElseThrow()).build();
                    int status = http.send(again, HttpResponse.BodyHandlers.ofString()).statusCode();
                    statusByKind.computeIfAbsent("after restart " + status, k -> new AtomicInteger()).incrementAndGet();
                }
                assertTrue(stack.awaitIdle(Duration.ofSeconds(20)));
                assertEquals(2, stack.pipeline().deadLetters().list(DeadLetterQuery.all()).size(),
                        "only the missing and the closed ticket are dead letters");
            }

            int appliedOnce = 0;
            int appliedTwice = 0;
            int notApplied = 0;
            for (int i = 0; i < GENUINE + OUTAGE; i++) {
                String id = String.valueOf(1000 + i);
                int n = fake.appliedUpdates(id);
                long notes = fake.internalNotes(id).size();
                if (n == 1 && notes == 1) {
                    appliedOnce++;
                } else if (n > 1 || notes > 1) {
                    appliedTwice++;
                } else {
                    notApplied++;
                }
            }
            int forgedApplied = 0;
            for (int i = 0; i < 100; i++) {
                forgedApplied += fake.appliedUpdates(String.valueOf(5000 + i));
            }
            System.out.printf("reliability: %d genuine + %d during an outage; faults injected %d; responses %s%n",
                    GENUINE, OUTAGE, fake.faultsInjected(), new TreeMap<>(statusByKind));
            System.out.printf("reliability: applied exactly once %d, more than once %d, not applied %d, dead letters %s, "
                    + "forged/stale applied %d, %.1f s%n", appliedOnce, appliedTwice, notApplied, seen.dead,
                    forgedApplied, (System.nanoTime() - start) / 1e9);

            assertEquals(GENUINE + OUTAGE, appliedOnce, "every genuine event applied exactly once");
            assertEquals(0, appliedTwice);
            assertEquals(0, forgedApplied, "no forged or stale delivery reached Zendesk");
            assertEquals(GENUINE, count(statusByKind, "genuine 202"));
            assertEquals(60, count(statusByKind, "resent 200"), "a re-sent signed delivery is a duplicate, "
                    + "whatever its unsigned invocation id");
            assertEquals(10, count(statusByKind, "after restart 200"), "and still one after a restart");
            assertEquals(40, count(statusByKind, "resigned 202"));
            assertEquals(50, count(statusByKind, "forged 401"));
            assertEquals(50, count(statusByKind, "stale 401"));
            assertEquals(OUTAGE, count(statusByKind, "outage 202"), "accepted while the helpdesk is down");
            assertEquals(0, fake.appliedUpdates("7001"));
            assertTrue(fake.faultsInjected() > 30, "faults were injected: " + fake.faultsInjected());
        }
    }

    private static int count(Map<String, AtomicInteger> byKind, String key) {
        AtomicInteger n = byKind.get(key);
        return n == null ? 0 : n.get();
    }

    private static HttpRequest signed(URI endpoint, int ticket, String invocation, Instant at, String secret) {
        HttpRequest r = SignedWebhook.zendesk(endpoint, secret, SignedWebhook.triggerBody(String.valueOf(ticket),
                "created", "1"), invocation == null ? "-" : invocation, at);
        if (invocation != null) {
            return r;
        }
        // the same request without the invocation id header
        return HttpRequest.newBuilder(endpoint).headers(headers(r, "X-Zendesk-Webhook-Invocation-Id"))
                .POST(r.bodyPublisher().orElseThrow()).build();
    }

    private static String[] headers(HttpRequest r, String... without) {
        List<String> out = new ArrayList<>();
        r.headers().map().forEach((k, vs) -> {
            for (String w : without) {
                if (w.equalsIgnoreCase(k)) {
                    return;
                }
            }
            vs.forEach(v -> {
                out.add(k);
                out.add(v);
            });
        });
        return out.toArray(String[]::new);
    }

    private void sendAll(List<HttpRequest> deliveries, List<String> kinds, List<Integer> order,
                         Map<String, AtomicInteger> statusByKind) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i : order) {
                sent.add(senders.submit(() -> {
                    HttpResponse<String> r = http.send(deliveries.get(i), HttpResponse.BodyHandlers.ofString());
                    statusByKind.computeIfAbsent(kinds.get(i) + " " + r.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }
    }
}
