package dev.deskassist.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private MockWebServer server;
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new ApiClient(config().build());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private ApiClientConfig.Builder config() {
        return ApiClientConfig.builder("testdesk", server.url("/api/").toString())
                .auth(Auth.basic("agent@example.com/token", "s3cret"))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .readTimeout(Duration.ofMillis(300))
                .callTimeout(Duration.ofSeconds(2));
    }

    @Test
    void getSendsAuthAndResolvesBelowBaseUrl() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"ticket\":{\"id\":1}}").addHeader("X-Rate-Limit", "700"));
        ApiResponse r = client.send(ApiRequest.get("/v2/tickets/1.json"));
        assertEquals(200, r.status());
        assertEquals(1, r.json().getJsonObject("ticket").getInt("id"));
        assertEquals("700", r.header("x-rate-limit").orElseThrow());
        RecordedRequest req = server.takeRequest();
        assertEquals("/api/v2/tickets/1.json", req.getPath());
        assertTrue(req.getHeader("Authorization").startsWith("Basic "));
    }

    @Test
    void rateLimitedGetWaitsForRetryAfterThenSucceeds() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1")
                .setBody("<html>Rate limit for ticket updates exceeded</html>"));
        server.enqueue(new MockResponse().setBody("{}"));
        long start = System.nanoTime();
        client.send(ApiRequest.get("x"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 950, "waited only " + tookMs + " ms");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void rateLimitBeyondCapFailsAtOnceWithTypedError() {
        client.close();
        client = new ApiClient(config().maxRetryAfter(Duration.ofSeconds(5)).build());
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "93"));
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> client.send(ApiRequest.get("x")));
        assertEquals(Duration.ofSeconds(93), e.retryAfter().orElseThrow());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void serverErrorsAreRetriedForSafeCallsOnly() {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setBody("{}"));
        assertEquals(200, client.send(ApiRequest.get("x")).status());
        assertEquals(3, server.getRequestCount());

        server.enqueue(new MockResponse().setResponseCode(500));
        assertThrows(ServerErrorException.class, () -> client.send(ApiRequest.post("x", "{}")));
        assertEquals(4, server.getRequestCount(), "a POST is not repeated after a 500");
    }

    @Test
    void retriesAreBounded() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse().setResponseCode(502));
        }
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.send(ApiRequest.get("x")));
        assertEquals(502, e.status());
        assertEquals(3, server.getRequestCount(), "first attempt + 2 retries");
    }

    @Test
    void validationErrorCarriesFieldMessages() {
        // body as captured from Zendesk (captured_error_422_closed_ticket_update.json)
        server.enqueue(new MockResponse().setResponseCode(422).setBody("{\"error\":\"RecordInvalid\",\"description\":"
                + "\"Record validation errors\",\"details\":{\"status\":[{\"description\":\"Status: closed prevents ticket update\"}]}}"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> client.send(ApiRequest.put("tickets/1.json", "{}")));
        assertEquals("RecordInvalid", e.errorCode());
        assertEquals(List.of("Status: closed prevents ticket update"), e.fieldErrors().get("status"));
        assertTrue(e.getMessage().contains("PUT"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void statusCodesMapToTypedErrors() {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"RecordNotFound\"}"));
        assertEquals("RecordNotFound", assertThrows(NotFoundException.class,
                () -> client.send(ApiRequest.get("tickets/9"))).errorCode());
        server.enqueue(new MockResponse().setResponseCode(409)
                .setBody("{\"error\":\"DatabaseConflict\",\"description\":\"Database collision\"}"));
        assertThrows(ConflictException.class, () -> client.send(ApiRequest.put("tickets/9", "{}")));
        server.enqueue(new MockResponse().setResponseCode(401));
        assertThrows(AuthenticationException.class, () -> client.send(ApiRequest.get("tickets/9")));
        server.enqueue(new MockResponse().setResponseCode(418));
        assertThrows(ClientErrorException.class, () -> client.send(ApiRequest.get("tickets/9")));
    }

    @Test
    void errorMessagesNeverContainCredentialsOrQueryStrings() {
        server.enqueue(new MockResponse().setResponseCode(404));
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.send(ApiRequest.get("search.json?query=jane.doe@example.com")));
        assertFalse(e.getMessage().contains("jane.doe"));
        assertFalse(e.getMessage().contains("s3cret"));
        assertFalse(client.toString().contains("s3cret"));
    }

    @Test
    void timeoutBecomesTransportErrorAfterRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(1, TimeUnit.SECONDS));
        }
        TransportException e = assertThrows(TransportException.class, () -> client.send(ApiRequest.get("slow")));
        assertTrue(e.isTimeout());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void refusesAbsoluteUrlsOnOtherHosts() {
        assertThrows(IllegalArgumentException.class,
                () -> client.send(ApiRequest.get("https://evil.example.org/api/v2/tickets.json")));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void circuitOpensAfterRepeatedFailures() {
        client.close();
        client = new ApiClient(config().maxRetries(0).circuitBreaker(50f, 4, Duration.ofMinutes(1)).build());
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(500));
            assertThrows(ServerErrorException.class, () -> client.send(ApiRequest.get("x")));
        }
        assertEquals("OPEN", client.circuitState());
        assertThrows(UnavailableException.class, () -> client.send(ApiRequest.get("x")));
        assertEquals(4, server.getRequestCount(), "an open circuit sends nothing");
    }

    @Test
    void anOpenCircuitHalfOpensByItselfWhenNobodyCalls() throws Exception {
        // the pipeline sends nothing while a circuit is open, so no call may be needed to move it on
        client.close();
        client = new ApiClient(config().maxRetries(0).circuitBreaker(50f, 4, Duration.ofMillis(200)).build());
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(500));
            assertThrows(ServerErrorException.class, () -> client.send(ApiRequest.get("x")));
        }
        assertEquals("OPEN", client.circuitState());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ("OPEN".equals(client.circuitState()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("HALF_OPEN", client.circuitState());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void asyncSendRetriesAndReportsTypedErrors() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
        server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
        ApiResponse r = ApiClient.await(client.sendAsync(ApiRequest.post("chat", "{}")), Duration.ofSeconds(5));
        assertTrue(r.json().getBoolean("ok"));
        assertEquals(2, server.getRequestCount());

        server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(1, TimeUnit.SECONDS));
        CompletionException e = assertThrows(CompletionException.class,
                () -> client.sendAsync(ApiRequest.post("chat", "{}")).join());
        assertTrue(assertInstanceOf(TransportException.class, e.getCause()).isTimeout());
        assertEquals(3, server.getRequestCount(), "a timed-out POST is not repeated");
    }

    @Test
    void retryAfterBeyondTheWaitLimitIsThrownAtOnceUncappedAndPropagates() {
        // ServiceNow counts per hour; its 429 body as documented (servicenow_docs_error_429_rate_limit.json)
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600")
                .setHeader("Content-Type", "application/json")
                .setBody(resource("http/servicenow_docs_error_429_rate_limit.json")));
        long start = System.nanoTime();
        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> client.send(ApiRequest.patch("table/incident/1", "{}")));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000, "not slept on");
        assertEquals(1, server.getRequestCount());
        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow(), "the full value, not the 2 min limit");
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("retry after 3600 s"));
        dev.deskassist.core.DeskAssistException wrapped = new dev.deskassist.core.DeskAssistException("write-back failed", e);
        assertEquals(Duration.ofHours(1), wrapped.retryAfter().orElseThrow(), "visible through a wrapping exception");
    }

    @Test
    void retryAfterAsHttpDateAndOnServerErrorsIsHonouredTheSameWay() {
        String inTenMinutes = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(10));
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", inTenMinutes));
        RateLimitedException rl = assertThrows(RateLimitedException.class, () -> client.send(ApiRequest.get("x")));
        assertTrue(rl.retryAfter().orElseThrow().compareTo(Duration.ofMinutes(9)) > 0);

        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "600"));
        ServerErrorException se = assertThrows(ServerErrorException.class, () -> client.send(ApiRequest.get("x")));
        assertEquals(Duration.ofMinutes(10), se.retryAfter().orElseThrow());
        assertEquals(2, server.getRequestCount(), "a long 503 wait is not retried in-process either");

        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
        server.enqueue(new MockResponse().setBody("{}"));
        assertEquals(200, client.send(ApiRequest.get("x")).status());
        assertEquals(4, server.getRequestCount(), "a short 503 wait is retried");
    }

    @Test
    void asyncSendAlsoHandsLongRetryAfterToTheCaller() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        CompletionException e = assertThrows(CompletionException.class,
                () -> client.sendAsync(ApiRequest.get("x")).join());
        assertEquals(Duration.ofHours(1),
                assertInstanceOf(RateLimitedException.class, e.getCause()).retryAfter().orElseThrow());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void classifierDecidesWhatA403Means() {
        server.enqueue(new MockResponse().setResponseCode(403));
        assertThrows(AuthenticationException.class, () -> client.send(ApiRequest.get("x")), "standard: authentication");

        client.close();
        client = new ApiClient(config().statusClassifier(StatusClassifier.standard().withStatus(403, ErrorKind.REJECTED))
                .build());
        // ServiceNow: ACL, business rule or data policy refused the write
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":{\"message\":\"Operation Failed\",\"detail\":\"Data Policy Exception\"},"
                        + "\"status\":\"failure\"}"));
        RejectedException e = assertThrows(RejectedException.class,
                () -> client.send(ApiRequest.patch("table/incident/1", "{}")));
        assertEquals(403, e.status());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("Data Policy Exception"));
        assertEquals(2, server.getRequestCount(), "not retried");
        server.enqueue(new MockResponse().setResponseCode(401));
        assertThrows(AuthenticationException.class, () -> client.send(ApiRequest.get("x")), "401 unchanged");
    }

    @Test
    void rateBudgetFeedsTheClientSideLimiter() {
        client.close();
        client = new ApiClient(config().rateBudget(RateBudget.perHour(60)).callTimeout(Duration.ofMillis(200)).build());
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setBody("{}"));
        assertEquals(200, client.send(ApiRequest.get("x")).status());
        UnavailableException e = assertThrows(UnavailableException.class, () -> client.send(ApiRequest.get("x")),
                "the next permit of a 60/hour budget comes in a minute");
        assertTrue(e.getMessage().contains("client-side rate limit"));
        assertTrue(e.isRetryable());
        assertEquals(1, server.getRequestCount());
    }

    static String resource(String name) {
        try (java.io.InputStream in = ApiClientTest.class.getResourceAsStream("/dev/deskassist/core/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
