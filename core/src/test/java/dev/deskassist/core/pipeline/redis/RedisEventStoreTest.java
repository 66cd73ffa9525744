package dev.deskassist.core.pipeline.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.TicketEvent.Type;
import dev.deskassist.core.adapter.WriteLedger;
import dev.deskassist.core.pipeline.Claim;
import dev.deskassist.core.pipeline.DeadLetterEntry;
import dev.deskassist.core.pipeline.DeadLetterQuery;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.core.pipeline.EventStoreContract;
import dev.deskassist.core.pipeline.IncomingEvent;
import dev.deskassist.core.pipeline.IncompatibleStoreException;
import dev.deskassist.core.pipeline.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@link EventStoreContract} on a real redis-server, and what only a shared server brings: layout, fencing, poison, restarts. */
class RedisEventStoreTest extends EventStoreContract {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static RedisServerProcess server;
    private String prefix;

    @BeforeAll
    static void startServer() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static RedisStoreSettings.Builder settings(String prefix) {
        return RedisStoreSettings.builder(server.url()).keyPrefix(prefix).commandTimeout(Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(2));
    }

    @Override
    protected EventStore openFresh() {
        prefix = "t" + PREFIXES.incrementAndGet();
        return RedisEventStore.open(settings(prefix).build());
    }

    @Override
    protected EventStore reopenSame() {
        return RedisEventStore.open(settings(prefix).build());
    }

    @Override
    protected EventStore openAnother() {
        return RedisEventStore.open(settings(prefix).build());
    }

    @Test
    void anotherLayoutVersionIsRefusedWithATypedError() {
        server.command("SET {" + prefix + "}:layout 2");
        IncompatibleStoreException e = assertThrows(IncompatibleStoreException.class, this::reopenSame);
        assertEquals(2, e.foundVersion());
        assertEquals(RedisEventStore.LAYOUT_VERSION, e.supportedVersion());
        assertFalse(e.isRetryable());
        // an open handle meets it on its next operation, not only at open
        assertThrows(IncompatibleStoreException.class, () -> append(X, "d-1", t0));
        server.command("SET {" + prefix + "}:layout 0");
        IncompatibleStoreException older = assertThrows(IncompatibleStoreException.class, this::reopenSame);
        assertTrue(older.getMessage().contains("reads only"), older.getMessage());
        server.command("SET {" + prefix + "}:layout 1");
        assertTrue(append(X, "d-1", t0));
    }

    @Test
    void aFencedLedgerRefusesOnceTheLeaseWasTakenOver() {
        append(X, "d-1", t0);
        Claim stale = store.claim(ALL, t0, LEASE).orElseThrow();
        WriteLedger staleLedger = store.writeLedger(stale);
        staleLedger.record(X, Map.of("priority", "HIGH"));
        assertEquals(Map.of("priority", "HIGH"), staleLedger.written(X));

        Claim taken = store.claim(ALL, t0.plus(LEASE), LEASE).orElseThrow();
        StoreException read = assertThrows(StoreException.class, () -> staleLedger.written(X));
        assertTrue(read.getMessage().contains("taken over"), read.getMessage());
        assertThrows(StoreException.class, () -> staleLedger.record(X, Map.of("priority", "LOW")));
        assertEquals(Map.of("priority", "HIGH"), store.writeLedger().written(X), "the stale run wrote nothing");

        store.writeLedger(taken).record(X, Map.of("priority", "URGENT"));
        assertEquals(Map.of("priority", "URGENT"), store.writeLedger(taken).written(X));
        assertTrue(store.complete(taken, t0.plus(LEASE)));
    }

    @Test
    void aPoisonedIntakeEntryBecomesACorruptDeadLetterAndTheRestFlows() {
        server.command("XADD {" + prefix + "}:intake * h zendesk t P y NOT-A-TYPE r soon");
        server.command("XADD {" + prefix + "}:intake * junk 1");
        append(X, "d-1", t0);
        assertEquals(3, store.pendingEvents());

        Claim c = store.claim(ALL, t0, LEASE).orElseThrow();
        assertEquals(X, c.ref());
        assertTrue(store.complete(c, t0));
        List<DeadLetterEntry> dead = store.deadLetters().list(DeadLetterQuery.all());
        assertEquals(2, dead.size());
        assertTrue(dead.stream().allMatch(DeadLetterEntry::isCorrupt));
        assertTrue(dead.get(0).corruption().startsWith("unreadable intake entry"), dead.get(0).corruption());
        assertEquals(0, store.deadLetters().replay(DeadLetterQuery.all()), "corrupt entries are kept, not replayed");
        assertEquals(0, store.pendingEvents());
        assertTrue(store.claim(ALL, t0.plusSeconds(1), LEASE).isEmpty());
    }

