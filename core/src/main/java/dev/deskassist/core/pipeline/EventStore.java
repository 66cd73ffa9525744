package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.WriteLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the pipeline keeps accepted events until they are processed, the delivery ids it has seen,
 * the leases of running work, the dead letters and the values last written per ticket. Several
 * processes may share one store (a server and a command line doing list or replay); every
 * operation is atomic. Every method throws {@link StoreException} when the store cannot answer.
 * {@link SqliteEventStore} is the embedded default.
 *
 * <p>Work is per ticket: accepted events of one ticket wait together, a {@link #claim claim}
 * takes all of them under a lease, and at most one claim per ticket is live at a time.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Persists an event durably before returning, unless its delivery id was stored before and has
     * not expired: then nothing is stored. The delivery id is kept for {@code dedupeWindow}.
     *
     * @return true when stored, false for a duplicate delivery
     */
    boolean append(IncomingEvent event, Duration dedupeWindow);

    /**
     * Claims the ticket due soonest among {@code helpdesks}: one whose due time has come and that no
     * live lease holds. Every event pending for it is folded into the claim.
     *
     * @return the claim, or empty when nothing is due
     */
    Optional<Claim> claim(Set<String> helpdesks, Instant now, Duration lease);

    /** Extends a live lease; false when the claim was lost (expired and taken, or finished). */
    boolean renew(Claim claim, Instant now, Duration lease);

    /**
     * The run succeeded: removes its events. Events that arrived during the run stay and are due
     * at once, for exactly one more run.
     *
     * @return false when the claim was no longer this caller's (nothing changed)
     */
    boolean complete(Claim claim, Instant now);

    /**
     * The run failed transiently: its events wait until {@code due}, together with any that
     * arrived meanwhile. {@code countAttempt} is false when the attempt did not really happen (an
     * open circuit), so that waiting spends no attempts.
     *
     * @return false when the claim was no longer this caller's
     */
    boolean reschedule(Claim claim, Instant due, boolean countAttempt, Instant now);

    /**
     * Gives the claim back unprocessed (stopping): its events are pending again at their old due
     * time, no attempt spent.
     *
     * @return false when the claim was no longer this caller's
     */
    boolean release(Claim claim);

    /**
     * The run failed for good: its events become one dead letter. Events that arrived during the
     * run stay pending for another run.
     *
     * @return the entry, or empty when the claim was no longer this caller's
     */
    Optional<DeadLetterEntry> deadLetter(Claim claim, DeadLetterReason reason, Instant now);

    /** How many accepted events are not yet processed or dead-lettered, in-flight ones included. */
    long pendingEvents();

    /** Tickets with pending events, due soonest first, at most {@code limit}. */
    List<PendingTicket> pending(int limit);

    /** Deletes delivery ids whose window has passed; returns how many. */
    int purgeExpiredDeliveries(Instant now);

    /** The dead letters, using {@code clock} for replay times. */
    DeadLetters deadLetters(Clock clock);

    /** The dead letters on the system clock. */
    default DeadLetters deadLetters() {
        return deadLetters(Clock.systemUTC());
    }

    /** The values DeskAssist last wrote per ticket, kept durably in this store; give it to the adapters. */
    WriteLedger writeLedger();

    /**
     * The ledger for one run of {@code claim}. A store shared by several processes fences it: once
     * the claim's lease was taken over, reading and recording throw {@link StoreException}, so the
     * write-back (which reads the ledger before it sends anything) stops before writing. By default
     * the plain {@link #writeLedger()}.
     */
    default WriteLedger writeLedger(Claim claim) {
        return writeLedger();
    }

    /** Where the helpdesk's poller left off, if it ever polled. */
    Optional<Instant> watermark(String helpdesk);

    /** Records where the helpdesk's poller left off (durably, after the changes it found were appended). */
    void saveWatermark(String helpdesk, Instant watermark);

    /** Releases the store's resources; what was persisted stays. */
    @Override
    void close();
}
