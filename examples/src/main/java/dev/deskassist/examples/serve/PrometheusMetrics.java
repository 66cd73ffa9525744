package dev.deskassist.examples.serve;

import dev.deskassist.core.pipeline.PipelineHealth;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link PipelineHealth} snapshot as Prometheus text exposition (format 0.0.4), for
 * {@code GET /metrics}: the pipeline's gauges, one {@code _total} counter per pipeline counter,
 * and each helpdesk's circuit state as a number. Values are ids and counts only.
 *
 * <pre>
 * deskassist_pipeline_pending_events 3
 * deskassist_pipeline_accepted_total 120
 * deskassist_helpdesk_circuit_state{helpdesk="zendesk"} 0
 * </pre>
 */
public final class PrometheusMetrics {

    /** What each known counter counts; a counter not listed here is still exported, with a generic help. */
    private static final Map<String, String> COUNTER_HELP = Map.ofEntries(
            Map.entry("accepted", "Webhook deliveries verified and persisted"),
            Map.entry("duplicates", "Webhook deliveries recognised as already accepted"),
            Map.entry("ignored", "Authentic webhook deliveries with nothing to do (own updates, other events)"),
            Map.entry("unauthenticated", "Webhook calls refused as unsigned, badly signed, stale or replayed"),
            Map.entry("malformed", "Webhook calls refused as unreadable, too large or too deeply nested"),
            Map.entry("unknownHelpdesk", "Webhook calls for a helpdesk no adapter serves"),
            Map.entry("unavailable", "Webhook calls answered 503 (stopping, or the store could not persist)"),
            Map.entry("processed", "Runs that applied their plan, or found nothing to change"),
            Map.entry("retried", "Runs that failed transiently and were scheduled again"),
            Map.entry("waited", "Runs not attempted because the helpdesk's circuit was open"),
            Map.entry("deadLettered", "Runs given up and kept as dead letters"));

    private PrometheusMetrics() {
    }

    /** The exposition text, one metric family after another, each with HELP and TYPE. */
    public static String text(PipelineHealth h) {
        StringBuilder out = new StringBuilder(2048);
        gauge(out, "deskassist_pipeline_accepting", "1 while webhooks are accepted (readiness), else 0",
                h.accepting() ? 1 : 0);
        gauge(out, "deskassist_pipeline_store_up", "1 while the event store answers, else 0", h.storeUp() ? 1 : 0);
        gauge(out, "deskassist_pipeline_pending_events",
                "Events accepted and not yet processed or dead-lettered, in the whole store (NaN: store down)",
                h.pending());
        gauge(out, "deskassist_pipeline_in_flight_runs", "Runs going on in this process", h.inFlight());
        gauge(out, "deskassist_pipeline_dead_letters", "Dead letters kept in the store (NaN: store down)",
                h.deadLetters());
        new TreeMap<>(h.counters()).forEach((name, value) -> {
            String metric = "deskassist_pipeline_" + snake(name) + "_total";
            header(out, metric, COUNTER_HELP.getOrDefault(name, "Pipeline counter " + snake(name)), "counter");
            out.append(metric).append(' ').append(value).append('\n');
        });
        if (!h.circuits().isEmpty()) {
            header(out, "deskassist_helpdesk_circuit_state",
                    "Circuit breaker per helpdesk: 0 closed, 1 open, 2 half-open, -1 unknown", "gauge");
            new TreeMap<>(h.circuits()).forEach((helpdesk, state) -> out.append("deskassist_helpdesk_circuit_state")
                    .append("{helpdesk=\"").append(label(helpdesk)).append("\"} ").append(circuit(state)).append('\n'));
        }
        return out.toString();
    }

    /** CLOSED 0, OPEN 1, HALF_OPEN 2, as Resilience4j names them; anything else -1. */
    static int circuit(String state) {
        if (state == null) {
            return -1;
        }
        return switch (state.toUpperCase(Locale.ROOT)) {
            case "CLOSED", "DISABLED", "METRICS_ONLY" -> 0;
            case "OPEN", "FORCED_OPEN" -> 1;
            case "HALF_OPEN" -> 2;
            default -> -1;
        };
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        header(out, name, help, "gauge");
        // the pipeline reports -1 when the store does not answer: unknown, not a count
        out.append(name).append(' ').append(value < 0 ? "NaN" : Long.toString(value)).append('\n');
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** {@code deadLettered} → {@code dead_lettered}; anything outside [a-z0-9_] becomes {@code _}. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
