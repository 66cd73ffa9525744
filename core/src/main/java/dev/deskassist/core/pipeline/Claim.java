package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One ticket taken for processing under a lease: every event pending for it when it was claimed
 * is folded into this one run. {@code token} proves ownership: a worker whose lease expired and was
 * claimed again cannot complete or reschedule someone else's run.
 *
 * @param token         the lease token
 * @param ref           the ticket
 * @param types         the kinds of the folded events, oldest first
 * @param attempts      failed attempts before this one that counted towards the backoff
 * @param firstReceived when the oldest event still waiting for this ticket arrived (the retry horizon starts here)
 * @param leaseUntil    when the lease expires unless renewed
 * @param deliveryIds   the delivery ids of the folded events that have one, oldest first (for log context only)
 */
public record Claim(String token, TicketRef ref, List<TicketEvent.Type> types, int attempts, Instant firstReceived,
                    Instant leaseUntil, List<String> deliveryIds) {

    public Claim {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(firstReceived, "firstReceived");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        types = List.copyOf(types);
        deliveryIds = deliveryIds == null ? List.of()
                : deliveryIds.stream().filter(Objects::nonNull).toList();
    }

    /** A claim whose store does not report delivery ids. */
    public Claim(String token, TicketRef ref, List<TicketEvent.Type> types, int attempts, Instant firstReceived,
                 Instant leaseUntil) {
        this(token, ref, types, attempts, firstReceived, leaseUntil, List.of());
    }

    /** How many events this run covers. */
    public int events() {
        return types.size();
    }
}
