package dev.deskassist.examples.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.json.JsonCodec;
import dev.deskassist.core.pipeline.Acceptance;
import dev.deskassist.core.pipeline.PipelineHealth;
import dev.deskassist.core.pipeline.WebhookIntake;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real Jetty server on loopback with an in-test intake: routing, limits, timeouts against
 * slow and numerous clients, the management port, and graceful stop.
 */
class WebhookServerTest {

    private static final PipelineHealth HEALTHY = new PipelineHealth(true, true, Map.of("zendesk", "CLOSED"), 3, 1, 2,
            Map.of("accepted", 10L, "duplicates", 1L));
    private static final Acceptance ACCEPTED = new Acceptance(202, Acceptance.Outcome.ACCEPTED, "", null);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<WebhookServer> servers = new ArrayList<>();
    private final AtomicInteger intakeCalls = new AtomicInteger();
    private final AtomicReference<WebhookRequest> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastHelpdesk = new AtomicReference<>();

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(Duration.ofSeconds(2)));
    }

    /** Small limits so that the tests run quickly; both listeners on loopback, any free port. */
    private static ServerSettings.Builder testSettings() {
        return ServerSettings.builder()
                .webhook("127.0.0.1", 0)
                .management("127.0.0.1", 0)
                .maxBodyBytes(64 * 1024)
                .headerTimeout(Duration.ofSeconds(2))
                .bodyTimeout(Duration.ofSeconds(2))
                .idleTimeout(Duration.ofSeconds(10));
    }

    private WebhookIntake counting(Acceptance answer) {
        return (helpdesk, request) -> {
            intakeCalls.incrementAndGet();
            lastHelpdesk.set(helpdesk);
            lastRequest.set(request);
            return answer;
        };
    }

    private WebhookServer start(WebhookIntake intake, ServerSettings settings) throws IOException {
        WebhookServer s = WebhookServer.builder(intake, () -> HEALTHY).settings(settings)
                .metrics(() -> "deskassist_events_total 10\n").build().start();
        servers.add(s);
        return s;
    }

    private HttpResponse<String> post(URI base, String path, String body) throws Exception {
        return post(http, base, path, body);
    }

    /** A client with no pooled connection, so that the request opens a new one. */
    private static HttpClient freshClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> post(HttpClient http, URI base, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Zendesk-Webhook-Signature", "c2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return get(http, base, path);
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Timeout(30)
    void postIsHandedToTheIntakeWithHelpdeskHeadersAndExactBody() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().build());
        String body = "{\"ticket_id\":\"101\",\"text\":\"Grüße\"}";

        HttpResponse<String> r = post(s.webhookUri(), "/webhooks/zendesk?source=trigger", body);

        assertEquals(202, r.statusCode());
        assertEquals("{\"status\":\"accepted\"}", r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, intakeCalls.get());
        assertEquals("zendesk", lastHelpdesk.get());
        WebhookRequest seen = lastRequest.get();
        assertEquals("POST", seen.method());
        assertEquals("/webhooks/zendesk?source=trigger", seen.path());
        assertEquals(body, seen.bodyText());
        assertEquals("c2lnbmF0dXJl", seen.header("x-zendesk-webhook-signature").orElseThrow());
    }

    @Test
    @Timeout(30)
    void statusAndRetryAfterComeFromTheAcceptance() throws Exception {
        Acceptance unavailable = new Acceptance(503, Acceptance.Outcome.UNAVAILABLE, "stopping", Duration.ofMillis(1500));
        WebhookServer s = start(counting(unavailable), testSettings().build());

        HttpResponse<String> r = post(s.webhookUri(), "/webhooks/freshdesk", "{}");

        assertEquals(503, r.statusCode());
        assertEquals("2", r.headers().firstValue("Retry-After").orElse(null), "rounded up to whole seconds");
        assertEquals("{\"status\":\"unavailable\",\"reason\":\"stopping\"}", r.body());

        servers.remove(s);
        s.stop(Duration.ofMillis(100));
        WebhookServer duplicate = start(counting(new Acceptance(200, Acceptance.Outcome.DUPLICATE, "", null)),
                testSettings().build());
        HttpResponse<String> d = post(duplicate.webhookUri(), "/webhooks/zendesk", "{}");
        assertEquals(200, d.statusCode());
        assertTrue(d.headers().firstValue("Retry-After").isEmpty());
        assertEquals("{\"status\":\"duplicate\"}", d.body());
    }

    @Test
    @Timeout(30)
    void intakeFailureIs500WithAGenericBody() throws Exception {
        WebhookServer s = start((helpdesk, request) -> {
            if (request.bodyText().startsWith("[[[")) {
                throw new StackOverflowError(); // what a naive recursive parser does on deep nesting
            }
            throw new IllegalStateException("secret-token-123 and ticket text");
        }, testSettings().build());

        HttpResponse<String> r = post(s.webhookUri(), "/webhooks/zendesk", "{\"a\":1}");
        HttpResponse<String> deep = post(s.webhookUri(), "/webhooks/zendesk", "[".repeat(1000) + "]".repeat(1000));

        assertEquals(500, r.statusCode());
        assertEquals("{\"status\":\"error\"}", r.body());
        assertFalse(r.body().contains("secret") || r.body().contains("IllegalState"));
        assertEquals(500, deep.statusCode(), "answered, not a dropped connection");
        assertEquals("{\"status\":\"error\"}", deep.body());
    }

    @Test
    @Timeout(30)
    void headersOverTheLimitAre431AndNeverReachTheIntake() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().maxHeaderBytes(2048).build());

        RawHttp.Reply r = RawHttp.exchange(s.webhookPort(), RawHttp.head("POST", "/webhooks/zendesk",
                "Content-Length: 2", "X-Big: " + "b".repeat(4000)), "{}".getBytes(StandardCharsets.US_ASCII),
                Duration.ofSeconds(5));

        assertEquals(431, r.status());
        assertFalse(r.body().contains("bbbb"));
        assertEquals(0, intakeCalls.get());
    }

    @Test
    @Timeout(30)
    void onlyTheExactWebhookPathIsRouted() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().build());

        for (String path : List.of("/webhooks/zendesk/x", "/webhooks/", "/webhooks", "/webhooksx/zendesk",
                "/webhooks/zendesk/", "/", "/health", "/metrics")) {
            assertEquals(404, post(s.webhookUri(), path, "{}").statusCode(), path);
        }
        for (String name : List.of("Zendesk", "zen_desk", "a".repeat(33), "zen%20desk")) {
            assertEquals(404, post(s.webhookUri(), "/webhooks/" + name, "{}").statusCode(), name);
        }
        assertEquals(202, post(s.webhookUri(), "/webhooks/" + "a".repeat(32), "{}").statusCode());
        assertEquals(202, post(s.webhookUri(), "/webhooks/service-now2", "{}").statusCode());
        assertEquals(2, intakeCalls.get());
    }

    @Test
    @Timeout(30)
    void otherMethodsOnTheWebhookPathAre405WithAllowPost() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().build());

        HttpResponse<String> r = get(s.webhookUri(), "/webhooks/zendesk");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(s.webhookUri().resolve("/webhooks/zendesk"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(405, r.statusCode());
        assertEquals("POST", r.headers().firstValue("Allow").orElse(null));
        assertEquals(405, put.statusCode());
        assertEquals(0, intakeCalls.get());
    }

    @Test
    @Timeout(30)
    void bodyOverTheLimitWithContentLengthIs413AndNeverReachesTheIntake() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().maxBodyBytes(1024).build());
        int port = s.webhookPort();

        // declared too large: rejected from the headers alone, the body is never sent
        RawHttp.Reply declared = RawHttp.exchange(port, RawHttp.head("POST", "/webhooks/zendesk",
                "Content-Type: application/json", "Content-Length: 5000000"), null, Duration.ofSeconds(5));
        // declared too large and sent anyway
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) 'x');
        RawHttp.Reply sent = RawHttp.exchange(port, RawHttp.head("POST", "/webhooks/zendesk",
                "Content-Length: " + big.length), big, Duration.ofSeconds(5));
        // exactly at the limit is fine
        HttpResponse<String> atLimit = post(s.webhookUri(), "/webhooks/zendesk", "y".repeat(1024));

        assertEquals(413, declared.status());
        assertEquals("close", declared.header("Connection"));
        assertEquals(413, sent.status());
        assertEquals(202, atLimit.statusCode());
        assertEquals(1, intakeCalls.get());
        assertEquals(1024, lastRequest.get().bodyLength());
    }

    @Test
    @Timeout(30)
    void chunkedBodyOverTheLimitIs413AndNeverReachesTheIntake() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().maxBodyBytes(1024).build());

        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            chunks.append("40\r\n").append("z".repeat(64)).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        RawHttp.Reply over = RawHttp.exchange(s.webhookPort(), RawHttp.head("POST", "/webhooks/zendesk",
                "Transfer-Encoding: chunked"), chunks.toString().getBytes(StandardCharsets.US_ASCII),
                Duration.ofSeconds(5));
        RawHttp.Reply under = RawHttp.exchange(s.webhookPort(), RawHttp.head("POST", "/webhooks/zendesk",
                "Transfer-Encoding: chunked", "Connection: close"),
                ("40\r\n{\"a\":\"" + "0".repeat(56) + "\"}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                Duration.ofSeconds(5));

        assertEquals(413, over.status());
        assertEquals(202, under.status());
        assertEquals(1, intakeCalls.get());
        assertEquals(64, lastRequest.get().bodyLength());
    }

    @Test
    @Timeout(30)
    void bodyThatDoesNotArriveInTimeIsAnswered408AndNeverReachesTheIntake() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().bodyTimeout(Duration.ofMillis(500)).build());

        long start = System.nanoTime();
        RawHttp.Reply r = RawHttp.exchange(s.webhookPort(), RawHttp.head("POST", "/webhooks/zendesk",
                "Content-Length: 100"), "{\"only\":".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(5));

        assertEquals(408, r.status());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4));
        assertEquals(0, intakeCalls.get());
    }

    @Test
    @Timeout(60)
    void slowHeaderClientsDelayNobodyAndAreDisconnected() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().headerTimeout(Duration.ofSeconds(2)).build());
        // warm both paths so that class loading is not what the 1 s bound measures
        assertEquals(202, post(s.webhookUri(), "/webhooks/zendesk", "{}").statusCode());
        assertEquals(200, get(s.managementUri(), "/health/live").statusCode());

        try (SlowClients slow = SlowClients.open(s.webhookPort(), 50, Duration.ofMillis(300))) {
            Thread.sleep(700); // every slow client is now part-way through its headers

            HttpClient fresh = freshClient();
            long t0 = System.nanoTime();
            HttpResponse<String> webhook = post(fresh, s.webhookUri(), "/webhooks/zendesk", "{\"ticket_id\":\"1\"}");
            long webhookMillis = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            HttpResponse<String> live = get(fresh, s.managementUri(), "/health/live");
            long liveMillis = (System.nanoTime() - t1) / 1_000_000;

            assertEquals(202, webhook.statusCode());
            assertTrue(webhookMillis < 1000, "webhook answered in " + webhookMillis + " ms");
            assertEquals(200, live.statusCode());
            assertTrue(liveMillis < 1000, "/health/live answered in " + liveMillis + " ms");
            assertEquals(50, slow.stillOpen(), "all slow clients were still connected while the others were served");

            // header timeout 2 s: every slow client must be gone well before 10 s
            assertTrue(slow.awaitAllClosed(Duration.ofSeconds(10)), slow.stillOpen() + " slow clients still open");
        }
        assertEquals(2, intakeCalls.get());
    }

    @Test
    @Timeout(60)
    void connectionFloodOverTheLimitLeavesRoomForAFreshRequest() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().maxConnections(50)
                .idleTimeoutAtLimit(Duration.ofMillis(300)).headerTimeout(Duration.ofSeconds(2)).build());
        assertEquals(202, post(s.webhookUri(), "/webhooks/zendesk", "{}").statusCode());

        List<SocketChannel> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                SocketChannel c = SocketChannel.open();
                c.configureBlocking(false);
                c.connect(new InetSocketAddress("127.0.0.1", s.webhookPort()));
                flood.add(c);
            }
            int most = 0;
            long sampleUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            for (int samples = 0; samples < 30 || (most < 50 && System.nanoTime() < sampleUntil); samples++) {
                most = Math.max(most, s.webhookConnections());
                Thread.sleep(10);
            }
            assertTrue(most >= 40 && most <= 50, "the limit of 50 was reached and held: at most " + most + " open");

            long t0 = System.nanoTime();
            HttpResponse<String> fresh = post(freshClient(), s.webhookUri(), "/webhooks/zendesk", "{}");
            long millis = (System.nanoTime() - t0) / 1_000_000;

            assertEquals(202, fresh.statusCode());
            assertTrue(millis < 8000, "fresh request answered after " + millis + " ms");
            assertEquals(200, get(s.managementUri(), "/health/live").statusCode());
        } finally {
            for (SocketChannel c : flood) {
                c.close();
            }
        }
    }

    @Test
    @Timeout(30)
    void managementEndpointsReportTheHealthSnapshotAndMetrics() throws Exception {
        WebhookServer s = start(counting(ACCEPTED), testSettings().build());
        URI m = s.managementUri();

        assertEquals(200, get(m, "/health/live").statusCode());
        assertEquals(200, get(m, "/health/ready").statusCode());
        HttpResponse<String> health = get(m, "/health");
        assertEquals(200, health.statusCode());
        JsonObject json = JsonCodec.jsonp().createReader(new StringReader(health.body())).readObject();
        assertTrue(json.getBoolean("accepting"));
        assertTrue(json.getBoolean("storeUp"));
        assertEquals("CLOSED", json.getJsonObject("circuits").getString("zendesk"));
        assertEquals(3, json.getJsonNumber("pending").longValue());
        assertEquals(1, json.getInt("inFlight"));
        assertEquals(2, json.getJsonNumber("deadLetters").longValue());
        assertEquals(10, json.getJsonObject("counters").getJsonNumber("accepted").longValue());
        HttpResponse<String> metrics = get(m, "/metrics");
        assertEquals(200, metrics.statusCode());
        assertEquals("deskassist_events_total 10\n", metrics.body());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(404, get(m, "/health/other").statusCode());
        assertEquals(404, get(m, "/webhooks/zendesk").statusCode());
        assertEquals(405, post(m, "/health", "{}").statusCode());
        assertEquals(0, intakeCalls.get());
    }

    @Test
    @Timeout(30)
    void readinessFollowsAcceptingAndStore() throws Exception {
        AtomicReference<PipelineHealth> health = new AtomicReference<>(HEALTHY);
        WebhookServer s = WebhookServer.builder(counting(ACCEPTED), health::get).settings(testSettings().build())
                .build().start();
        servers.add(s);
        assertEquals(200, get(s.managementUri(), "/health/ready").statusCode());

        health.set(new PipelineHealth(false, true, Map.of(), 0, 0, 0, Map.of()));
        assertEquals(503, get(s.managementUri(), "/health/ready").statusCode());
        assertEquals(200, get(s.managementUri(), "/health/live").statusCode());

        health.set(new PipelineHealth(true, false, Map.of(), 0, 0, 0, Map.of()));
        assertEquals(503, get(s.managementUri(), "/health/ready").statusCode());
        HttpResponse<String> h = get(s.managementUri(), "/health");
        assertEquals(200, h.statusCode(), "the snapshot is informational; readiness is /health/ready");
        assertTrue(h.body().contains("\"storeUp\":false"), h.body());
        assertEquals("", get(s.managementUri(), "/metrics").body(), "no metrics supplier: empty exposition");
    }

    @Test
    @Timeout(30)
    void managementBindsLoopbackByDefaultAndWebhooksAllInterfaces() throws Exception {
        ServerSettings defaults = ServerSettings.defaults();
        assertEquals("0.0.0.0", defaults.webhookHost());
        assertEquals(8080, defaults.webhookPort());
        assertEquals("127.0.0.1", defaults.managementHost());
        assertEquals(8081, defaults.managementPort());
        assertEquals(1024 * 1024, defaults.maxBodyBytes());

        // default hosts, free ports
        WebhookServer s = start(counting(ACCEPTED), defaults.toBuilder()
                .webhook(defaults.webhookHost(), 0).management(defaults.managementHost(), 0).build());

        assertTrue(s.managementAddress().getAddress().isLoopbackAddress(), s.managementAddress().toString());
        assertTrue(s.webhookAddress().getAddress().isAnyLocalAddress(), s.webhookAddress().toString());
        assertEquals(200, get(s.managementUri(), "/health/live").statusCode());
    }

    @Test
    @Timeout(30)
    void startFailsWithIOExceptionWhenThePortIsTaken() throws Exception {
        WebhookServer first = start(counting(ACCEPTED), testSettings().build());
        WebhookServer second = WebhookServer.builder(counting(ACCEPTED), () -> HEALTHY)
                .settings(testSettings().webhook("127.0.0.1", first.webhookPort()).build()).build();

        assertThrows(IOException.class, second::start);
        assertEquals(202, post(first.webhookUri(), "/webhooks/zendesk", "{}").statusCode());
    }

    @Test
    @Timeout(30)
    void stopLetsAnInFlightRequestFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WebhookServer s = WebhookServer.builder((helpdesk, request) -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ACCEPTED;
        }, () -> HEALTHY).settings(testSettings().build()).build().start();
        URI base = s.webhookUri();
        int port = s.webhookPort();

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(
                base.resolve("/webhooks/zendesk")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        // an idle keep-alive connection from another client must not hold the stop up
        HttpClient other = freshClient();
        assertEquals(405, get(other, base, "/webhooks/zendesk").statusCode());
        long t0 = System.nanoTime();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> s.stop(Duration.ofSeconds(10)));
        Thread.sleep(1500); // longer than the connector's idle timeout while stopping
        assertFalse(stopped.isDone(), "stop waits for the request in the intake");
        release.countDown();

        assertEquals(202, inFlight.get(10, TimeUnit.SECONDS).statusCode());
        stopped.get(10, TimeUnit.SECONDS);
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(stopMillis < 2500, "stopped " + stopMillis + " ms after stop(), soon after the request finished");
        assertNull(tryConnect(port), "no longer listening");
    }

    /** Null when the port refuses connections, else a description of what answered. */
    private static String tryConnect(int port) {
        try (SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            return "connected to " + c.getRemoteAddress();
        } catch (IOException refused) {
            return null;
        }
    }

    /** Connections that send a request's headers one byte at a time and never finish them. */
    private static final class SlowClients implements AutoCloseable {
        private static final byte[] HEADERS = ("POST /webhooks/zendesk HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                + "a".repeat(2000)).getBytes(StandardCharsets.US_ASCII);

        private final List<SocketChannel> open = new ArrayList<>();
        private final Thread dripper;
        private volatile boolean running = true;

        private SlowClients(int port, int count, Duration interval) throws IOException {
            for (int i = 0; i < count; i++) {
                SocketChannel c = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                c.configureBlocking(false);
                open.add(c);
            }
            dripper = new Thread(() -> drip(interval), "slow-clients");
            dripper.setDaemon(true);
            dripper.start();
        }

        static SlowClients open(int port, int count, Duration interval) throws IOException {
            return new SlowClients(port, count, interval);
        }

        private void drip(Duration interval) {
            ByteBuffer in = ByteBuffer.allocate(4096);
            for (int i = 0; running && i < HEADERS.length; i++) {
                synchronized (open) {
                    for (SocketChannel c : List.copyOf(open)) {
                        try {
                            in.clear();
                            if (c.read(in) < 0) {
                                throw new IOException("closed by the server");
                            }
                            c.write(ByteBuffer.wrap(HEADERS, i, 1));
                        } catch (IOException closed) {
                            open.remove(c);
                            closeQuietly(c);
                        }
                    }
                }
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int stillOpen() {
            synchronized (open) {
                return open.size();
            }
        }

        boolean awaitAllClosed(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (stillOpen() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return stillOpen() == 0;
        }

        @Override
        public void close() {
            running = false;
            dripper.interrupt();
            try {
                dripper.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (open) {
                open.forEach(SlowClients::closeQuietly);
                open.clear();
            }
        }

        private static void closeQuietly(SocketChannel c) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
