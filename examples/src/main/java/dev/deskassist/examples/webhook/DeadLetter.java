package dev.deskassist.examples.webhook;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import java.time.Instant;
import java.util.Set;

/**
 * One event that could not be processed, as one line of the dead-letter file: the verified event
 * (ids, type, raw body as received), when and how often it failed, and the error's type and
 * message (ids and codes only, never ticket text). Enough to replay it.
 */
public record DeadLetter(
        Instant failedAt,
        String helpdesk,
        String ticketId,
        String eventType,
        String deliveryId,
        String actorId,
        Instant occurredAt,
        int attempts,
        String errorType,
        String error,
        String body) {

    static DeadLetter of(TicketEvent e, String body, int attempts, Throwable error, Instant at) {
        return new DeadLetter(at, e.ref().helpdesk(), e.ref().ticketId(), e.type().name(), e.deliveryId(), e.actorId(),
                e.occurredAt(), attempts, error.getClass().getSimpleName(), String.valueOf(error.getMessage()), body);
    }

    /** The event to process again. */
    public TicketEvent event() {
        return new TicketEvent(TicketRef.of(helpdesk, ticketId), TicketEvent.Type.valueOf(eventType), deliveryId,
                actorId, occurredAt == null ? failedAt : occurredAt, Set.of());
    }
}
