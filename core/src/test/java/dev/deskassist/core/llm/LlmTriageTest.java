package dev.deskassist.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.model.Priority;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.privacy.InMemoryConsentRegistry;
import dev.deskassist.core.privacy.SensitivityPolicy;
import dev.deskassist.core.triage.Triage;
import dev.deskassist.core.triage.TriageResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmTriageTest {

    static final String SHIPPING = "{\"category\":\"shipping\",\"priority\":\"normal\",\"escalate\":false,"
            + "\"confidence\":0.8,\"reasons\":[\"parcel is late\"]}";

    MockWebServer server;
    OpenAiCompatibleClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = OpenAiCompatibleClient.builder(server.url("/v1").toString()).model("gpt-4o-mini")
                .http(c -> c.backoff(Duration.ofMillis(1), Duration.ofMillis(5))).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    LlmEngines engines(LlmSettings.Builder b) {
        return new LlmEngines(b.triage(FeatureConfig.llm(client).timeout(Duration.ofSeconds(5)).build()).build());
    }

    Triage triage() {
        return engines(LlmSettings.builder()).triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY);
    }

    static Ticket parcel() {
        return TestDoubles.ticket("1", "Paket fehlt", "Hallo, mein Paket ist seit einer Woche nicht da. Bitte helfen Sie mir.");
    }

    @Test
    void modelChoosesCategoryWithReasonsAndDecidedBy() throws Exception {
        server.enqueue(ProviderBodies.openAiOk(SHIPPING));
        TriageResult r = triage().triage(parcel());
        assertEquals("shipping", r.category().value());
        assertEquals("llm:openai/gpt-4o-mini@triage-v1", r.category().decidedBy());
        assertTrue(r.category().confidence() >= 0.6 && r.category().confidence() <= 0.9, "" + r.category().confidence());
        assertTrue(r.category().reasons().stream().anyMatch(s -> s.contains("offline engine agrees")), r.category().reasons().toString());
        assertEquals(Priority.NORMAL, r.priority().value());
        assertEquals("de", r.languageCode(), "language comes from the offline engine");
        String body = server.takeRequest().getBody().readUtf8();
        assertTrue(body.contains("<ticket>") && body.contains("shipping: delivery"), "taxonomy and delimited ticket in prompt");
    }

    @Test
    void categoryOutsideTaxonomyAbstains() {
        server.enqueue(ProviderBodies.openAiOk(SHIPPING.replace("shipping", "logistics")));
        TriageResult r = triage().triage(parcel());
        assertTrue(r.needsHumanTriage());
        assertTrue(r.category().reasons().contains("LLM proposed a category outside the taxonomy; abstained"));
    }

    @Test
    void modelConfidenceIsClampedAndCapped() {
        server.enqueue(ProviderBodies.openAiOk(SHIPPING.replace("0.8", "7.5")));
        assertEquals(0.9, triage().triage(parcel()).category().confidence(), 1e-9);
    }

    @Test
    void serverErrorFallsBackToOfflineWithReason() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ProviderBodies.error(500, "openai-error-500.json"));
        }
        LlmEngines e = engines(LlmSettings.builder());
        TriageResult r = e.triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY).triage(parcel());
        assertEquals("shipping", r.category().value());
        assertEquals("offline", r.category().decidedBy());
        assertTrue(r.category().reasons().contains(
                "LLM unavailable (openai: HTTP 500 after 2 retries); offline engine answered"), r.category().reasons().toString());
        assertEquals(1, e.usage().snapshot().get(0).failures());
    }

    @Test
    void proseTwiceIsATypedFailureAndFallsBack() {
        server.enqueue(ProviderBodies.openAiOk("The ticket is about a missing parcel."));
        server.enqueue(ProviderBodies.openAiOk("Sorry, it is about shipping."));
        TriageResult r = triage().triage(parcel());
        assertEquals("offline", r.category().decidedBy());
        assertTrue(r.category().reasons().stream().anyMatch(s -> s.startsWith("LLM answer rejected (openai: the reply was prose")),
                r.category().reasons().toString());
        assertEquals(2, server.getRequestCount(), "one repair, not more");
    }

    @Test
    void truncatedJsonIsRepairedOnce() throws Exception {
        server.enqueue(ProviderBodies.ok(ProviderBodies.openAi("{\"category\":\"shipping\",\"prio", "length")));
        server.enqueue(ProviderBodies.openAiOk("```json\n" + SHIPPING + "\n```"));
        TriageResult r = triage().triage(parcel());
        assertEquals("shipping", r.category().value());
        assertTrue(r.category().reasons().contains("first answer was unusable; repaired once"));
        server.takeRequest();
        String repair = server.takeRequest().getBody().readUtf8();
        assertTrue(repair.contains("cut off"), "the repair says what was wrong");
    }

    @Test
    void timeoutFallsBack() {
        server.enqueue(ProviderBodies.openAiOk(SHIPPING).setHeadersDelay(1, TimeUnit.SECONDS));
        LlmEngines e = new LlmEngines(LlmSettings.builder()
                .triage(FeatureConfig.llm(client).timeout(Duration.ofMillis(300)).build()).build());
        TriageResult r = e.triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY).triage(parcel());
        assertTrue(r.category().reasons().contains("LLM unavailable (openai: no answer within 300 ms); offline engine answered"),
                r.category().reasons().toString());
    }

    @Test
    void identicalRequestIsServedFromCacheAndTokensAreMetered() {
        server.enqueue(ProviderBodies.openAiOk(SHIPPING));
        LlmEngines e = engines(LlmSettings.builder());
        Triage t = e.triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY);
        t.triage(parcel());
        TriageResult second = t.triage(parcel());
        assertEquals(1, server.getRequestCount());
        assertTrue(second.category().reasons().contains("answer served from cache"));
        UsageMeter.Usage u = e.usage().snapshot().get(0);
        assertEquals(List.of("triage", "openai", "gpt-4o-mini"), List.of(u.feature(), u.provider(), u.model()));
        assertEquals(1, u.calls());
        assertEquals(1, u.cacheHits());
        assertEquals(412, u.inputTokens());
        assertEquals(57, u.outputTokens());

        assertEquals(1, e.erase("JANA.SCHMIDT@example.de "), "erasure finds the entry by e-mail, any case");
        assertEquals(0, e.cachedAnswers());
    }

    @Test
    void optedOutCustomerNeverReachesTheModel() {
        InMemoryConsentRegistry consent = new InMemoryConsentRegistry();
        consent.optOut("jana.schmidt@example.de");
        TriageResult r = engines(LlmSettings.builder().consent(consent))
                .triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY).triage(parcel());
        assertEquals(0, server.getRequestCount());
        assertTrue(r.category().reasons().contains("customer opted out of LLM processing; offline engine answered"));
    }

    @Test
    void sensitiveTicketWithoutPrivateEndpointStaysOffline() {
        Ticket legal = TestDoubles.ticket("3", "Kündigung", "Mein Anwalt wird sich melden, ich kündige den Vertrag.");
        TriageResult r = triage().triage(legal);
        assertEquals(0, server.getRequestCount());
        assertTrue(r.category().reasons().contains(
                "sensitive: legal and no private endpoint is configured; offline engine answered"),
                r.category().reasons().toString());
    }

    @Test
    void sensitiveTicketGoesOnlyToThePrivateEndpoint() throws Exception {
        try (MockWebServer priv = new MockWebServer();
             OpenAiCompatibleClient privateClient = OpenAiCompatibleClient.builder(priv.url("/v1").toString())
                     .provider("vllm-private").model("qwen2.5-7b").build()) {
            priv.enqueue(ProviderBodies.openAiOk(SHIPPING.replace("shipping", "legal")));
            Ticket health = TestDoubles.ticket("4", "Rückgabe", "Ich war im Krankenhaus und konnte das Paket nicht annehmen.");
            LlmEngines e = new LlmEngines(LlmSettings.builder().sensitivity(SensitivityPolicy.defaults())
                    .triage(FeatureConfig.llm(client).privateClient(privateClient).build()).build());
            TriageResult r = e.triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY).triage(health);
            assertEquals(0, server.getRequestCount(), "public endpoint untouched");
            assertEquals(1, priv.getRequestCount());
            assertEquals("llm:vllm-private/qwen2.5-7b@triage-v1", r.category().decidedBy());
            assertTrue(r.category().reasons().contains("sensitive: health; sent only to the private endpoint vllm-private"),
                    r.category().reasons().toString());
        }
    }

    @Test
    void openCircuitFallsBackWithoutCallingTheServer() {
        try (OpenAiCompatibleClient fragile = OpenAiCompatibleClient.builder(server.url("/v1").toString()).model("m")
                .http(c -> c.maxRetries(0).circuitBreaker(50f, 2, Duration.ofMinutes(1))).build()) {
            server.enqueue(ProviderBodies.error(500, "openai-error-500.json"));
            server.enqueue(ProviderBodies.error(500, "openai-error-500.json"));
            Triage t = new LlmEngines(LlmSettings.builder().triage(FeatureConfig.llm(fragile).build()).build())
                    .triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY);
            t.triage(parcel());
            t.triage(parcel());
            TriageResult third = t.triage(parcel());
            assertEquals(2, server.getRequestCount());
            assertTrue(third.category().reasons().contains("LLM unavailable (openai: circuit open); offline engine answered"),
                    third.category().reasons().toString());
            assertEquals("OPEN", fragile.circuitState());
        }
    }

    @Test
    void anthropicToolAnswerDrivesTriage() throws Exception {
        try (AnthropicClient claude = AnthropicClient.builder(server.url("/").toString()).apiKey("k")
                .model("claude-3-5-haiku-latest").build()) {
            server.enqueue(ProviderBodies.ok(ProviderBodies.anthropicTool("triage", SHIPPING)));
            TriageResult r = new LlmEngines(LlmSettings.builder().triage(FeatureConfig.llm(claude).build()).build())
                    .triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY).triage(parcel());
            assertEquals("shipping", r.category().value());
            assertEquals("llm:anthropic/claude-3-5-haiku-latest@triage-v1", r.category().decidedBy());
            assertEquals("/v1/messages", server.takeRequest().getPath());
        }
    }

    @Test
    void offlineModeReturnsTheOfflineEngine() {
        LlmEngines e = new LlmEngines(LlmSettings.builder().build());
        assertEquals(TestDoubles.OFFLINE_TRIAGE, e.triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY));
        assertNull(new LlmEngines(LlmSettings.builder().drafting(FeatureConfig.off()).build())
                .drafting(TestDoubles.OFFLINE_DRAFTING, TestDoubles.RETRIEVER, TestDoubles.GUARDRAILS, TestDoubles.DETECTOR, null));
        assertFalse(server.getRequestCount() > 0);
    }
}
