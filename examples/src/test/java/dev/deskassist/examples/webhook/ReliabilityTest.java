package dev.deskassist.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 500 deliveries — 300 genuine, 100 duplicates, 50 forged, 50 replays — against a fake Zendesk
 * that answers 429 (Retry-After 0-1 s), 500 and timeouts at seeded random. Every genuine event
 * must be applied at most once and either applied or dead-lettered; no forged or replayed one
 * may reach Zendesk.
 */
class ReliabilityTest {

    private static final String SECRET = "reliability-secret";
    private static final int GENUINE = 300;

    @Test
    @Timeout(60)
    void everyGenuineEventAppliedExactlyOnceNoneLost(@TempDir Path dir) throws Exception {
        FakeZendesk.Faults faults = new FakeZendesk.Faults(0.05, 0.05, 0.03, Duration.ofMillis(400), 1, 42);
        long start = System.nanoTime();
        try (FakeZendesk fake = new FakeZendesk(faults)) {
            fake.recordCalls(false);
            for (int i = 0; i < GENUINE; i++) {
                fake.addTicket(String.valueOf(1000 + i), "Rechnung " + i, "Meine Rechnung ist doppelt abgebucht, bitte "
                        + "erstatten Sie den Betrag.", "Kunde " + i, "k" + i + "@example.de", "Org", List.of(), List.of());
            }
            for (int i = 0; i < 100; i++) {
                fake.addTicket(String.valueOf(5000 + i), "Forged target " + i, "Password reset does not work.",
                        "X", "x@example.com", "Org", List.of(), List.of());
            }
            Map<String, String> p = new HashMap<>();
            p.put("deskassist.bind", "127.0.0.1");
            p.put("deskassist.port", "0");
            p.put("deskassist.workers", "8");
            p.put("deskassist.maxAttempts", "3");
            p.put("deskassist.retryBackoff", "100ms");
            p.put("deskassist.deadLetterDir", dir.toString());
            p.put("zendesk.baseUrl", fake.url());
            p.put("zendesk.email", "bot@example.com");
            p.put("zendesk.apiToken", "t");
            p.put("zendesk.webhookSecret", SECRET);
            p.put("zendesk.integrationUserIds", "7000");
            p.put("zendesk.fieldIds", "category=1,language=2");
            p.put("zendesk.groupIds", "billing=11,access=12,technical=13,shipping=14");
            p.put("zendesk.readTimeout", "250ms");
            p.put("zendesk.callTimeout", "2s");
            p.put("zendesk.maxRetries", "3");
            p.put("zendesk.initialBackoff", "20ms");
            p.put("zendesk.maxBackoff", "200ms");
            Set<String> processedTickets = ConcurrentHashMap.newKeySet();
            Set<String> deadTickets = ConcurrentHashMap.newKeySet();
            WebhookMiddleware.Listener listener = new WebhookMiddleware.Listener() {
                @Override
                public void processed(dev.deskassist.core.adapter.TicketEvent e, dev.deskassist.core.model.Ticket t,
                                      dev.deskassist.core.Assistance a, dev.deskassist.core.adapter.ApplyResult r,
                                      long received) {
                    processedTickets.add(e.ref().ticketId());
                }

                @Override
                public void deadLettered(DeadLetter letter) {
                    deadTickets.add(letter.ticketId());
                }
            };

            try (WebhookMiddleware m = Middleware.zendesk(MiddlewareSettings.from(p::get), null, listener).start()) {
                URI endpoint = URI.create("http://127.0.0.1:" + m.port() + "/webhooks/zendesk");
                Random rnd = new Random(7);
                Instant now = Instant.now();
                List<HttpRequest> deliveries = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                for (int i = 0; i < GENUINE; i++) {
                    deliveries.add(SignedWebhook.zendesk(endpoint, SECRET,
                            SignedWebhook.triggerBody(String.valueOf(1000 + i), "created", "1"), "inv-" + i, now));
                    kinds.add("genuine");
                }
                for (int i = 0; i < 100; i++) {
                    int of = rnd.nextInt(GENUINE);
                    // a redelivery: same invocation id, freshly signed as a retry would be
                    deliveries.add(SignedWebhook.zendesk(endpoint, SECRET,
                            SignedWebhook.triggerBody(String.valueOf(1000 + of), "created", "1"), "inv-" + of,
                            now.plusSeconds(1)));
                    kinds.add("duplicate");
                }
                for (int i = 0; i < 50; i++) {
                    deliveries.add(SignedWebhook.zendesk(endpoint, "wrong-secret-" + i,
                            SignedWebhook.triggerBody(String.valueOf(5000 + i), "created", "1"), "forged-" + i, now));
                    kinds.add("forged");
                }
                for (int i = 0; i < 50; i++) {
                    deliveries.add(SignedWebhook.zendesk(endpoint, SECRET,
                            SignedWebhook.triggerBody(String.valueOf(5050 + i), "created", "1"), "replay-" + i,
                            now.minus(Duration.ofMinutes(30))));
                    kinds.add("replay");
                }
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < deliveries.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, rnd);

                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Map<String, AtomicInteger> statusByKind = new ConcurrentHashMap<>();
                ExecutorService senders = Executors.newFixedThreadPool(8);
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
                senders.shutdown();
                assertTrue(m.awaitIdle(Duration.ofSeconds(40)), "processing finished");

                int appliedOnce = 0;
                int appliedTwice = 0;
                int lost = 0;
                Set<String> deadLettered = new HashSet<>();
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        DeadLetterStore.read(f).forEach(d -> deadLettered.add(d.ticketId()));
                    }
                }
                for (int i = 0; i < GENUINE; i++) {
                    String id = String.valueOf(1000 + i);
                    int n = fake.appliedUpdates(id);
                    long notes = fake.comments(id).stream().filter(c -> c.getInt("author_id") == 7000).count();
                    if (n == 1 && notes == 1) {
                        appliedOnce++;
                    } else if (n > 1 || notes > 1) {
                        appliedTwice++;
                    }
                    if (n == 0 && !deadLettered.contains(id)) {
                        lost++;
                    }
                }
                int forgedApplied = 0;
                for (int i = 0; i < 100; i++) {
                    forgedApplied += fake.appliedUpdates(String.valueOf(5000 + i));
                }
                WebhookMiddleware.Stats s = m.stats();
                System.out.printf("reliability: %d deliveries (%d genuine, 100 duplicates, 50 forged, 50 replays); "
                                + "faults injected %d; responses %s%n", deliveries.size(), GENUINE,
                        fake.faultsInjected(), new java.util.TreeMap<>(statusByKind));
                System.out.printf("reliability: applied exactly once %d, applied more than once %d, dead-lettered %d "
                                + "(of which also applied %d), lost %d, forged/replayed applied %d, middleware retries %d, "
                                + "%.1f s%n", appliedOnce, appliedTwice, deadLettered.size(),
                        deadLettered.stream().filter(id -> fake.appliedUpdates(id) > 0).count(), lost, forgedApplied,
                        s.retries(), (System.nanoTime() - start) / 1e9);

                assertEquals(0, appliedTwice, "no genuine event applied twice");
                assertEquals(0, lost, "every genuine event applied or dead-lettered");
                assertEquals(0, forgedApplied, "no forged or replayed event reached Zendesk");
                assertEquals(50, statusByKind.get("forged 401").get());
                assertEquals(50, statusByKind.get("replay 401").get());
                assertEquals(GENUINE, s.accepted(), "each genuine delivery accepted once");
                assertEquals(100, s.duplicates());
                assertEquals(GENUINE, appliedOnce + deadLettered.stream()
                        .filter(id -> fake.appliedUpdates(id) == 0).count(), "applied + dead-lettered = genuine");
                assertEquals(deadTickets, deadLettered, "the dead-letter file holds what the listener saw");
                assertTrue(fake.faultsInjected() > 30, "faults were injected: " + fake.faultsInjected());
                assertTrue(processedTickets.size() + deadTickets.size() >= GENUINE);
            }
        }
    }
}
