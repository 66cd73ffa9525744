package dev.deskassist.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deskassist.core.llm.TokenUsage;
import dev.deskassist.core.llm.UsageMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {

    @Test
    void circuitStatesAsNumbers() {
        assertEquals(0, MicrometerMetrics.circuit("CLOSED"));
        assertEquals(0, MicrometerMetrics.circuit("DISABLED"));
        assertEquals(1, MicrometerMetrics.circuit("FORCED_OPEN"));
        assertEquals(2, MicrometerMetrics.circuit("half_open"));
        assertEquals(-1, MicrometerMetrics.circuit("UNKNOWN"));
        assertEquals(-1, MicrometerMetrics.circuit(null));
    }

    @Test
    void namesAndTagValuesStayTame() {
        assertEquals("dead.lettered", MicrometerMetrics.dotted("deadLettered"));
        assertEquals("unknown.helpdesk", MicrometerMetrics.dotted("unknownHelpdesk"));
        assertEquals("json_nested_too_deeply", MicrometerMetrics.tagValue("JSON nested too deeply"));
        assertEquals("qwen/qwen2.5-14b-instruct", MicrometerMetrics.tagValue("Qwen/Qwen2.5-14B-Instruct"));
        assertEquals("none", MicrometerMetrics.tagValue(" "));
        assertEquals(64, MicrometerMetrics.tagValue("x".repeat(500)).length());
    }

    @Test
    void aModelWithoutAPriceAddsNoCostAndAFailingListenerDoesNotStopOthers() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        UsageMeter usage = new UsageMeter();
        usage.addListener(new UsageMeter.Listener() {
            @Override
            public void called(String feature, String provider, String model, TokenUsage u) {
                throw new IllegalStateException("broken listener");
            }
        });
        MicrometerMetrics.of(registry, LlmPrices.builder("eur").model("priced", 1.0, 2.0).build()).bindTo(usage);
        usage.recordCall("draft", "vllm", "unpriced", new TokenUsage(1000, 1000));
        usage.recordCall("draft", "vllm", "priced", new TokenUsage(500_000, 250_000));
        assertEquals(1.0, registry.get("deskassist.llm.cost").counter().count(), 1e-9);
        assertEquals(2, registry.get("deskassist.llm.calls").counters().size());
        assertEquals(new TokenUsage(501_000, 251_000), usage.total(), "the meter counts on behind a failing listener");
        assertThrows(IllegalArgumentException.class, () -> LlmPrices.builder("dollars").build());
        assertThrows(IllegalArgumentException.class, () -> LlmPrices.builder("usd").model("m", -1, 0));
    }
}
