package dev.deskassist.core.adapter;

import java.util.Objects;

/** Names one ticket in one helpdesk: the adapter's name ("zendesk") and the helpdesk's own ticket id. */
public record TicketRef(String helpdesk, String ticketId) {

    public TicketRef {
        Objects.requireNonNull(helpdesk, "helpdesk");
        Objects.requireNonNull(ticketId, "ticketId");
        if (ticketId.isBlank()) {
            throw new IllegalArgumentException("ticketId must not be blank");
        }
    }

    public static TicketRef of(String helpdesk, String ticketId) {
        return new TicketRef(helpdesk, ticketId);
    }

    @Override
    public String toString() {
        return helpdesk + "#" + ticketId;
    }
}
