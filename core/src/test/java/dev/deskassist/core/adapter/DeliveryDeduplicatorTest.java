package dev.deskassist.core.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeliveryDeduplicatorTest {

    @Test
    void secondDeliveryWithinWindowIsADuplicate() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        DeliveryDeduplicator d = new DeliveryDeduplicator(Duration.ofMinutes(10), 100, ticker);
        assertTrue(d.firstSeen("inv-1"));
        assertFalse(d.firstSeen("inv-1"));
        assertTrue(d.firstSeen("inv-2"));
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertTrue(d.firstSeen("inv-1"), "outside the window a delivery counts as new again");
    }

    @Test
    void releasedDeliveryCountsAsNew() {
        DeliveryDeduplicator d = new DeliveryDeduplicator(Duration.ofMinutes(10), 100);
        assertTrue(d.firstSeen("x"));
        d.release("x");
        assertTrue(d.firstSeen("x"));
    }

    @Test
    void boundedInSize() {
        DeliveryDeduplicator d = new DeliveryDeduplicator(Duration.ofMinutes(10), 50);
        for (int i = 0; i < 1000; i++) {
            d.firstSeen("id-" + i);
        }
        assertTrue(d.size() <= 50, "size " + d.size());
    }

    @Test
    void exactlyOneConcurrentCallerWins() throws Exception {
        DeliveryDeduplicator d = DeliveryDeduplicator.withDefaults();
        AtomicInteger winners = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            pool.submit(() -> {
                if (d.firstSeen("same")) {
                    winners.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1, winners.get());
    }
}
