package dev.deskassist.core.pipeline;

import dev.deskassist.core.adapter.TicketEvent;
import dev.deskassist.core.adapter.TicketRef;
import java.time.Instant;
import java.util.Objects;

/**
 * What the store keeps of an accepted event: the ticket, the kind of change, the delivery id used
 * for de-duplication ({@code null}: none) and when it arrived. Never the webhook body: processing
 * needs only the ticket reference, the adapter fetches the ticket itself.
 */
public record IncomingEvent(TicketRef ref, TicketEvent.Type type, String deliveryId, Instant receivedAt) {

    public IncomingEvent {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (deliveryId != null && deliveryId.isBlank()) {
            deliveryId = null;
        }
    }

    /** The event as a verified webhook delivered it. */
    public static IncomingEvent of(TicketEvent event, Instant receivedAt) {
        return new IncomingEvent(event.ref(), event.type(), event.deliveryId(), receivedAt);
    }
}
