package dev.deskassist.core.pipeline.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.http.RateBudget;
import dev.deskassist.core.http.RequestLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One helpdesk account's budget shared by two replicas (two connections) on a real redis-server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisRequestLimiterTest {

    private RedisServerProcess server;
    private RedisEventStore a;
    private RedisEventStore b;

    @BeforeEach
    void start() {
        server = RedisServerProcess.start();
        a = RedisEventStore.open(RedisStoreSettings.builder(server.url()).build());
        b = RedisEventStore.open(RedisStoreSettings.builder(server.url()).build());
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        server.close();
    }

    @Test
    void twoReplicasTogetherGetOnlyTheBurstOfOneBudget() {
        RateBudget budget = RateBudget.perMinute(600); // 10/s, released as at most 10 at once
        RequestLimiter onA = a.requestLimiter("zendesk@acme", budget, Duration.ZERO);
        RequestLimiter onB = b.requestLimiter("zendesk@acme", budget, Duration.ZERO);
        int granted = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            granted += (onA.acquire() ? 1 : 0) + (onB.acquire() ? 1 : 0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the burst of one budget, plus what refilled while the loop ran (a slow machine lets a few more in)
        assertTrue(granted >= 10 && granted <= 10 + Math.ceil(10 * seconds), "granted " + granted + " in "
                + seconds + " s");
        assertTrue(a.requestLimiter("freshdesk@acme", budget, Duration.ZERO).acquire(), "another account has its own");
    }

    @Test
    void waitingReplicasShareTheRateOverTime() throws Exception {
        RateBudget budget = RateBudget.perMinute(1200); // 20/s, burst 20
        AtomicInteger granted = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (RedisEventStore s : List.of(a, b, a, b)) {
            RequestLimiter l = s.requestLimiter("servicenow@acme", budget, Duration.ofMillis(200));
            Thread t = new Thread(() -> {
                while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1500)) {
                    if (l.acquire()) {
                        granted.incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // the burst plus the rate over the time that passed, never more
        assertTrue(granted.get() <= 20 + Math.ceil(20 * seconds) + 1, granted + " in " + seconds + " s");
        assertTrue(granted.get() >= 20 + 20 * 1.0, "waiting callers do get the refilled permits: " + granted);
    }

    @Test
    void anUnreachableBudgetGrantsNothing() {
        RequestLimiter l = a.requestLimiter("zendesk@acme", RateBudget.perMinute(600), Duration.ofMillis(100));
        assertTrue(l.acquire());
        server.kill();
        assertFalse(l.acquire());
        assertEquals(true, a.requestLimiter("x", RateBudget.UNLIMITED, Duration.ZERO).acquire());
    }
}
