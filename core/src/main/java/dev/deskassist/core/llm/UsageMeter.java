package dev.deskassist.core.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts LLM calls and tokens per feature, provider and model, for cost tracking: calls made,
 * answers served from the cache, failed calls and tokens in and out. Thread-safe and cheap.
 * {@link Listener}s hear each fact as it happens (metrics bind here).
 */
public final class UsageMeter {

    private static final Logger log = LoggerFactory.getLogger(UsageMeter.class);

    /** Why a feature call stayed offline without asking a model; see {@link Listener#keptOffline}. */
    public enum OfflineReason {
        /** The customer opted out of LLM processing. */
        OPTED_OUT,
        /** The ticket is sensitive and no private endpoint is configured. */
        SENSITIVE
    }

    /**
     * Hears LLM usage as it happens, on the thread that saw it; keep it quick. Feature, provider and
     * model are configuration names, never ticket data. An exception thrown here is logged and ignored.
     */
    public interface Listener {

        /** A call reached the provider and reported {@code usage} tokens. */
        default void called(String feature, String provider, String model, TokenUsage usage) {
        }

        /** An answer came from the cache, costing nothing. */
        default void cacheHit(String feature, String provider, String model) {
        }

        /** The LLM path of a feature call failed; the offline engine answered instead. */
        default void failed(String feature, String provider, String model) {
        }

        /** A feature call stayed offline before any model was asked; the offline engine answered. */
        default void keptOffline(String feature, OfflineReason reason) {
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

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

    /** Adds a listener that hears every later fact; facts recorded before are not replayed. */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** One call that reached the provider and the tokens it reported. */
    public void recordCall(String feature, String provider, String model, TokenUsage usage) {
        Counters c = of(feature, provider, model);
        c.calls.increment();
        c.in.add(usage.inputTokens());
        c.out.add(usage.outputTokens());
        tell(l -> l.called(feature, provider, model, usage));
    }

    /** One answer served from the cache, costing nothing. */
    public void recordCacheHit(String feature, String provider, String model) {
        of(feature, provider, model).hits.increment();
        tell(l -> l.cacheHit(feature, provider, model));
    }

    /** One feature call whose LLM path failed (the offline engine answered). */
    public void recordFailure(String feature, String provider, String model) {
        of(feature, provider, model).failures.increment();
        tell(l -> l.failed(feature, provider, model));
    }

    /** One feature call that stayed offline before any model was asked (not counted in the snapshot). */
    public void recordKeptOffline(String feature, OfflineReason reason) {
        Objects.requireNonNull(reason, "reason");
        tell(l -> l.keptOffline(feature, reason));
    }

    private void tell(Consumer<Listener> call) {
        for (Listener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                log.warn("usage listener failed with {}", e.getClass().getName());
            }
        }
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
