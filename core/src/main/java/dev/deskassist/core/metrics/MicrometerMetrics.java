package dev.deskassist.core.metrics;

import dev.deskassist.core.Assistance;
import dev.deskassist.core.adapter.ApplyResult;
import dev.deskassist.core.audit.WriteOutcome;
import dev.deskassist.core.llm.TokenUsage;
import dev.deskassist.core.llm.UsageMeter;
import dev.deskassist.core.model.Decision;
import dev.deskassist.core.model.Ticket;
import dev.deskassist.core.pipeline.Acceptance;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterReason;
import dev.deskassist.core.pipeline.Pipeline;
import dev.deskassist.core.pipeline.PipelineHealth;
import dev.deskassist.core.pipeline.PipelineListener;
import dev.deskassist.core.pipeline.PipelineRun;
import dev.deskassist.core.triage.TriageResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * DeskAssist's metrics in a Micrometer {@link MeterRegistry}: webhooks by outcome and reason, run
 * durations and event latency, write-back outcomes per helpdesk, triage abstentions per field and
 * escalations, LLM calls, tokens, fallbacks and an estimated cost per feature, and the pipeline's
 * health as gauges. Tag values are configuration names and fixed words (helpdesk, field, outcome,
 * reason, feature, provider, model), never ticket ids or personal data, so the number of series
 * stays bounded.
 *
 * <pre>{@code
 * MicrometerMetrics metrics = MicrometerMetrics.of(registry);
 * Pipeline pipeline = Pipeline.builder()...listener(metrics).build();
 * metrics.bindTo(pipeline);           // health gauges and totals
 * metrics.bindTo(llm.usage());        // LLM calls, tokens, fallbacks, cost
 * }</pre>
 *
 * <p>It is a {@link PipelineListener} (pass it to {@link Pipeline.Builder#listener}) and a
 * {@link UsageMeter.Listener}; its callbacks never throw.
 */
public final class MicrometerMetrics implements PipelineListener, UsageMeter.Listener {

    /** Triage fields counted when the engine gave no value. */
    private static final String[] TRIAGE_FIELDS = {"language", "sentiment", "style", "category", "priority", "group",
            "escalation"};

    private final MeterRegistry registry;
    private final LlmPrices prices;

    private MicrometerMetrics(MeterRegistry registry, LlmPrices prices) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** Metrics in {@code registry}, without a cost estimate. */
    public static MicrometerMetrics of(MeterRegistry registry) {
        return of(registry, LlmPrices.none());
    }

    /** Metrics in {@code registry}; LLM tokens are priced with {@code prices}. */
    public static MicrometerMetrics of(MeterRegistry registry, LlmPrices prices) {
        return new MicrometerMetrics(registry, prices);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Binds the pipeline's health: gauges {@code deskassist.pipeline.accepting}, {@code .store.up},
     * {@code .pending.events}, {@code .in.flight.runs}, {@code .dead.letters}, one function counter
     * {@code deskassist.pipeline.<counter>} per pipeline total, and
     * {@code deskassist.helpdesk.circuit.state} per helpdesk (0 closed, 1 open, 2 half-open, -1 unknown).
     * The values are read when the registry is scraped: the gauges from {@link Pipeline#health()}, the
     * totals and circuit states from {@link Pipeline#counter} and {@link Pipeline#circuitState}, which
     * do not ask the store (a scrape reads a dozen totals; each {@code health()} counts in the store).
     */
    public MicrometerMetrics bindTo(Pipeline pipeline) {
        Objects.requireNonNull(pipeline, "pipeline");
        gauge("deskassist.pipeline.accepting", "1 while webhooks are accepted (readiness), else 0", pipeline,
                p -> p.health().accepting() ? 1 : 0);
        gauge("deskassist.pipeline.store.up", "1 while the event store answers, else 0", pipeline,
                p -> p.health().storeUp() ? 1 : 0);
        gauge("deskassist.pipeline.pending.events",
                "Events accepted and not yet processed or dead-lettered, in the whole store (NaN: store down)",
                pipeline, p -> unknownIfNegative(p.health().pending()));
        gauge("deskassist.pipeline.in.flight.runs", "Runs going on in this process", pipeline,
                p -> p.health().inFlight());
        gauge("deskassist.pipeline.dead.letters", "Dead letters kept in the store (NaN: store down)", pipeline,
                p -> unknownIfNegative(p.health().deadLetters()));
        PipelineHealth now = pipeline.health();
        for (String counter : now.counters().keySet()) {
            FunctionCounter.builder("deskassist.pipeline." + dotted(counter), pipeline,
                            p -> p.counter(counter))
                    .description(COUNTER_HELP.getOrDefault(counter, "Pipeline total " + counter))
                    .register(registry);
        }
        for (String helpdesk : pipeline.helpdesks()) {
            Gauge.builder("deskassist.helpdesk.circuit.state", pipeline,
                            p -> circuit(p.circuitState(helpdesk)))
                    .description("Circuit breaker per helpdesk: 0 closed, 1 open, 2 half-open, -1 unknown")
                    .tag("helpdesk", helpdesk).strongReference(true).register(registry);
        }
        return this;
    }

    /** Listens to LLM usage: {@code deskassist.llm.calls}, {@code .cache.hits}, {@code .tokens}, {@code .fallbacks}, {@code .cost}. */
    public MicrometerMetrics bindTo(UsageMeter usage) {
        usage.addListener(this);
        return this;
    }

    // ---- webhooks and runs

    @Override
    public void webhookAnswered(String helpdesk, Acceptance acceptance) {
        Counter.builder("deskassist.webhooks")
                .description("Webhook calls by answer: accepted, duplicate, ignored or refused, with the reason")
                .tag("helpdesk", helpdesk == null ? "unknown" : tagValue(helpdesk))
                .tag("outcome", acceptance.outcome().name().toLowerCase(Locale.ROOT))
                .tag("reason", acceptance.reason().isEmpty() ? "none" : tagValue(acceptance.reason()))
                .register(registry).increment();
    }

    @Override
    public void processed(PipelineRun run, Ticket ticket, Assistance assistance, ApplyResult result,
                          WriteOutcome outcome) {
        String helpdesk = tagValue(run.ref().helpdesk());
        runTimer(helpdesk, "processed").record(since(run.startedAt()));
        if (run.firstReceived() != null) {
            Timer.builder("deskassist.events.latency")
                    .description("From the oldest event of a run arriving to its plan being applied")
                    .tag("helpdesk", helpdesk).register(registry).record(since(run.firstReceived()));
        }
        writeOutcome(helpdesk, outcome.name(), "none");
        TriageResult t = assistance.triage();
        Decision<?>[] decisions = {t.language(), t.sentiment(), t.style(), t.category(), t.priority(), t.group(),
                t.escalation()};
        for (int i = 0; i < decisions.length; i++) {
            if (!decisions[i].hasValue()) {
                Counter.builder("deskassist.triage.abstentions")
                        .description("Triage fields the engine gave no value for (left to a human)")
                        .tag("helpdesk", helpdesk).tag("field", TRIAGE_FIELDS[i]).register(registry).increment();
            }
        }
        if (t.escalate()) {
            Counter.builder("deskassist.triage.escalations")
                    .description("Tickets triage flagged for a human to take over")
                    .tag("helpdesk", helpdesk).tag("field", "escalation").register(registry).increment();
        }
    }

    @Override
    public void skipped(PipelineRun run, Ticket ticket, String reason) {
        runTimer(tagValue(run.ref().helpdesk()), "skipped").record(since(run.startedAt()));
    }

    @Override
    public void retryScheduled(PipelineRun run, Instant due, String failure) {
        runTimer(tagValue(run.ref().helpdesk()), "retry").record(since(run.startedAt()));
    }

    @Override
    public void deadLettered(PipelineRun run, DeadLetterEntry entry) {
        String helpdesk = tagValue(run.ref().helpdesk());
        runTimer(helpdesk, "dead_letter").record(since(run.startedAt()));
        DeadLetterReason.Kind kind = entry.reason().kind();
        writeOutcome(helpdesk, kind == DeadLetterReason.Kind.REJECTED ? WriteOutcome.REJECTED.name()
                : WriteOutcome.DEAD_LETTERED.name(), kind.name());
    }

    private Timer runTimer(String helpdesk, String result) {
        return Timer.builder("deskassist.runs")
                .description("Runs of one ticket (fetch, assist, write back) by result: processed, skipped, retry, dead_letter")
                .tag("helpdesk", helpdesk).tag("result", result).register(registry);
    }

    private void writeOutcome(String helpdesk, String outcome, String reason) {
        Counter.builder("deskassist.writeback.outcomes")
                .description("What became of the write-back per helpdesk; reason names a dead letter's kind")
                .tag("helpdesk", helpdesk).tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .tag("reason", reason.toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    private Duration since(Instant start) {
        long nowMillis = registry.config().clock().wallTime();
        long millis = nowMillis - start.toEpochMilli();
        return Duration.ofMillis(Math.max(0, millis));
    }

    // ---- LLM usage

    @Override
    public void called(String feature, String provider, String model, TokenUsage usage) {
        llmCounter("deskassist.llm.calls", "LLM calls that reached the provider", feature, provider, model)
                .increment();
        tokens(feature, provider, model, "input", usage.inputTokens());
        tokens(feature, provider, model, "output", usage.outputTokens());
        prices.price(model).ifPresent(price -> Counter.builder("deskassist.llm.cost")
                .description("Estimated cost of LLM tokens, from the configured prices")
                .baseUnit(prices.currency())
                .tag("feature", tagValue(feature)).tag("provider", tagValue(provider)).tag("model", tagValue(model))
                .register(registry).increment(price.cost(usage)));
    }

    @Override
    public void cacheHit(String feature, String provider, String model) {
        llmCounter("deskassist.llm.cache.hits", "LLM answers served from the cache, costing nothing", feature,
                provider, model).increment();
    }

    @Override
    public void failed(String feature, String provider, String model) {
        fallback(feature, "failure");
    }

    @Override
    public void keptOffline(String feature, UsageMeter.OfflineReason reason) {
        fallback(feature, reason.name().toLowerCase(Locale.ROOT));
    }

    private void fallback(String feature, String reason) {
        Counter.builder("deskassist.llm.fallbacks")
                .description("Feature calls the offline engine answered instead of the LLM: failure, opted_out, sensitive")
                .tag("feature", tagValue(feature)).tag("reason", reason).register(registry).increment();
    }

    private void tokens(String feature, String provider, String model, String kind, long n) {
        Counter.builder("deskassist.llm.tokens").description("LLM tokens as the provider reported them")
                .baseUnit("tokens")
                .tag("feature", tagValue(feature)).tag("provider", tagValue(provider)).tag("model", tagValue(model))
                .tag("kind", kind).register(registry).increment(n);
    }

    private Counter llmCounter(String name, String help, String feature, String provider, String model) {
        return Counter.builder(name).description(help)
                .tag("feature", tagValue(feature)).tag("provider", tagValue(provider)).tag("model", tagValue(model))
                .register(registry);
    }

    // ---- helpers

    private static final Map<String, String> COUNTER_HELP = new LinkedHashMap<>();

    static {
        COUNTER_HELP.put("accepted", "Webhook deliveries verified and persisted");
        COUNTER_HELP.put("duplicates", "Webhook deliveries recognised as already accepted");
        COUNTER_HELP.put("ignored", "Authentic webhook deliveries with nothing to do (own updates, other events)");
        COUNTER_HELP.put("unauthenticated", "Webhook calls refused as unsigned, badly signed, stale or replayed");
        COUNTER_HELP.put("malformed", "Webhook calls refused as unreadable, too large or too deeply nested");
        COUNTER_HELP.put("unknownHelpdesk", "Webhook calls for a helpdesk no adapter serves");
        COUNTER_HELP.put("unavailable", "Webhook calls answered 503 (stopping, or the store could not persist)");
        COUNTER_HELP.put("processed", "Runs that applied their plan, or found nothing to change");
        COUNTER_HELP.put("retried", "Runs that failed transiently and were scheduled again");
        COUNTER_HELP.put("waited", "Runs not attempted because the helpdesk's circuit was open");
        COUNTER_HELP.put("deadLettered", "Runs given up and kept as dead letters");
        COUNTER_HELP.put("polled", "Changed tickets a poller found and enqueued");
    }

    private void gauge(String name, String help, Pipeline pipeline, ToDoubleFunction<Pipeline> value) {
        Gauge.builder(name, pipeline, value).description(help).strongReference(true).register(registry);
    }

    private static double unknownIfNegative(long v) {
        // the pipeline reports -1 when the store does not answer: unknown, not a count
        return v < 0 ? Double.NaN : v;
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

    /** {@code deadLettered} → {@code dead.lettered}: Micrometer's naming conventions then make it {@code dead_lettered}. */
    static String dotted(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", ".");
    }

    /** Compiled once: {@link #tagValue} runs several times for every webhook, run and LLM call. */
    private static final Pattern UNUSUAL = Pattern.compile("[^a-z0-9_.:/-]+");

    /**
     * A tag value made of configuration names or fixed words: lower case, spaces and anything
     * unusual as {@code _}, at most 64 characters, so that no odd input widens a label.
     */
    static String tagValue(String s) {
        if (s == null || s.isBlank()) {
            return "none";
        }
        String v = UNUSUAL.matcher(s.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
        return v.length() > 64 ? v.substring(0, 64) : v;
    }
}
