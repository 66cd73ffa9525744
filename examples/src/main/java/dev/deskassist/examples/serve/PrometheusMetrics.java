package dev.deskassist.examples.serve;

import dev.deskassist.core.llm.UsageMeter;
import dev.deskassist.core.metrics.LlmPrices;
import dev.deskassist.core.metrics.MicrometerMetrics;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.pipeline.PipelineListener;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What {@code serve} exposes at {@code GET /metrics}: a {@link PrometheusMeterRegistry} holding
 * core's {@link MicrometerMetrics} (webhooks, runs, write-back outcomes, triage, LLM usage and the
 * pipeline's health) and a few JVM and process meters. Values are ids, names and counts only.
 *
 * <pre>
 * deskassist_pipeline_pending_events 3.0
 * deskassist_pipeline_accepted_total 120.0
 * deskassist_webhooks_total{helpdesk="zendesk",outcome="duplicate",reason="none"} 4.0
 * deskassist_helpdesk_circuit_state{helpdesk="zendesk"} 0.0
 * </pre>
 */
public final class PrometheusMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerMetrics metrics;

    /** Without LLM prices: no cost estimate. */
    public PrometheusMetrics() {
        this(LlmPrices.none());
    }

    /** LLM tokens priced with {@code prices} for {@code deskassist_llm_cost_<currency>_total}. */
    public PrometheusMetrics(LlmPrices prices) {
        metrics = MicrometerMetrics.of(registry, prices);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The listener to build the pipeline with. */
    public PipelineListener listener() {
        return metrics;
    }

    /** Binds the built pipeline's health (gauges and totals). */
    public PrometheusMetrics bind(Pipeline pipeline) {
        metrics.bindTo(pipeline);
        return this;
    }

    /** Binds LLM usage, when an LLM engine runs. */
    public PrometheusMetrics bind(UsageMeter usage) {
        metrics.bindTo(usage);
        return this;
    }

    /** The exposition text, Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
