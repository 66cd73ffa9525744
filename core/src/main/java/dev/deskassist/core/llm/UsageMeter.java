package dev.deskassist.core.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts LLM calls and tokens per feature, provider and model, for cost tracking: calls made,
 * answers served from the cache, failed calls and tokens in and out. Thread-safe and cheap.
 */
public final class UsageMeter {

    /** Counts of one feature on one provider and model at the time of a {@link #snapshot()}. */
    public record Usage(String feature, String provider, String model, long calls, long cacheHits, long failures,
                        long inputTokens, long outputTokens) {
    }

    private record Key(String feature, String provider, String model) {
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder hits = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder in = new LongAdder();
        final LongAdder out = new LongAdder();
    }

    private final Map<Key, Counters> counters = new ConcurrentHashMap<>();

    private Counters of(String feature, String provider, String model) {
        return counters.computeIfAbsent(new Key(feature, provider, model), k -> new Counters());
    }

    /** One call that reached the provider and the tokens it reported. */
    public void recordCall(String feature, String provider, String model, TokenUsage usage) {
        Counters c = of(feature, provider, model);
        c.calls.increment();
        c.in.add(usage.inputTokens());
        c.out.add(usage.outputTokens());
    }

    /** One answer served from the cache, costing nothing. */
    public void recordCacheHit(String feature, String provider, String model) {
        of(feature, provider, model).hits.increment();
    }

    /** One feature call whose LLM path failed (the offline engine answered). */
    public void recordFailure(String feature, String provider, String model) {
        of(feature, provider, model).failures.increment();
    }

    /** The counts so far, sorted by feature, provider and model. */
    public List<Usage> snapshot() {
        List<Usage> out = new ArrayList<>();
        counters.forEach((k, c) -> out.add(new Usage(k.feature(), k.provider(), k.model(), c.calls.sum(), c.hits.sum(),
                c.failures.sum(), c.in.sum(), c.out.sum())));
        out.sort(Comparator.comparing(Usage::feature).thenComparing(Usage::provider).thenComparing(Usage::model));
        return out;
    }

    /** Input and output tokens summed over everything. */
    public TokenUsage total() {
        long in = 0;
        long out = 0;
        for (Counters c : counters.values()) {
            in += c.in.sum();
            out += c.out.sum();
        }
        return new TokenUsage(in, out);
    }
}
