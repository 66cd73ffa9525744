package dev.deskassist.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.examples.ReplayCommandAccess;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookMiddlewareTest {

    private static final String SECRET = "s3cret";
    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, String> settings(FakeZendesk fake, Path dir) {
        Map<String, String> p = new HashMap<>();
        p.put("deskassist.bind", "127.0.0.1");
        p.put("deskassist.port", "0");
        p.put("deskassist.deadLetterDir", dir.toString());
        p.put("deskassist.retryBackoff", "10ms");
        p.put("zendesk.baseUrl", fake.url());
        p.put("zendesk.email", "bot@example.com");
        p.put("zendesk.apiToken", "t");
        p.put("zendesk.webhookSecret", SECRET);
        p.put("zendesk.integrationUserIds", "7000");
        p.put("zendesk.initialBackoff", "10ms");
        p.put("zendesk.maxBackoff", "20ms");
        return p;
    }

    private HttpResponse<String> send(URI endpoint, String ticket, String invocation) throws Exception {
        return http.send(SignedWebhook.zendesk(endpoint, SECRET, SignedWebhook.triggerBody(ticket, "created", "1"),
                invocation, Instant.now()), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void closedTicketIsDeadLetteredAndReplayedLater(@TempDir Path dir) throws Exception {
        try (FakeZendesk fake = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            SimulateCommandAccess.addSampleTickets(fake);
            fake.close("101");
            Map<String, String> p = settings(fake, dir);
            try (WebhookMiddleware m = Middleware.zendesk(MiddlewareSettings.from(p::get), null, null).start()) {
                URI endpoint = URI.create("http://127.0.0.1:" + m.port() + "/webhooks/zendesk");
                assertEquals(202, send(endpoint, "101", "a").statusCode());
                assertTrue(m.awaitIdle(Duration.ofSeconds(10)));
                assertEquals(1, m.stats().deadLettered());
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + m.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(health.body().contains("\"deadLetters\":1"), health.body());
                assertTrue(health.body().contains("\"circuit\":\"CLOSED\""), health.body());
            }
            List<Path> files;
            try (var s = Files.list(dir)) {
                files = s.toList();
            }
            assertEquals(1, files.size());
            DeadLetter d = DeadLetterStore.read(files.get(0)).get(0);
            assertEquals("101", d.ticketId());
            assertEquals("WriteBackException", d.errorType());
            assertEquals(1, d.attempts(), "a rejection is not retried");
            assertTrue(d.body().contains("\"ticket_id\":\"101\""));
            assertEquals(0, fake.appliedUpdates("101"));

            fake.reopen("101");
            int code = ReplayCommandAccess.replay(files.get(0), p);
            assertEquals(0, code);
            assertEquals(1, fake.appliedUpdates("101"), "replayed once the ticket could be updated");
            assertTrue(Files.exists(files.get(0).resolveSibling(files.get(0).getFileName() + ".replayed")));
        }
    }

    @Test
    void fullQueueAnswers503AndForgetsTheDelivery(@TempDir Path dir) throws Exception {
        FakeZendesk.Faults slow = new FakeZendesk.Faults(0, 0, 1.0, Duration.ofMillis(600), 0, 1);
        try (FakeZendesk fake = new FakeZendesk(slow)) {
            SimulateCommandAccess.addSampleTickets(fake);
            Map<String, String> p = settings(fake, dir);
            p.put("deskassist.workers", "1");
            p.put("deskassist.queueCapacity", "1");
            p.put("deskassist.maxAttempts", "1");
            p.put("zendesk.readTimeout", "100ms");
            p.put("zendesk.maxRetries", "0");
            try (WebhookMiddleware m = Middleware.zendesk(MiddlewareSettings.from(p::get), null, null).start()) {
                URI endpoint = URI.create("http://127.0.0.1:" + m.port() + "/webhooks/zendesk");
                assertEquals(202, send(endpoint, "101", "a").statusCode());
                Thread.sleep(30); // let the worker take the first event
                assertEquals(202, send(endpoint, "102", "b").statusCode());
                HttpResponse<String> busy = send(endpoint, "103", "c");
                assertEquals(503, busy.statusCode());
                assertTrue(busy.headers().firstValue("Retry-After").isPresent());
                assertEquals(1, m.stats().busy());
                assertTrue(m.awaitIdle(Duration.ofSeconds(10)));
                assertEquals(202, send(endpoint, "103", "c").statusCode(), "Zendesk's retry is not a duplicate");
                assertTrue(m.awaitIdle(Duration.ofSeconds(10)));
                assertEquals(3, m.stats().deadLettered(), "timeouts everywhere: all three kept, none lost");
            }
        }
    }

    @Test
    void envNamesFollowTheKeys() {
        assertEquals("DESKASSIST_ZENDESK_BASE_URL", MiddlewareSettings.envName("zendesk.baseUrl"));
        assertEquals("DESKASSIST_ZENDESK_API_TOKEN", MiddlewareSettings.envName("zendesk.apiToken"));
        assertEquals("DESKASSIST_ZENDESK_WEBHOOK_SECRET", MiddlewareSettings.envName("zendesk.webhookSecret"));
        assertEquals("DESKASSIST_PORT", MiddlewareSettings.envName("deskassist.port"));
        MiddlewareSettings s = MiddlewareSettings.from(Map.of("deskassist.port", "9090")::get);
        assertEquals(9090, s.port());
        assertEquals("offline", s.engine());
    }
}
