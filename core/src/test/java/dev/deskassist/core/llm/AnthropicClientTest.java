package dev.deskassist.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.http.ServerErrorException;
import jakarta.json.JsonObject;
import java.time.Duration;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTest {

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

    AnthropicClient.Builder builder() {
        return AnthropicClient.builder(server.url("/").toString()).apiKey("sk-ant-test").model("claude-3-5-haiku-latest")
                .http(c -> c.backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    static LlmRequest request() {
        return LlmRequest.builder().system("Classify.").user("Ticket text").maxTokens(300)
                .responseSchema(JsonSchema.of("triage", "{\"type\":\"object\",\"required\":[\"category\"],"
                        + "\"properties\":{\"category\":{\"type\":\"string\"}}}")).build();
    }

    @Test
    void forcedToolCarriesTheSchemaAndToolInputIsTheAnswer() throws Exception {
        server.enqueue(ProviderBodies.ok(ProviderBodies.anthropicTool("triage", "{\"category\":\"billing\"}")));
        try (AnthropicClient c = builder().build()) {
            LlmResponse r = c.completeBlocking(request(), Duration.ofSeconds(5));
            assertEquals("billing", ProviderBodies.json(r.text()).getString("category"));
            assertEquals(502, r.usage().inputTokens());
            assertEquals(71, r.usage().outputTokens());
            assertEquals("tool_use", r.finishReason());
            assertEquals("claude-3-5-haiku-20241022", r.model());
        }
        RecordedRequest rec = server.takeRequest();
        assertEquals("/v1/messages", rec.getPath());
        assertEquals("sk-ant-test", rec.getHeader("x-api-key"));
        assertEquals("2023-06-01", rec.getHeader("anthropic-version"));
        JsonObject body = ProviderBodies.json(rec.getBody().readUtf8());
        assertEquals(300, body.getInt("max_tokens"));
        assertTrue(body.getString("system").startsWith("Classify."), "system prompt is top-level");
        assertEquals(1, body.getJsonArray("messages").size());
        assertEquals("user", body.getJsonArray("messages").getJsonObject(0).getString("role"));
        assertEquals("triage", body.getJsonArray("tools").getJsonObject(0).getString("name"));
        assertEquals("object", body.getJsonArray("tools").getJsonObject(0).getJsonObject("input_schema").getString("type"));
        assertEquals("tool", body.getJsonObject("tool_choice").getString("type"));
        assertEquals("triage", body.getJsonObject("tool_choice").getString("name"));
    }

    @Test
    void instructionsOnlyReadsTextBlocks() throws Exception {
        server.enqueue(ProviderBodies.ok(ProviderBodies.anthropicText("{\"category\":\"shipping\"}")));
        try (AnthropicClient c = builder().structuredOutput(StructuredOutput.INSTRUCTIONS_ONLY).build()) {
            LlmResponse r = c.completeBlocking(request(), Duration.ofSeconds(5));
            assertEquals("{\"category\":\"shipping\"}", r.text());
            assertEquals("end_turn", r.finishReason());
        }
        JsonObject body = ProviderBodies.json(server.takeRequest().getBody().readUtf8());
        assertFalse(body.containsKey("tools"));
        assertTrue(body.getString("system").contains("\"required\":[\"category\"]"));
    }

    @Test
    void overloadedIsRetriedThenTyped() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ProviderBodies.error(529, "anthropic-error-overloaded.json"));
        }
        try (AnthropicClient c = builder().build()) {
            ServerErrorException e = assertThrows(ServerErrorException.class,
                    () -> c.completeBlocking(request(), Duration.ofSeconds(10)));
            assertEquals(529, e.status());
            assertEquals("overloaded_error", e.errorCode());
        }
        assertEquals(3, server.getRequestCount());
    }
}
