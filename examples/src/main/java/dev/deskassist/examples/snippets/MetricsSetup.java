package dev.deskassist.examples.snippets;

import dev.deskassist.core.DeskAssist;
import dev.deskassist.core.adapter.HelpdeskAdapter;
import dev.deskassist.core.adapter.LoopGuard;
import dev.deskassist.core.llm.LlmEngines;
import dev.deskassist.core.metrics.LlmPrices;
import dev.deskassist.core.metrics.MicrometerMetrics;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.core.pipeline.Pipeline;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The README's metrics section: DeskAssist's meters in a Micrometer registry. */
final class MetricsSetup {

    private MetricsSetup() {
    }

    static Pipeline pipeline(HelpdeskAdapter zendesk, LoopGuard guard, DeskAssist assist, EventStore store,
                             LlmEngines llm) {
        // tag::metrics-binding[]
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);   // or your application's
        MicrometerMetrics metrics = MicrometerMetrics.of(registry, LlmPrices.builder("usd")
                .model("gpt-4o-mini", 0.15, 0.60)          // per million input, output tokens: your provider's prices
                .build());
        Pipeline pipeline = Pipeline.builder()
                .adapter(zendesk, guard)
                .assist(assist)
                .store(store)
                .listener(metrics)                         // webhooks, runs, write-back outcomes, triage
                .build();
        metrics.bindTo(pipeline);                          // pending, in flight, dead letters, circuits, totals
        metrics.bindTo(llm.usage());                       // LLM calls, tokens, fallbacks, cost
        // end::metrics-binding[]
        return pipeline;
    }
}
