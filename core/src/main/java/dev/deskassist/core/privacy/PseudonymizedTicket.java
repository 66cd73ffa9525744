package dev.deskassist.core.privacy;

import dev.deskassist.core.model.Ticket;
import java.util.Objects;

/** A ticket with its personal data replaced by placeholders, and the map to restore them. */
public record PseudonymizedTicket(Ticket ticket, PseudonymMap map) {

    public PseudonymizedTicket {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(map, "map");
    }
}
