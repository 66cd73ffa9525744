package dev.deskassist.core.adapter;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified webhook said happened: which ticket, what kind of change, the key used for
 * de-duplication ({@code deliveryId}: it covers what the signature covers, e.g. for Zendesk the
 * signed timestamp and raw body; {@code null} when the helpdesk sends nothing that tells two
 * deliveries of one event from two real events, as Freshdesk does: then no dedupe by key),
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
        Objects.requireNonNull(occurredAt, "occurredAt");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
