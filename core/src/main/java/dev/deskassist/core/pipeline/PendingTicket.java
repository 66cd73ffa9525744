package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.TicketRef;
import java.time.Instant;
import java.util.Optional;

/**
 * A ticket with events waiting in the store: how many, when it is due next, how many attempts
 * counted so far, and the lease when a worker holds it now.
 */
public record PendingTicket(TicketRef ref, int events, Instant dueAt, int attempts, Instant firstReceived,
                            Instant leaseUntil) {

    /** When a worker's lease on the ticket ends; empty when nobody holds it. */
    public Optional<Instant> lease() {
        return Optional.ofNullable(leaseUntil);
    }
}
