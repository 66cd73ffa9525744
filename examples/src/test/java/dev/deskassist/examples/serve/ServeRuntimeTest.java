package dev.deskassist.examples.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.zendesk.testkit.FakeZendesk;
import dev.deskassist.zendesk.testkit.SignedWebhook;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The assembly in this JVM: what {@code serve} wires together, against a fake Zendesk on loopback. */
class ServeRuntimeTest {

    private static final String SECRET = "serve-runtime-test-secret";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Properties settings(Path dir, FakeZendesk zendesk) {
        Properties p = new Properties();
        p.setProperty("deskassist.bind", "127.0.0.1");
        p.setProperty("deskassist.port", "0");
        p.setProperty("deskassist.management.port", "0");
        p.setProperty("deskassist.dataDir", dir.resolve("data").toString());
        p.setProperty("deskassist.workers", "2");
        p.setProperty("deskassist.pollInterval", "50ms");
        p.setProperty("zendesk.baseUrl", zendesk.url());
        p.setProperty("zendesk.email", "bot@example.com");
        p.setProperty("zendesk.apiToken", "t");
        p.setProperty("zendesk.webhookSecret", SECRET);
        p.setProperty("zendesk.integrationUserIds", "7000");
        p.setProperty("zendesk.fieldIds", "category=360001,language=360002");
        return p;
    }

    private static void addTicket(FakeZendesk zendesk, String id) {
        zendesk.addTicket(id, "Rechnung doppelt abgebucht", "Mir wurde die Rechnung doppelt abgebucht, bitte erstatten.",
                "Kundin", "kundin@example.de", "Org", List.of(), List.of());
    }

