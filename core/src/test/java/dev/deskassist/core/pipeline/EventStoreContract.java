package dev.deskassist.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deskassist.core.adapter.TicketEvent.Type;
import dev.deskassist.core.adapter.TicketRef;
import dev.deskassist.core.adapter.WriteLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link EventStore} must do, run against each implementation (the embedded SQLite one
 * and the Redis one): dedupe with a window, per-ticket claims under leases with tokens, reruns,
 * reschedules, dead letters, sharing between two handles, and a durable write ledger. Times come
 * from the test, never the wall clock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class EventStoreContract {

    protected static final Set<String> ALL = Set.of("zendesk", "freshdesk");
    protected static final Duration LEASE = Duration.ofMinutes(2);
    protected static final Duration DAY = Duration.ofDays(1);
    protected static final TicketRef X = TicketRef.of("zendesk", "X");
    protected static final TicketRef Y = TicketRef.of("zendesk", "Y");

    protected final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
    protected EventStore store;

    /** A fresh, empty store for one test. */
    protected abstract EventStore openFresh();

    /** The same store opened again (after {@link #store} was closed). */
    protected abstract EventStore reopenSame();

    /** A second handle on the same store, as another process would open it. */
    protected abstract EventStore openAnother();

    @BeforeEach
    void openStore() {
        store = openFresh();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected void reopen() {
        store.close();
        store = reopenSame();
    }

    protected boolean append(TicketRef ref, String delivery, Instant at) {
        return store.append(new IncomingEvent(ref, Type.UPDATED, delivery, at), DAY);
    }

    @Test
    void deliveryIdsAreRememberedForTheWindowAcrossReopen() {
        assertTrue(append(X, "d-1", t0));
        assertFalse(append(X, "d-1", t0.plusSeconds(60)));
        // no delivery id: never a duplicate
        assertTrue(append(X, null, t0));
        assertTrue(append(X, null, t0));
        // the same id from another helpdesk is another delivery
        assertTrue(append(TicketRef.of("freshdesk", "X"), "d-1", t0));

        reopen();
        assertFalse(append(X, "d-1", t0.plus(Duration.ofHours(23))));
        assertEquals(0, store.purgeExpiredDeliveries(t0.plus(Duration.ofHours(23))));
        assertEquals(2, store.purgeExpiredDeliveries(t0.plus(DAY)));
        assertTrue(append(X, "d-1", t0.plus(DAY)));
        assertEquals(5, store.pendingEvents());
    }

    @Test
    void aClaimFoldsEveryPendingEventOfOneTicketAndHoldsItUnderALease() {
        append(X, "d-1", t0);
        append(X, "d-2", t0.plusSeconds(1));
        append(Y, "d-3", t0.plusSeconds(2));

        Claim x = store.claim(ALL, t0.plusSeconds(5), LEASE).orElseThrow();
        assertEquals(X, x.ref());
        assertEquals(2, x.events());
        assertEquals(t0, x.firstReceived());
        Claim y = store.claim(ALL, t0.plusSeconds(5), LEASE).orElseThrow();
        assertEquals(Y, y.ref());
        assertTrue(store.claim(ALL, t0.plusSeconds(5), LEASE).isEmpty(), "X and Y are both held");
        assertTrue(store.claim(Set.of("freshdesk"), t0.plusSeconds(5), LEASE).isEmpty());

        assertTrue(store.complete(x, t0.plusSeconds(6)));
        assertEquals(1, store.pendingEvents());
    }

    @Test
    void anEventArrivingDuringARunCausesExactlyOneRerun() {
        append(X, "d-1", t0);
        Claim first = store.claim(ALL, t0, LEASE).orElseThrow();
        append(X, "d-2", t0.plusSeconds(1));
        append(X, "d-3", t0.plusSeconds(2));
        assertTrue(store.claim(ALL, t0.plusSeconds(3), LEASE).isEmpty(), "one run per ticket at a time");

        assertTrue(store.complete(first, t0.plusSeconds(4)));
        Claim rerun = store.claim(ALL, t0.plusSeconds(4), LEASE).orElseThrow();
        assertEquals(2, rerun.events());
        assertEquals(0, rerun.attempts());
        assertEquals(t0.plusSeconds(1), rerun.firstReceived());
        assertTrue(store.complete(rerun, t0.plusSeconds(5)));
        assertEquals(0, store.pendingEvents());
        assertTrue(store.pending(10).isEmpty());
    }

    @Test
    void aCrashedClaimExpiresAndAStaleTokenCannotFinishTheNewOne() {
        append(X, "d-1", t0);
        Claim crashed = store.claim(ALL, t0, LEASE).orElseThrow();
        assertTrue(store.claim(ALL, t0.plus(LEASE).minusSeconds(1), LEASE).isEmpty());

        Claim taken = store.claim(ALL, t0.plus(LEASE), LEASE).orElseThrow();
        assertEquals(X, taken.ref());
        assertFalse(crashed.token().equals(taken.token()));
        assertFalse(store.complete(crashed, t0.plus(LEASE)));
        assertFalse(store.reschedule(crashed, t0.plus(DAY), true, t0.plus(LEASE)));
        assertTrue(store.deadLetter(crashed, new DeadLetterReason(DeadLetterReason.Kind.UNEXPECTED, "x"),
                t0.plus(LEASE)).isEmpty());
        assertFalse(store.renew(crashed, t0.plus(LEASE), LEASE));
        assertEquals(1, store.pendingEvents());

        assertTrue(store.renew(taken, t0.plus(LEASE).plusSeconds(60), LEASE));
        assertTrue(store.claim(ALL, t0.plus(LEASE).plus(LEASE), LEASE).isEmpty(), "the renewed lease holds");
        assertTrue(store.complete(taken, t0.plus(LEASE).plusSeconds(61)));
        assertEquals(0, store.pendingEvents());
    }

    @Test
    void rescheduleWaitsUntilDueAndCountsOnlyRealAttempts() {
        append(X, "d-1", t0);
        Claim c1 = store.claim(ALL, t0, LEASE).orElseThrow();
        assertTrue(store.reschedule(c1, t0.plusSeconds(30), true, t0));
        assertTrue(store.claim(ALL, t0.plusSeconds(29), LEASE).isEmpty());
        PendingTicket p = store.pending(1).get(0);
        assertEquals(t0.plusSeconds(30), p.dueAt());
        assertEquals(1, p.attempts());
        assertTrue(p.lease().isEmpty());

        Claim c2 = store.claim(ALL, t0.plusSeconds(30), LEASE).orElseThrow();
        assertEquals(1, c2.attempts());
        assertTrue(store.reschedule(c2, t0.plusSeconds(60), false, t0.plusSeconds(30)));
        Claim c3 = store.claim(ALL, t0.plusSeconds(60), LEASE).orElseThrow();
        assertEquals(1, c3.attempts(), "a wait for the circuit spends no attempt");
        assertEquals(t0, c3.firstReceived());

        assertTrue(store.release(c3));
        Claim c4 = store.claim(ALL, t0.plusSeconds(60), LEASE).orElseThrow();
        assertEquals(1, c4.attempts());
    }

    @Test
    void aDeadLetterTakesTheRunsEventsAndLeavesLaterOnesPending() {
        append(X, "d-1", t0);
        append(X, "d-2", t0.plusSeconds(1));
        Claim c = store.claim(ALL, t0.plusSeconds(2), LEASE).orElseThrow();
        append(X, "d-3", t0.plusSeconds(3));

        DeadLetterEntry e = store.deadLetter(c, new DeadLetterReason(DeadLetterReason.Kind.NOT_FOUND, "HTTP 404"),
                t0.plusSeconds(4)).orElseThrow();
        assertEquals(2, e.events());
        assertEquals(1, e.attempts());
        assertEquals(t0, e.firstReceived());
        assertEquals(t0.plusSeconds(4), e.deadLetteredAt());
        assertEquals(List.of(e), store.deadLetters().list(DeadLetterQuery.all()));
        assertEquals(1, store.pendingEvents());
        assertEquals(X, store.claim(ALL, t0.plusSeconds(4), LEASE).orElseThrow().ref());
    }

    @Test
    void twoConnectionsOnOneFileShareTheWork() {
        try (EventStore other = openAnother()) {
            append(X, "d-1", t0);
            assertFalse(other.append(new IncomingEvent(X, Type.UPDATED, "d-1", t0), DAY), "dedupe is shared");
            Claim c = other.claim(ALL, t0, LEASE).orElseThrow();
            assertTrue(store.claim(ALL, t0, LEASE).isEmpty());
            assertTrue(other.complete(c, t0));
        }
        assertEquals(0, store.pendingEvents());
    }

    @Test
    void theWriteLedgerSurvivesAReopen() {
        WriteLedger ledger = store.writeLedger();
        assertEquals(Map.of(), ledger.written(X));
        ledger.record(X, Map.of("priority", "HIGH", "group", "billing"));
        ledger.record(X, Map.of("priority", "URGENT"));
        ledger.record(Y, Map.of("field:category", "refund"));

        reopen();
        assertEquals(Map.of("priority", "URGENT", "group", "billing"), store.writeLedger().written(X));
        assertEquals(Map.of("field:category", "refund"), store.writeLedger().written(Y));
    }

    @Test
    void aClosedStoreThrowsARetryableStoreException() {
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> append(X, "d", t0));
        assertTrue(e.isRetryable());
        assertTrue(e.getMessage().contains("closed"));
    }
}
