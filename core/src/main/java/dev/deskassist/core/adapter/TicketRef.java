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

    /**
     * This ref's ticket id after checking that it names a ticket of {@code helpdesk} in the form
     * that helpdesk uses; an adapter calls it before putting the id into a request path.
     *
     * @param form what the id looks like, for the message, e.g. "positive numbers"
     * @throws IllegalArgumentException when it does not
     */
    public String idFor(String helpdesk, java.util.regex.Pattern idPattern, String form) {
        if (!this.helpdesk.equals(helpdesk)) {
            throw new IllegalArgumentException("not a " + helpdesk + " ticket: " + this);
        }
        if (!idPattern.matcher(ticketId).matches()) {
            throw new IllegalArgumentException(helpdesk + " ticket ids are " + form + ": " + this);
        }
        return ticketId;
    }

    @Override
    public String toString() {
        return helpdesk + "#" + ticketId;
    }
}
