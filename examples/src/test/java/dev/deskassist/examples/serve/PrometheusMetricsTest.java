package dev.deskassist.examples.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.llm.TokenUsage;
import dev.deskassist.core.llm.UsageMeter;
import dev.deskassist.core.metrics.LlmPrices;
import org.junit.jupiter.api.Test;

/** The Prometheus names of the LLM meters, as the README lists them. */
class PrometheusMetricsTest {

    @Test
    void llmUsageInPrometheusText() {
        UsageMeter usage = new UsageMeter();
        PrometheusMetrics m = new PrometheusMetrics(LlmPrices.builder("usd").model("gpt-4o-mini", 0.15, 0.60).build());
        m.bind(usage);
        usage.recordCall("triage", "openai", "gpt-4o-mini", new TokenUsage(1_000_000, 0));
        usage.recordCacheHit("triage", "openai", "gpt-4o-mini");
        usage.recordFailure("draft", "openai", "gpt-4o");
        usage.recordKeptOffline("draft", UsageMeter.OfflineReason.SENSITIVE);
        String text = m.scrape();
        String tags = "{feature=\"triage\",model=\"gpt-4o-mini\",provider=\"openai\"}";
        for (String sample : new String[] {
                "deskassist_llm_calls_total" + tags + " 1.0",
                "deskassist_llm_cache_hits_total" + tags + " 1.0",
                "deskassist_llm_tokens_total{feature=\"triage\",kind=\"input\",model=\"gpt-4o-mini\",provider=\"openai\"} 1000000.0",
                "deskassist_llm_cost_usd_total" + tags + " 0.15",
                "deskassist_llm_fallbacks_total{feature=\"draft\",reason=\"failure\"} 1.0",
                "deskassist_llm_fallbacks_total{feature=\"draft\",reason=\"sensitive\"} 1.0"}) {
            assertTrue(text.contains("\n" + sample + "\n"), sample + " in\n" + text);
        }
        assertTrue(text.contains("\njvm_memory_used_bytes{"), "JVM meters");
    }
}