    private HttpResponse<String> deliver(ServeRuntime rt, String ticket) throws Exception {
        return http.send(SignedWebhook.zendesk(URI.create(rt.webhookUri() + "/webhooks/zendesk"), SECRET,
                SignedWebhook.triggerBody(ticket, "created", "1" + ticket), "inv-" + ticket, Instant.now()),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sample name with labels to value, from Prometheus text (comments left out). */
    private static Map<String, String> samples(String text) {
        Map<String, String> out = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                out.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return out;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long notes(FakeZendesk zendesk, String id) {
        return zendesk.comments(id).stream().filter(c -> c.getInt("author_id") == 7000).count();
    }

    private static void await(BooleanSupplier done, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    @Timeout(60)
    void processesAWebhookRecordsTheOutcomeAndExportsMetrics(@TempDir Path dir) throws Exception {
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE)) {
            addTicket(zendesk, "101");
            Path audit = dir.resolve("audit.jsonl");
            Properties p = settings(dir, zendesk);
            p.setProperty("deskassist.auditFile", audit.toString());
            ServeRuntime rt = ServeRuntime.start(ServeSettings.of(p));
            URI webhooks = URI.create(rt.webhookUri() + "/webhooks/zendesk");
            try {
                String accepted = "deskassist_webhooks_total{helpdesk=\"zendesk\",outcome=\"accepted\",reason=\"none\"}";
                Map<String, String> before = samples(get(URI.create(rt.managementUri() + "/metrics")).body());
                assertEquals("0.0", before.get("deskassist_pipeline_accepted_total"), before.toString());
                assertEquals(null, before.get(accepted), "no webhook yet");

                HttpRequest once = SignedWebhook.zendesk(webhooks, SECRET, SignedWebhook.triggerBody("101", "created",
                        "1101"), "inv-101", Instant.now());
                assertEquals(202, http.send(once, HttpResponse.BodyHandlers.ofString()).statusCode());
                assertEquals(200, http.send(once, HttpResponse.BodyHandlers.ofString()).statusCode(),
                        "the same delivery again");
                assertEquals(401, http.send(SignedWebhook.zendesk(webhooks, "not-the-secret",
                        SignedWebhook.triggerBody("102", "created", "1102"), "inv-102", Instant.now()),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
                await(() -> zendesk.appliedUpdates("101") == 1, Duration.ofSeconds(20), "applied");
                assertTrue(rt.pipeline().awaitIdle(Duration.ofSeconds(10)));

                HttpResponse<String> metrics = get(URI.create(rt.managementUri() + "/metrics"));
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                        metrics.headers().toString());
                Map<String, String> s = samples(metrics.body());
                assertEquals("1.0", s.get("deskassist_pipeline_accepted_total"), metrics.body());
                assertEquals("1.0", s.get("deskassist_pipeline_processed_total"), metrics.body());
                assertEquals("1.0", s.get("deskassist_pipeline_duplicates_total"), metrics.body());
                assertEquals("0.0", s.get("deskassist_pipeline_pending_events"), metrics.body());
                assertEquals("0.0", s.get("deskassist_helpdesk_circuit_state{helpdesk=\"zendesk\"}"), metrics.body());
                assertEquals("1.0", s.get(accepted), metrics.body());
                assertEquals("1.0", s.get("deskassist_webhooks_total{helpdesk=\"zendesk\",outcome=\"duplicate\",reason=\"none\"}"),
                        metrics.body());
                assertEquals("1.0", s.get("deskassist_webhooks_total{helpdesk=\"zendesk\",outcome=\"unauthenticated\","
                        + "reason=\"bad_signature\"}"), metrics.body());
                assertEquals("1", s.get("deskassist_runs_seconds_count{helpdesk=\"zendesk\",result=\"processed\"}"),
                        metrics.body());
                assertEquals("1.0", s.get("deskassist_writeback_outcomes_total{helpdesk=\"zendesk\",outcome=\"written\","
                        + "reason=\"none\"}"), metrics.body());
                assertTrue(s.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")), "JVM meters too");
                assertTrue(s.keySet().stream().noneMatch(k -> k.contains("\"101\"") || k.contains("inv-101")),
                        "no ticket or delivery id as a label");
                assertEquals(200, get(URI.create(rt.managementUri() + "/health/ready")).statusCode());

                // decision lines have no "type"; outcome records (e.g. the draft offered) are typed lines beside them
                List<String> decisionLines = Files.readAllLines(audit, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.startsWith("{\"type\":")).toList();
                String line = decisionLines.get(0);
                JsonObject record = JsonCodec.jsonp().createReader(new StringReader(line)).readObject();
                assertEquals("101", record.getString("ticketId"));
                assertEquals("zendesk", record.getString("helpdesk"));
                assertEquals("WRITTEN", record.getString("outcome"));
                assertEquals(1, decisionLines.size(), "one record per run, written by the pipeline only");
            } finally {
                assertEquals(0, rt.stop(), "nothing left pending");
            }
            assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(webhooks)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()),
                    "the listener is closed after stop");
            assertEquals(-1, rt.stop(), "stops once");
        }
    }

    @Test
    @Timeout(90)
    void workBeyondTheStopDeadlineStaysPendingAndTheNextStartFinishesIt(@TempDir Path dir) throws Exception {
        // every call takes 600 ms, a run about 2 s: the 200 ms stop deadline interrupts the runs in progress
        FakeZendesk.Faults slow = new FakeZendesk.Faults(0, 0, 1.0, Duration.ofMillis(600), 0, 1);
        try (FakeZendesk zendesk = new FakeZendesk(slow)) {
            List<String> ids = List.of("201", "202", "203", "204");
            ids.forEach(id -> addTicket(zendesk, id));
            Properties p = settings(dir, zendesk);
            p.setProperty("deskassist.stopDeadline", "200ms");
            p.setProperty("deskassist.lease", "2s");
            ServeRuntime first = ServeRuntime.start(ServeSettings.of(p));
            long left;
            try {
                for (String id : ids) {
                    assertEquals(202, deliver(first, id).statusCode());
                }
                await(() -> first.pipeline().health().inFlight() == 2, Duration.ofSeconds(10), "runs in progress");
            } finally {
                left = first.stop();
            }
            assertTrue(left >= 2, "the unfinished runs' events stay pending: " + left);

            ServeRuntime second = ServeRuntime.start(ServeSettings.of(p));
            try {
                await(() -> ids.stream().allMatch(id -> notes(zendesk, id) >= 1), Duration.ofSeconds(60),
                        "the next start finishes them");
                assertTrue(second.pipeline().awaitIdle(Duration.ofSeconds(20)));
            } finally {
                assertEquals(0, second.stop());
            }
            for (String id : ids) {
                assertEquals(1, notes(zendesk, id), "ticket " + id + ": one note");
                assertEquals(1, zendesk.appliedUpdates(id), "ticket " + id + ": one update");
            }
        }
    }

    @Test
    void aPortInUseFailsTheStartAndTheDataDirectoryServesTheNext(@TempDir Path dir) throws Exception {
        try (FakeZendesk zendesk = new FakeZendesk(FakeZendesk.Faults.NONE);
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Properties p = settings(dir, zendesk);
            p.setProperty("deskassist.port", String.valueOf(taken.getLocalPort()));
            assertThrows(IOException.class, () -> ServeRuntime.start(ServeSettings.of(p)));
            // the same data directory serves the next, correct start
            p.setProperty("deskassist.port", "0");
            ServeRuntime rt = ServeRuntime.start(ServeSettings.of(p));
            assertEquals(0, rt.stop());
        }
    }

    @Test
    @Timeout(30)
    void servesEveryConfiguredHelpdeskOnItsOwnPath(@TempDir Path dir) throws Exception {
        try (FakeZendesk zendesk = new FakeZendesk();
             dev.deskassist.freshdesk.testkit.FakeFreshdesk freshdesk = new dev.deskassist.freshdesk.testkit.FakeFreshdesk()) {
            Properties p = settings(dir, zendesk);
            p.setProperty("freshdesk.baseUrl", freshdesk.url());
            p.setProperty("freshdesk.apiToken", dev.deskassist.freshdesk.testkit.FakeFreshdesk.API_KEY);
            p.setProperty("freshdesk.webhookSecret", SECRET);
            p.setProperty("freshdesk.poll", "false");
            freshdesk.addTicket("55", "Rechnung doppelt", "Mir wurde die Rechnung doppelt abgebucht.");
            ServeSettings settings = ServeSettings.of(p);
            assertEquals(java.util.List.of("zendesk", "freshdesk"), settings.helpdesks());
            try (ServeRuntime runtime = ServeRuntime.start(settings)) {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                java.net.URI endpoint = runtime.webhookUri().resolve("/webhooks/freshdesk");
                String body = dev.deskassist.freshdesk.testkit.FakeFreshdesk.webhookBody("55", "created");
                java.net.http.HttpResponse<String> unauthenticated = http.send(java.net.http.HttpRequest
                        .newBuilder(endpoint).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(401, unauthenticated.statusCode(), unauthenticated.body());
                String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("freshdesk:" + SECRET)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                java.net.http.HttpResponse<String> accepted = http.send(java.net.http.HttpRequest.newBuilder(endpoint)
                        .header("Authorization", basic).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(202, accepted.statusCode(), accepted.body());
                await(() -> freshdesk.internalNotes("55").size() == 1, Duration.ofSeconds(15), "the Freshdesk note");
            }
        }
    }

    @Test
    void withoutAnyHelpdeskTheSettingsSaySo() {
        Properties p = new Properties();
        p.setProperty("deskassist.port", "0");
        AdapterConfigException e = assertThrows(AdapterConfigException.class,
                () -> ServeSettings.of(p));
        assertTrue(e.getMessage().contains("no helpdesk configured"), e.getMessage());
    }
}
