package dev.deskassist.core.adapter;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the values DeskAssist last wrote to each ticket, so that a later plan updates a field
 * only while it is empty or still holds our value: a value a human set since wins across events.
 * Keys are write keys: {@code priority}, {@code group}, {@code field:<logical name>}. The values
 * are ids and enum names, never ticket text. The pipeline's durable store implements it; the
 * in-memory one suits tests and single-shot use.
 */
public interface WriteLedger {

    /** The values last written to the ticket, by write key; empty when we never wrote. */
    Map<String, String> written(TicketRef ref);

    /** Records values just written (merged over what was recorded before). */
    void record(TicketRef ref, Map<String, String> values);

    /** A ledger held in this process's memory only. */
    static WriteLedger inMemory() {
        Map<TicketRef, Map<String, String>> all = new ConcurrentHashMap<>();
        return new WriteLedger() {
            @Override
            public Map<String, String> written(TicketRef ref) {
                return Map.copyOf(all.getOrDefault(Objects.requireNonNull(ref, "ref"), Map.of()));
            }

            @Override
            public void record(TicketRef ref, Map<String, String> values) {
                all.merge(Objects.requireNonNull(ref, "ref"), Map.copyOf(values), (a, b) -> {
                    Map<String, String> m = new java.util.HashMap<>(a);
                    m.putAll(b);
                    return Map.copyOf(m);
                });
            }
        };
    }
}
