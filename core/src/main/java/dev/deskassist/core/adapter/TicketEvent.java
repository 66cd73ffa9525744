package dev.deskassist.core.adapter;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified webhook said happened: which ticket, what kind of change, the delivery id
 * used for de-duplication (the helpdesk's invocation or event id, else a hash of the payload),
 * who caused it (for loop prevention; {@code null} when the payload does not say) and when.
 * {@code tags} are the ticket's tags at event time when the payload carries them, else empty.
 */
public record TicketEvent(TicketRef ref, Type type, String deliveryId, String actorId, Instant occurredAt,
                          Set<String> tags) {

    /** The kind of change, normalized across helpdesks. */
    public enum Type {
        CREATED,
        UPDATED,
        COMMENT_ADDED
    }

    public TicketEvent {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
