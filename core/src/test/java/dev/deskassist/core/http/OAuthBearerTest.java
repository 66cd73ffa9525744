package dev.deskassist.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth bearer auth against a fake ServiceNow: {@code /oauth_token.do} answers with the documented
 * token response (servicenow_docs_oauth_token_response.json, with its access token swapped per
 * call) and the Table API accepts only the tokens it currently considers valid.
 */
class OAuthBearerTest {

    private static final String DOC_TOKEN = "2wRlsRCT2SYjCCJP91kwo2EFzj5qg4O3I3aC09e0-0hz6Ib3YK7If-LMiNorNuglfqbkL4AfkYC92KYHUCcbpQ";

    private MockWebServer server;
    private final Deque<String> issue = new ArrayDeque<>();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger apiCalls = new AtomicInteger();
    private volatile MockResponse tokenFailure;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private ApiClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/oauth_token.do")) {
                    tokenRequests.add(request);
                    if (tokenFailure != null) {
                        return tokenFailure;
                    }
                    String token;
                    synchronized (issue) {
                        token = issue.isEmpty() ? DOC_TOKEN : issue.poll();
                    }
                    return new MockResponse().setHeader("Content-Type", "application/json")
                            .setBody(ApiClientTest.resource("http/servicenow_docs_oauth_token_response.json")
                                    .replace(DOC_TOKEN, token));
                }
                apiCalls.incrementAndGet();
                String auth = request.getHeader("Authorization");
                if (auth == null || !auth.startsWith("Bearer ") || !valid.contains(auth.substring(7))) {
                    return new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                            .setBody("{\"error\":{\"message\":\"User Not Authenticated\",\"detail\":\"Required to provide Auth information\"},\"status\":\"failure\"}");
                }
                return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"result\":{}}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        server.shutdown();
    }

    private OAuthTokenEndpoint.Builder endpoint() {
        return OAuthTokenEndpoint.clientCredentials(server.url("/oauth_token.do").toString(), "my-client", "client-s3cret")
                .service("servicenow-oauth").clock(clock);
    }

    private ApiClient client(TokenSource source) {
        client = new ApiClient(ApiClientConfig.builder("servicenow", server.url("/api/now/").toString())
                .auth(Auth.oauth(source, clock)).backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .callTimeout(Duration.ofSeconds(5)).build());
        return client;
    }

    @Test
    void fetchesWithClientCredentialsOnceAndReusesTheToken() throws Exception {
        valid.add(DOC_TOKEN);
        ApiClient c = client(endpoint().scope("useraccount").build());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, c.send(ApiRequest.get("table/incident/1")).status());
        }
        assertEquals(1, tokenRequests.size());
        assertEquals(3, apiCalls.get());
        RecordedRequest t = tokenRequests.get(0);
        assertEquals("POST", t.getMethod());
        assertTrue(t.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        String form = t.getBody().readUtf8();
        assertEquals("grant_type=client_credentials&client_id=my-client&client_secret=client-s3cret&scope=useraccount",
                form);
    }

    @Test
    void refreshesShortlyBeforeExpiry() {
        valid.add(DOC_TOKEN);
        ApiClient c = client(endpoint().build());
        c.send(ApiRequest.get("table/incident/1"));
        clock.advance(Duration.ofSeconds(1799 - 61));
        c.send(ApiRequest.get("table/incident/1"));
        assertEquals(1, tokenRequests.size(), "still more than a minute left");
        clock.advance(Duration.ofSeconds(2));
        c.send(ApiRequest.get("table/incident/1"));
        assertEquals(2, tokenRequests.size(), "within a minute of expires_in 1799");
    }

    @Test
    void a401RefreshesOnceAndResendsOnceEvenAPost() {
        issue.add("revoked-token");
        issue.add("fresh-token");
        valid.add("fresh-token");
        ApiClient c = client(endpoint().build());
        assertEquals(200, c.send(ApiRequest.post("table/incident", "{\"short_description\":\"x\"}")).status());
        assertEquals(2, tokenRequests.size());
        assertEquals(2, apiCalls.get());
    }

    @Test
    void aSecond401IsAnAuthenticationFailureWithoutLooping() {
        ApiClient c = client(endpoint().build());
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> c.send(ApiRequest.get("table/incident/1")));
        assertEquals(401, e.status());
        assertEquals(2, tokenRequests.size(), "one refresh");
        assertEquals(2, apiCalls.get(), "one re-send");
        assertFalse(e.getMessage().contains(DOC_TOKEN));
    }

    @Test
    void asyncSendRefreshesOnceToo() {
        issue.add("revoked-token");
        issue.add("fresh-token");
        valid.add("fresh-token");
        ApiClient c = client(endpoint().build());
        assertEquals(200, ApiClient.await(c.sendAsync(ApiRequest.get("table/incident/1")), Duration.ofSeconds(5)).status());
        assertEquals(2, apiCalls.get());
        assertEquals(2, tokenRequests.size());
    }

    @Test
    void refusedClientCredentialsAreATypedFailureWithoutSecretsOrDescriptions() {
        tokenFailure = new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/json")
                .setBody("{\"error\":\"invalid_client\",\"error_description\":\"unknown client for jane.doe@example.com\"}");
        ApiClient c = client(endpoint().build());
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> c.send(ApiRequest.get("table/incident/1")));
        assertEquals("invalid_client", e.errorCode());
        assertEquals("servicenow-oauth", e.service());
        assertFalse(e.getMessage().contains("client-s3cret"));
        assertFalse(e.getMessage().contains("jane.doe"));
        assertEquals(0, apiCalls.get());
        assertEquals(1, tokenRequests.size(), "a refused client is not retried");
    }

    @Test
    void anUnavailableTokenServerIsRetryable() {
        tokenFailure = new MockResponse().setResponseCode(503);
        ApiClient c = client(endpoint().build());
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> c.send(ApiRequest.get("table/incident/1")));
        assertTrue(e.isRetryable());
        assertEquals(3, tokenRequests.size(), "retried like any safe call");
        assertEquals(0, apiCalls.get());
    }

    @Test
    void passwordGrantWithBasicClientAuthentication() throws Exception {
        OAuthTokenEndpoint ep = OAuthTokenEndpoint.password(server.url("/oauth_token.do").toString(), "my-client",
                "client-s3cret", "integration.user", "user-p@ss").clientAuthentication(
                OAuthTokenEndpoint.ClientAuthentication.BASIC).clock(clock).build();
        AccessToken token = ep.fetch();
        assertEquals(DOC_TOKEN, token.value());
        assertEquals(clock.instant().plusSeconds(1799), token.expiresAt());
        RecordedRequest t = tokenRequests.get(0);
        assertEquals(okhttp3.Credentials.basic("my-client", "client-s3cret"), t.getHeader("Authorization"));
        assertEquals("grant_type=password&username=integration.user&password=user-p%40ss", t.getBody().readUtf8());
        assertFalse(token.toString().contains(DOC_TOKEN));
        assertFalse(ep.toString().contains("s3cret") || ep.toString().contains("p@ss"));
    }

    @Test
    void tokenWithoutExpiryIsKeptUntilA401() {
        TokenSource source = () -> new AccessToken("forever", null);
        valid.add("forever");
        ApiClient c = client(source);
        clock.advance(Duration.ofDays(30));
        assertEquals(200, c.send(ApiRequest.get("table/incident/1")).status());
    }

    @Test
    void threadsThatSeeA401AfterSomeoneElseRefreshedDoNotFetchAgain() {
        AtomicInteger fetches = new AtomicInteger();
        TokenSource source = () -> new AccessToken("t" + fetches.incrementAndGet(), null);
        Auth auth = Auth.oauth(source, clock);
        Request.Builder first = new Request.Builder().url("https://example.org/");
        auth.apply(first);
        Request stale = first.build();
        assertTrue(auth.refreshAfterUnauthorized(stale));
        assertEquals(2, fetches.get());
        assertTrue(auth.refreshAfterUnauthorized(stale), "a second thread with the same stale token re-sends");
        assertEquals(2, fetches.get(), "without fetching a third token");
        assertFalse(auth.toString().contains("t2"));
    }

    @Test
    void fixedCredentialsDoNotRefresh() {
        assertFalse(Auth.bearer("x").refreshAfterUnauthorized(new Request.Builder().url("https://example.org/").build()));
    }

    @Test
    void tokenUrlMustBeHttpsExceptOnLoopback() {
        assertThrows(IllegalArgumentException.class,
                () -> OAuthTokenEndpoint.clientCredentials("http://acme.service-now.com/oauth_token.do", "c", "s"));
        OAuthTokenEndpoint.clientCredentials("https://acme.service-now.com/oauth_token.do", "c", "s").build();
        assertThrows(IllegalArgumentException.class,
                () -> OAuthTokenEndpoint.clientCredentials("https://acme.service-now.com/oauth_token.do", "c", " "));
    }

    @Test
    void responseWithoutAccessTokenIsRefused() {
        tokenFailure = new MockResponse().setBody("{\"token_type\":\"Bearer\",\"expires_in\":1799}");
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> endpoint().build().fetch());
        assertEquals("invalid_token_response", e.errorCode());
        tokenFailure = new MockResponse().setBody("{\"access_token\":\"x\",\"token_type\":\"mac\"}");
        assertThrows(AuthenticationException.class, () -> endpoint().build().fetch());
        tokenFailure = new MockResponse().setBody("{\"access_token\":\"x\"}");
        assertNull(endpoint().build().fetch().expiresAt());
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
