package dev.deskassist.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.http.RateLimitedException;
import dev.deskassist.core.http.ServerErrorException;
import dev.deskassist.core.http.TransportException;
import dev.deskassist.core.http.ValidationException;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleClientTest {

    static final JsonSchema SCHEMA = JsonSchema.of("answer", """
            {"type":"object","required":["x"],"properties":{"x":{"type":"integer"}}}""");

    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    OpenAiCompatibleClient.Builder builder() {
        return OpenAiCompatibleClient.builder(server.url("/v1").toString()).model("gpt-4o-mini")
                .http(c -> c.backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    static LlmRequest request() {
        return LlmRequest.builder().system("Be brief.").user("Say x.").maxTokens(50).responseSchema(SCHEMA).build();
    }

    @Test
    void sendsChatCompletionWithJsonSchemaAndBearerAndReadsTheDocumentedResponse() throws Exception {
        server.enqueue(ProviderBodies.openAiOk("{\"x\":1}"));
        try (OpenAiCompatibleClient c = builder().apiKey("sk-test").extraBody("seed", 7).build()) {
            LlmResponse r = c.completeBlocking(request(), Duration.ofSeconds(5));
            assertEquals("{\"x\":1}", r.text());
            assertEquals(412, r.usage().inputTokens());
            assertEquals(57, r.usage().outputTokens());
            assertEquals("gpt-4o-mini-2024-07-18", r.model());
            assertEquals("stop", r.finishReason());
        }
        RecordedRequest rec = server.takeRequest();
        assertEquals("/v1/chat/completions", rec.getPath());
        assertEquals("Bearer sk-test", rec.getHeader("Authorization"));
        JsonObject body = ProviderBodies.json(rec.getBody().readUtf8());
        assertEquals("gpt-4o-mini", body.getString("model"));
        assertEquals("system", body.getJsonArray("messages").getJsonObject(0).getString("role"));
        assertEquals("user", body.getJsonArray("messages").getJsonObject(1).getString("role"));
        assertEquals(50, body.getInt("max_tokens"));
        assertEquals(7, body.getInt("seed"));
        JsonObject rf = body.getJsonObject("response_format");
        assertEquals("json_schema", rf.getString("type"));
        assertEquals("answer", rf.getJsonObject("json_schema").getString("name"));
        assertTrue(rf.getJsonObject("json_schema").getBoolean("strict"));
        assertEquals("object", rf.getJsonObject("json_schema").getJsonObject("schema").getString("type"));
    }

    @Test
    void jsonObjectModeSpellsOutTheSchemaInTheSystemPrompt() throws Exception {
        server.enqueue(ProviderBodies.openAiOk("{\"x\":1}"));
        try (OpenAiCompatibleClient c = builder().structuredOutput(StructuredOutput.JSON_OBJECT).build()) {
            c.completeBlocking(request(), Duration.ofSeconds(5));
        }
        RecordedRequest rec = server.takeRequest();
        assertEquals(null, rec.getHeader("Authorization"), "no key, no header (local servers)");
        JsonObject body = ProviderBodies.json(rec.getBody().readUtf8());
        assertEquals("json_object", body.getJsonObject("response_format").getString("type"));
        String system = body.getJsonArray("messages").getJsonObject(0).getString("content");
        assertTrue(system.contains("JSON") && system.contains("\"required\":[\"x\"]"), system);
    }

    @Test
    void instructionsOnlySendsNoResponseFormat() throws Exception {
        server.enqueue(ProviderBodies.openAiOk("{\"x\":1}"));
        try (OpenAiCompatibleClient c = builder().structuredOutput(StructuredOutput.INSTRUCTIONS_ONLY).build()) {
            c.completeBlocking(request(), Duration.ofSeconds(5));
        }
        JsonObject body = ProviderBodies.json(server.takeRequest().getBody().readUtf8());
        assertFalse(body.containsKey("response_format"));
    }

    @Test
    void azureModePutsDeploymentInPathApiVersionInQueryAndKeyInApiKeyHeader() throws Exception {
        server.enqueue(ProviderBodies.openAiOk("{\"x\":1}"));
        try (OpenAiCompatibleClient c = OpenAiCompatibleClient.builder(server.url("/").toString())
                .azure("2024-10-21").model("triage-mini").apiKey("azure-key").build()) {
            assertEquals("azure-openai", c.provider());
            c.completeBlocking(request(), Duration.ofSeconds(5));
        }
        RecordedRequest rec = server.takeRequest();
        assertEquals("/openai/deployments/triage-mini/chat/completions?api-version=2024-10-21", rec.getPath());
        assertEquals("azure-key", rec.getHeader("api-key"));
        assertEquals(null, rec.getHeader("Authorization"));
        assertFalse(ProviderBodies.json(rec.getBody().readUtf8()).containsKey("model"), "Azure takes the deployment from the path");
    }

    @Test
    void honoursRetryAfterOn429ThenSucceeds() throws Exception {
        server.enqueue(ProviderBodies.error(429, "openai-error-429.json").setHeader("Retry-After", "1"));
        server.enqueue(ProviderBodies.openAiOk("{\"x\":2}"));
        try (OpenAiCompatibleClient c = builder().build()) {
            long t0 = System.nanoTime();
            LlmResponse r = c.completeBlocking(request(), Duration.ofSeconds(10));
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals("{\"x\":2}", r.text());
            assertTrue(waited >= 900, "waited " + waited + " ms for Retry-After: 1");
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void retries500TwiceThenFailsWithTypedError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ProviderBodies.error(500, "openai-error-500.json"));
        }
        try (OpenAiCompatibleClient c = builder().build()) {
            ServerErrorException e = assertThrows(ServerErrorException.class,
                    () -> c.completeBlocking(request(), Duration.ofSeconds(10)));
            assertEquals(500, e.status());
            assertEquals("server_error", e.errorCode());
        }
        assertEquals(3, server.getRequestCount(), "first attempt and 2 retries");
    }

    @Test
    void rejectedRequestIsAValidationErrorWithoutRetry() {
        server.enqueue(ProviderBodies.error(400, "openai-error-400.json"));
        try (OpenAiCompatibleClient c = builder().build()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> c.completeBlocking(request(), Duration.ofSeconds(10)));
            assertEquals("invalid_request_error", e.errorCode());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void tooLongRetryAfterFailsAtOnce() {
        server.enqueue(ProviderBodies.error(429, "openai-error-429.json").setHeader("Retry-After", "3600"));
        try (OpenAiCompatibleClient c = builder().build()) {
            RateLimitedException e = assertThrows(RateLimitedException.class,
                    () -> c.completeBlocking(request(), Duration.ofSeconds(10)));
            assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        }
    }

    @Test
    void slowServerIsATimeout() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ProviderBodies.openAiOk("{\"x\":1}").setHeadersDelay(2, TimeUnit.SECONDS));
        }
        try (OpenAiCompatibleClient c = builder().http(h -> h.readTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ofMillis(300)).maxRetries(0)).build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> c.completeBlocking(request(), Duration.ofSeconds(10)));
            assertTrue(e.isTimeout());
        }
    }

    @Test
    void responseWithoutChoicesIsAnOutputError() {
        server.enqueue(new MockResponse().setBody("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}"));
        try (OpenAiCompatibleClient c = builder().build()) {
            LlmOutputException e = assertThrows(LlmOutputException.class,
                    () -> c.completeBlocking(request(), Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("no choices"));
        }
    }

    @Test
    void extraBodyRejectsUnsupportedValues() {
        assertInstanceOf(IllegalArgumentException.class, assertThrows(IllegalArgumentException.class,
                () -> builder().extraBody("bad", new Object())));
    }
}