    @Test
    void anIntakeEntryReadByADeadReplicaIsRoutedByAnotherAfterTheIdleTime() throws Exception {
        store.close();
        store = RedisEventStore.open(settings(prefix).intakeIdle(Duration.ofMillis(300)).build());
        append(X, "d-1", t0);
        // a replica that read the entry from the group and died before routing it
        String read = server.command("XREADGROUP GROUP router dead-replica COUNT 10 STREAMS {" + prefix
                + "}:intake >");
        assertTrue(read != null && read.startsWith("*1"), read);
        assertTrue(store.claim(ALL, t0, LEASE).isEmpty(), "not yet: the other replica may still route it");
        Thread.sleep(400);
        Claim c = store.claim(ALL, t0, LEASE).orElseThrow();
        assertEquals(X, c.ref());
        assertEquals(1, c.events());
    }

    @Test
    void acknowledgedEventsSurviveARedisKillAndRestartWithAppendOnly() {
        for (int i = 0; i < 50; i++) {
            assertTrue(append(i % 2 == 0 ? X : Y, "d-" + i, t0));
        }
        Claim c = store.claim(ALL, t0, LEASE).orElseThrow();
        store.writeLedger().record(c.ref(), Map.of("priority", "HIGH"));
        server.restart();

        StoreException e = null;
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            try {
                assertFalse(append(X, "d-0", t0.plusSeconds(1)), "the delivery is still known after the restart");
                e = null;
                break;
            } catch (StoreException reconnecting) {
                e = reconnecting;
                sleep(100);
            }
        }
        if (e != null) {
            throw e;
        }
        assertEquals(50, store.pendingEvents());
        assertEquals(Map.of("priority", "HIGH"), store.writeLedger().written(c.ref()));
        assertTrue(store.complete(c, t0.plusSeconds(1)), "the lease survived too");
        assertEquals(25, store.pendingEvents());
    }

    @Test
    void anUnreachableServerIsARetryableStoreExceptionAndTheStoreResumes() {
        append(X, "d-1", t0);
        server.kill();
        try {
            StoreException e = assertThrows(StoreException.class,
                    () -> store.append(new IncomingEvent(Y, Type.UPDATED, "d-2", t0), DAY));
            assertTrue(e.isRetryable());
            assertThrows(StoreException.class, () -> store.claim(ALL, t0, LEASE));
        } finally {
            server.restart();
        }
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                assertTrue(append(Y, "d-2", t0));
                break;
            } catch (StoreException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                sleep(100);
            }
        }
        assertEquals(2, store.pendingEvents());
    }

    @Test
    void aSlowServerIsARetryableStoreExceptionNotAHangAndTheRetryStoresOnce() throws Exception {
        store.close();
        store = RedisEventStore.open(settings(prefix).commandTimeout(Duration.ofMillis(300)).build());
        Thread sleeper = new Thread(() -> server.command("DEBUG SLEEP 1.5"));
        sleeper.start();
        Thread.sleep(150);
        long start = System.nanoTime();
        StoreException e = assertThrows(StoreException.class, () -> append(X, "d-slow", t0));
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("in time"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofMillis(1200).toNanos(), "failed before Redis woke up");
        sleeper.join();
        // the timed-out append may still have run once Redis woke; the sender's retry then is a duplicate
        append(X, "d-slow", t0.plusSeconds(1));
        assertEquals(1, store.pendingEvents());
    }

    @Test
    void aFullServerIsARetryableStoreExceptionNamingOutOfMemory() {
        append(X, "d-1", t0);
        server.command("CONFIG SET maxmemory 1");
        try {
            StoreException e = assertThrows(StoreException.class, () -> append(Y, "d-2", t0));
            assertTrue(e.isRetryable());
            assertTrue(e.getMessage().contains("OOM"), e.getMessage());
        } finally {
            server.command("CONFIG SET maxmemory 0");
        }
        assertTrue(append(Y, "d-2", t0), "nothing of the refused append was kept");
        assertEquals(2, store.pendingEvents());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
