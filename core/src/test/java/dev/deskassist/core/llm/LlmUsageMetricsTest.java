package dev.deskassist.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.deskassist.core.metrics.LlmPrices;
import dev.deskassist.core.metrics.MicrometerMetrics;
import dev.deskassist.core.privacy.InMemoryConsentRegistry;
import dev.deskassist.core.triage.Triage;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LLM usage as metrics, through the real engines against a mock provider. */
class LlmUsageMetricsTest {

    MockWebServer server;
    OpenAiCompatibleClient client;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = OpenAiCompatibleClient.builder(server.url("/v1").toString()).model("gpt-4o-mini")
                .http(c -> c.backoff(Duration.ofMillis(1), Duration.ofMillis(5)).maxRetries(0)).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void callsTokensCacheHitsFallbacksAndCostPerFeature() {
        InMemoryConsentRegistry consent = new InMemoryConsentRegistry();
        LlmEngines llm = new LlmEngines(LlmSettings.builder().consent(consent)
                .triage(FeatureConfig.llm(client).timeout(Duration.ofSeconds(5)).build()).build());
        MicrometerMetrics.of(registry, LlmPrices.builder("USD").model("gpt-4o-mini", 0.15, 0.60).build())
                .bindTo(llm.usage());
        Triage triage = llm.triage(TestDoubles.OFFLINE_TRIAGE, TestDoubles.TAXONOMY);

        server.enqueue(ProviderBodies.openAiOk(LlmTriageTest.SHIPPING));
        triage.triage(LlmTriageTest.parcel());
        triage.triage(LlmTriageTest.parcel());                      // from the cache
        server.enqueue(ProviderBodies.error(500, "openai-error-500.json"));
        triage.triage(TestDoubles.ticket("2", "Rechnung", "Meine Rechnung ist falsch, bitte korrigieren."));
        consent.optOut("jana.schmidt@example.de");
        triage.triage(LlmTriageTest.parcel());                      // stays offline, no call

        String[] model = {"feature", "triage", "provider", "openai", "model", "gpt-4o-mini"};
        assertEquals(1, registry.get("deskassist.llm.calls").tags(model).counter().count());
        assertEquals(1, registry.get("deskassist.llm.cache.hits").tags(model).counter().count());
        assertEquals(412, registry.get("deskassist.llm.tokens").tags(model).tag("kind", "input").counter().count());
        assertEquals(57, registry.get("deskassist.llm.tokens").tags(model).tag("kind", "output").counter().count());
        assertEquals((412 * 0.15 + 57 * 0.60) / 1_000_000, registry.get("deskassist.llm.cost").tags(model).counter()
                .count(), 1e-12);
        assertEquals("usd", registry.get("deskassist.llm.cost").counter().getId().getBaseUnit());
        assertEquals(1, registry.get("deskassist.llm.fallbacks").tags("feature", "triage", "reason", "failure")
                .counter().count());
        assertEquals(1, registry.get("deskassist.llm.fallbacks").tags("feature", "triage", "reason", "opted_out")
                .counter().count());
        for (Meter m : registry.getMeters()) {
            for (Tag t : m.getId().getTags()) {
                assertFalse(t.getValue().contains("@") || t.getValue().contains("jana"), m.getId().toString());
            }
        }
    }
}
