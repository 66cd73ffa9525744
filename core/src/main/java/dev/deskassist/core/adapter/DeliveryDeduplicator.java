package dev.deskassist.core.adapter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;

/**
 * Remembers webhook deliveries for a time window so that a redelivered event (helpdesks retry,
 * and some deliver twice) is processed once. Keys are the delivery id a {@link TicketEvent}
 * carries: the helpdesk's invocation or event id, or a payload hash when it sends none.
 * Bounded in size (oldest forgotten first) and thread-safe.
 *
 * <p>A caller that accepted a delivery but could not queue it calls {@link #release(String)} so
 * that the helpdesk's retry is not mistaken for a duplicate.
 */
public final class DeliveryDeduplicator {

    private final Cache<String, Boolean> seen;

    /** A deduplicator remembering up to {@code maxEntries} deliveries for {@code window}. */
    public DeliveryDeduplicator(Duration window, long maxEntries) {
        this(window, maxEntries, Ticker.systemTicker());
    }

    /** As above, with a ticker for tests that move time forward. */
    public DeliveryDeduplicator(Duration window, long maxEntries, Ticker ticker) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("window must be positive and maxEntries >= 1");
        }
        this.seen = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maxEntries)
                .ticker(Objects.requireNonNull(ticker, "ticker")).build();
    }

    /** Defaults: one hour, 100,000 deliveries (a few MB). */
    public static DeliveryDeduplicator withDefaults() {
        return new DeliveryDeduplicator(Duration.ofHours(1), 100_000);
    }

    /**
     * Records the delivery and says whether it is new. Atomic: of two concurrent calls with the
     * same id exactly one gets {@code true}.
     */
    public boolean firstSeen(String deliveryId) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        return seen.asMap().putIfAbsent(deliveryId, Boolean.TRUE) == null;
    }

    /** Forgets a delivery so that its next arrival counts as new. */
    public void release(String deliveryId) {
        seen.invalidate(deliveryId);
    }

    /** The number of deliveries currently remembered (approximate under concurrency). */
    public long size() {
        seen.cleanUp();
        return seen.estimatedSize();
    }
}
